/// A Kubernetes storage quantity (`20Gi`, `500M`), parsed so that sizes can be compared.
public struct StorageQuantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The quantity as written, which is what goes into values.yaml.
    public let text: String
    /// The size in bytes.
    public let bytes: Double

    private static let units: [(suffix: String, factor: Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
        ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ]

    /// Parses a quantity (digits, optionally `.` and digits, then optionally a unit); nil when the
    /// text isn't a positive storage quantity.
    public init?(_ text: String) {
        var number = Substring(text)
        var factor = 1.0
        for unit in Self.units where text.hasSuffix(unit.suffix) {
            number = number.dropLast(unit.suffix.count)
            factor = unit.factor
            break
        }
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ part in !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
            let value = Double(number), value > 0
        else { return nil }
        self.text = text
        self.bytes = value * factor
    }

    public var description: String { text }

    public static func < (lhs: StorageQuantity, rhs: StorageQuantity) -> Bool { lhs.bytes < rhs.bytes }
    public static func == (lhs: StorageQuantity, rhs: StorageQuantity) -> Bool { lhs.bytes == rhs.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
