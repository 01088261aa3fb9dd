/// A node that can run the install's pods: what it has allocatable and the zone it is in.
public struct NodeFact: Sendable, Equatable {
    public let name: String
    /// Allocatable CPU in millicores.
    public let cpuMillis: Int
    /// Allocatable memory in MiB.
    public let memoryMiB: Int
    /// Its `topology.kubernetes.io/zone` label, if it has one.
    public let zone: String?

    public init(name: String, cpuMillis: Int, memoryMiB: Int, zone: String?) {
        self.name = name
        self.cpuMillis = cpuMillis
        self.memoryMiB = memoryMiB
        self.zone = zone
    }

    /// Reads Kubernetes quantities as a node's `status.allocatable` has them (`1930m`, `2`,
    /// `8029624Ki`, `7Gi`); nil when one can't be read.
    package init?(name: String, cpu: String, memory: String, zone: String?) {
        guard let millis = Self.cpuMillis(cpu), let mebibytes = Self.memoryMiB(memory) else { return nil }
        self.init(name: name, cpuMillis: millis, memoryMiB: mebibytes, zone: zone)
    }

    static func cpuMillis(_ text: String) -> Int? {
        if text.hasSuffix("m") { return Int(text.dropLast()) }
        if let whole = Int(text) { return whole * 1000 }
        return Double(text).map { Int(($0 * 1000).rounded()) }
    }

    static func memoryMiB(_ text: String) -> Int? {
        let units: [(String, Double)] = [
            ("Ki", 1.0 / 1024), ("Mi", 1), ("Gi", 1024), ("Ti", 1024 * 1024),
            ("k", 1000.0 / 1_048_576), ("M", 1_000_000.0 / 1_048_576), ("G", 1_000_000_000.0 / 1_048_576),
        ]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count)) else { return nil }
            return Int((number * factor).rounded(.down))
        }
        return Double(text).map { Int(($0 / 1_048_576).rounded(.down)) }
    }
}
