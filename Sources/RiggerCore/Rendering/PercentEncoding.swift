/// Percent-encoding for the parts of a URL that carry credentials.
public enum PercentEncoding {
    /// A user name or password for a URL's userinfo: every byte but RFC 3986's unreserved
    /// characters (letters, digits, `-`, `.`, `_`, `~`) is encoded, so that `@ : / ? # %` and
    /// anything else can't end the part early.
    public static func userinfo(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
