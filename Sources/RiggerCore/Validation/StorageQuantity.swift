/// A Kubernetes storage quantity (`20Gi`, `500M`), parsed so that sizes can be compared.
public struct StorageQuantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The quantity as written, which is what goes into values.yaml.
    public let text: String
    /// The size in bytes.
    public let bytes: Double
    /// The unit as written (Gi, M, …); nil for a bare number, which Kubernetes reads as bytes.
    public let unit: String?

    /// The smallest volume rigger sizes: below it a database holds nothing worth keeping, and a
    /// bare number (bytes) is almost always a forgotten unit.
    public static let smallestVolume = StorageQuantity(exactly: "1Gi", bytes: 1_073_741_824, unit: "Gi")

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
        var suffix: String?
        for unit in Self.units where text.hasSuffix(unit.suffix) {
            number = number.dropLast(unit.suffix.count)
            factor = unit.factor
            suffix = unit.suffix
            break
        }
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ part in !part.isEmpty && part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }),
            let value = Double(number), value > 0
        else { return nil }
        self.text = text
        self.bytes = value * factor
        self.unit = suffix
    }

    private init(exactly text: String, bytes: Double, unit: String) {
        self.text = text
        self.bytes = bytes
        self.unit = unit
    }

    /// Whether rigger sizes a volume with it: a unit written out, and at least `smallestVolume`.
    public var isVolumeSize: Bool { unit != nil && self >= Self.smallestVolume }

    public var description: String { text }

    public static func < (lhs: StorageQuantity, rhs: StorageQuantity) -> Bool { lhs.bytes < rhs.bytes }
    public static func == (lhs: StorageQuantity, rhs: StorageQuantity) -> Bool { lhs.bytes == rhs.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
