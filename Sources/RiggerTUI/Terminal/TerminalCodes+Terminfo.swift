internal import CNCursesW
import Foundation

extension TerminalCodes {
    /// The terminal's control strings from terminfo, through ncurses, which must have set up
    /// the terminal (newterm) first. `unicode`: the locale is UTF-8, so characters are sent as
    /// UTF-8; otherwise in the locale's encoding, as ncurses would.
    static func terminfo(unicode: Bool) -> TerminalCodes {
        let cup = rigger_tigetstr("cup")
        var codes = TerminalCodes(moveTo: { row, column in expanded(rigger_tiparm(cup, Int32(row), Int32(column))) })
        codes.allAttributesOff = expanded(rigger_tigetstr("sgr0"))
        codes.bold = expanded(rigger_tigetstr("bold"))
        codes.reverse = expanded(rigger_tigetstr("rev"))
        codes.underline = expanded(rigger_tigetstr("smul"))
        codes.dim = expanded(rigger_tigetstr("dim"))
        codes.defaultColors = expanded(rigger_tigetstr("op"))
        codes.clearToEndOfLine = expanded(rigger_tigetstr("el"))
        codes.left = expanded(rigger_tigetstr("cub1"))
        codes.carriageReturn = expanded(rigger_tigetstr("cr"))
        codes.down = expanded(rigger_tigetstr("cud1"))
        codes.hideCursor = expanded(rigger_tigetstr("civis"))
        codes.showCursor = expanded(rigger_tigetstr("cnorm"))
        if let cuf = rigger_tigetstr("cuf") {
            codes.moveRight = { count in expanded(rigger_tiparm(cuf, Int32(count), 0)) }
        }
        if let hpa = rigger_tigetstr("hpa") {
            codes.moveToColumn = { column in expanded(rigger_tiparm(hpa, Int32(column), 0)) }
        }
        if let setaf = rigger_tigetstr("setaf") {
            codes.foreground = { color in expanded(rigger_tiparm(setaf, Int32(color.rawValue), 0)) }
        } else if let setf = rigger_tigetstr("setf") {
            // setf numbers the colours otherwise than ANSI: red is 4 and cyan 3 there.
            codes.foreground = { color in expanded(rigger_tiparm(setf, color == .red ? 4 : 3, 0)) }
        }
        codes.columns = { character in
            character.unicodeScalars.reduce(0) { $0 + max(0, Int(rigger_wcwidth($1.value))) }
        }
        if !unicode { codes.encode = localeBytes }
        return codes
    }

    /// A capability as tputs sends it, padding included; empty when there is none.
    private static func expanded(_ capability: UnsafePointer<CChar>?) -> [UInt8] {
        guard let capability else { return [] }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBufferPointer { rigger_tputs(capability, $0.baseAddress, $0.count) }
        return Array(buffer.prefix(count))
    }

    /// A character in the locale's multibyte encoding (wcrtomb), "?" for what it can't encode.
    private static func localeBytes(_ character: Character) -> [UInt8] {
        var bytes: [UInt8] = []
        var state = mbstate_t()
        var buffer = [CChar](repeating: 0, count: 16)
        for scalar in character.unicodeScalars {
            let count = wcrtomb(&buffer, wchar_t(bitPattern: scalar.value), &state)
            if count == -1 || count > buffer.count {
                bytes.append(0x3F)
                state = mbstate_t()
            } else {
                bytes += buffer.prefix(count).map { UInt8(bitPattern: $0) }
            }
        }
        return bytes
    }
}
