/// How `ha` keeps a component's replicas apart and running through a node's drain: shapes that
/// charts take as values and the post-renderer adds where a chart has none.
public enum Spreading {
    /// The node label a spread over nodes keys on.
    public static let hostnameKey = "kubernetes.io/hostname"
    /// The node label a spread over zones keys on.
    public static let zoneKey = "topology.kubernetes.io/zone"

    /// Pod anti-affinity that prefers a node, then a zone, without a replica of the same pods:
    /// preferred, so that a cluster of fewer nodes still schedules them (the probe warns of it).
    public static func antiAffinity(_ labels: [(String, String)]) -> YAMLTree {
        let selector = YAMLTree.map([("matchLabels", .map(labels.map { ($0.0, .string($0.1)) }))])
        let term = { (weight: Int, key: String) -> YAMLTree in
            .map([
                ("weight", .int(weight)),
                ("podAffinityTerm", .map([("labelSelector", selector), ("topologyKey", .string(key))])),
            ])
        }
        return .map([("podAntiAffinity", .map([
            ("preferredDuringSchedulingIgnoredDuringExecution", .list([term(100, hostnameKey), term(50, zoneKey)])),
        ]))])
    }

    /// Topology spread constraints over nodes and zones for pods with these labels: skew 1, and
    /// scheduled anyway where the cluster has too few nodes or zones.
    public static func topologySpreadConstraints(_ labels: [(String, String)]) -> YAMLTree {
        let selector = YAMLTree.map([("matchLabels", .map(labels.map { ($0.0, .string($0.1)) }))])
        return .list([hostnameKey, zoneKey].map { key in
            .map([
                ("maxSkew", .int(1)), ("topologyKey", .string(key)), ("whenUnsatisfiable", .string("ScheduleAnyway")),
                ("labelSelector", selector),
            ])
        })
    }

    /// A PodDisruptionBudget that lets a drain take one pod of these labels at a time, for the
    /// post-renderer to add where the chart has none.
    public static func disruptionBudget(name: String, labels: [(String, String)], component: String) -> PostRender.Resource {
        PostRender.Resource(
            apiVersion: "policy/v1", kind: "PodDisruptionBudget", name: name,
            body: .map([("spec", .map([
                ("maxUnavailable", .int(1)),
                ("selector", .map([("matchLabels", .map(labels.map { ($0.0, .string($0.1)) }))])),
            ]))]),
            reason: "sizing ha: the chart has no PodDisruptionBudget for \(component); a drain takes one of its pods at a time")
    }
}
