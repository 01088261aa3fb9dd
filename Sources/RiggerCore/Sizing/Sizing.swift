/// How big an install is: the `sizing` answer, which every app reads into replicas, resource
/// requests and, for `ha`, disruption budgets and spreading.
public enum Sizing: String, Sendable, CaseIterable {
    /// One replica of everything, with requests a single-node test cluster can hold.
    case small
    /// One replica of each component, with requests for a modest production load.
    case standard
    /// At least two replicas of every component that can run more than one, each with a
    /// PodDisruptionBudget and spread across nodes and zones.
    case ha

    /// Whether replicas are spread and kept through a node's drain.
    public var isHighlyAvailable: Bool { self == .ha }
}

extension CommonQuestions {
    /// The install's size, asked first on the sizing step with the volumes; the presets for a
    /// single-node test cluster choose `small`.
    public static let sizing = Question(
        key: "sizing", title: "Sizing",
        help: "How many replicas run and what CPU and memory each requests: small for a test cluster, standard for a modest "
            + "production load, ha for at least two replicas of everything that can run more than one, with disruption budgets "
            + "and spreading across nodes and zones. The bundle's README lists each component's replicas and requests, and the "
            + "totals.",
        kind: .choice([
            Choice(Sizing.small.rawValue, "one replica each, small requests (a test cluster)"),
            Choice(Sizing.standard.rawValue, "one replica each, production requests"),
            Choice(Sizing.ha.rawValue, "two or more replicas, disruption budgets, spread over nodes and zones"),
        ]),
        step: .sizing, defaultValue: .value(.string(Sizing.standard.rawValue)))
}

extension PlanReader {
    /// The `sizing` answer; `standard` for an app whose catalog does not ask it.
    public func sizing() throws(PlanError) -> Sizing {
        guard answers["sizing"] != nil else { return .standard }
        return try choice("sizing", as: Sizing.self)
    }
}
