/// The sizing rule: whether the cluster's nodes can hold what the install requests, and whether
/// `ha` has the nodes and zones to spread over.
extension ClusterRules {
    mutating func sizing() {
        let key = "sizing"
        guard asks(key) else { return }
        note(facts.nodes, "nodes", keys: [key])
        guard let nodes = facts.nodes?.value, let table = app.app.sizing(answers) else { return }
        let cpu = nodes.reduce(0) { $0 + $1.cpuMillis }, memory = nodes.reduce(0) { $0 + $1.memoryMiB }
        let zones = Set(nodes.compactMap(\.zone)).sorted()
        let has = "\(nodes.count) node\(nodes.count == 1 ? "" : "s") with \(SizingTable.cores(cpu)) CPU and "
            + "\(SizingTable.gibibytes(memory)) GiB allocatable in all"
        field(key) { $0.info = has + (zones.isEmpty ? "" : ", in zone\(zones.count == 1 ? "" : "s") \(Self.list(zones))") }
        if table.totalCPUMillis > cpu || table.totalMemoryMiB > memory {
            warn(key, "the install requests \(table.totalsText) and does not fit: the cluster has \(has), before what already runs there")
        } else if let largest = table.largestReplica, !nodes.contains(where: { $0.cpuMillis >= largest.cpuMillis && $0.memoryMiB >= largest.memoryMiB }) {
            warn(key, "no node can hold the largest pod (\(ContainerResources.cpu(largest.cpuMillis)) CPU, "
                + "\(ContainerResources.memory(largest.memoryMiB)) memory); the cluster has \(has)")
        }
        guard table.sizing == .ha else { return }
        if nodes.count < 2 {
            warn(key, "ha can't spread: the cluster has one node, so losing it loses every replica")
        } else if zones.count < 2 {
            // Said on every run but not refused: many clusters have one zone, and the nodes still spread.
            warn(key, "ha can't spread across zones: every node is in \(zones.first.map { "zone \($0)" } ?? "no labelled zone"); "
                + "replicas spread over the nodes only", advisory: true)
        }
    }
}
