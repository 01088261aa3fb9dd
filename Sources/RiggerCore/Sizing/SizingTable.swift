/// What one component of an install runs and requests at the chosen size.
public struct SizedComponent: Sendable, Equatable {
    /// The component's name in the table, e.g. "web" or "PostgreSQL".
    public let name: String
    /// The replicas it runs; with `autoscaling`, the autoscaler's minimum.
    public let replicas: Int
    /// The autoscaler's maximum, when a HorizontalPodAutoscaler scales it.
    public let maximumReplicas: Int?
    /// What each replica requests (and its memory limit).
    public let resources: ContainerResources
    /// Why it runs one replica whatever the size, when it must; nil when it can scale.
    public let singleBecause: String?
    /// What to use instead for a highly available one (a managed service), when there is one.
    public let managedAlternative: String?

    public init(
        _ name: String, replicas: Int, maximumReplicas: Int? = nil, resources: ContainerResources, singleBecause: String? = nil,
        managedAlternative: String? = nil
    ) {
        self.name = name
        self.replicas = replicas
        self.maximumReplicas = maximumReplicas
        self.resources = resources
        self.singleBecause = singleBecause
        self.managedAlternative = managedAlternative
    }

    /// CPU requested by all its replicas at their minimum, in millicores.
    public var totalCPUMillis: Int { replicas * resources.cpuMillis }
    /// Memory requested by all its replicas at their minimum, in MiB.
    public var totalMemoryMiB: Int { replicas * resources.memoryMiB }
}

/// One container's requests and memory limit. CPU is left without a limit: a limit throttles a
/// busy process even on an idle node, while memory beyond the limit is what gets a pod killed
/// before it takes the node's.
public struct ContainerResources: Sendable, Equatable {
    public let cpuMillis: Int
    public let memoryMiB: Int
    public let memoryLimitMiB: Int

    public init(cpuMillis: Int, memoryMiB: Int, memoryLimitMiB: Int) {
        self.cpuMillis = cpuMillis
        self.memoryMiB = memoryMiB
        self.memoryLimitMiB = memoryLimitMiB
    }

    /// `requests.cpu`, `requests.memory` and `limits.memory`, as a chart's `resources` value takes them.
    public var tree: YAMLTree {
        .map([
            ("requests", .map([("cpu", .string(Self.cpu(cpuMillis))), ("memory", .string(Self.memory(memoryMiB)))])),
            ("limits", .map([("memory", .string(Self.memory(memoryLimitMiB)))])),
        ])
    }

    /// CPU as Kubernetes writes it: whole cores as a number, otherwise millicores.
    public static func cpu(_ millis: Int) -> String { millis % 1000 == 0 ? String(millis / 1000) : "\(millis)m" }
    /// Memory in Gi when whole, otherwise in Mi.
    public static func memory(_ mebibytes: Int) -> String { mebibytes % 1024 == 0 ? "\(mebibytes / 1024)Gi" : "\(mebibytes)Mi" }
}

/// Every component of an install at the chosen size, with what cannot be made highly available
/// said rather than faked: the table the review and the README show, and the totals the cluster
/// is checked against.
public struct SizingTable: Sendable, Equatable {
    public let sizing: Sizing
    public let components: [SizedComponent]
    /// Where the sizes come from, for the README (the app's published guidance).
    public let source: String
    /// What else the README says of the sizes, such as containers the chart gives no probe.
    public let notes: [String]

    public init(sizing: Sizing, components: [SizedComponent], source: String, notes: [String] = []) {
        self.sizing = sizing
        self.components = components
        self.source = source
        self.notes = notes
    }

    public var totalCPUMillis: Int { components.reduce(0) { $0 + $1.totalCPUMillis } }
    public var totalMemoryMiB: Int { components.reduce(0) { $0 + $1.totalMemoryMiB } }
    /// The largest single replica's requests: what one node must hold at least.
    public var largestReplica: ContainerResources? {
        components.map(\.resources).max { ($0.cpuMillis, $0.memoryMiB) < ($1.cpuMillis, $1.memoryMiB) }
    }
    /// The components that run one replica whatever the size.
    public var singles: [SizedComponent] { components.filter { $0.singleBecause != nil } }

    /// "4.25 CPU and 9.5 GiB", for messages.
    public var totalsText: String { "\(Self.cores(totalCPUMillis)) CPU and \(Self.gibibytes(totalMemoryMiB)) GiB of memory" }

    /// Millicores as cores, e.g. 4.25.
    public static func cores(_ millis: Int) -> String { Self.decimal(millis, 1000) }
    /// MiB as GiB, e.g. 9.5.
    public static func gibibytes(_ mebibytes: Int) -> String { Self.decimal(mebibytes, 1024) }

    /// A quantity in units with at most two decimals, without trailing zeros.
    private static func decimal(_ value: Int, _ unit: Int) -> String {
        let hundredths = (value * 100 + unit / 2) / unit
        let whole = hundredths / 100, fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func replicasText(_ component: SizedComponent) -> String {
        component.maximumReplicas.map { "\(component.replicas)-\($0) (autoscaled)" } ?? String(component.replicas)
    }

    /// One line per component and one of totals, for the review.
    public var reviewLines: [String] {
        var lines = components.map { component in
            "\(component.name): \(Self.replicasText(component)) x \(ContainerResources.cpu(component.resources.cpuMillis)) CPU, "
                + "\(ContainerResources.memory(component.resources.memoryMiB)) memory"
                + (component.singleBecause == nil || sizing != .ha ? "" : " (single: \(component.singleBecause ?? ""))")
        }
        lines.append("total requested: \(totalsText)")
        return lines
    }

    /// The README's section: the table, the totals, and what stays single and why.
    public var readmeSection: String {
        var text = "## Sizing: \(sizing.rawValue)\n\n"
        text += "What each component runs and requests per replica (the memory limit after the slash); the cluster must hold the totals. "
            + "They are in values.yaml, which each regeneration writes again: a change made there by hand shows in `--diff` and is "
            + "undone. \(source)\n\n"
        text += "| Component | Replicas | CPU request | Memory request / limit |\n| --- | --- | --- | --- |\n"
        for component in components {
            text += "| \(component.name) | \(Self.replicasText(component)) | \(ContainerResources.cpu(component.resources.cpuMillis)) | "
                + "\(ContainerResources.memory(component.resources.memoryMiB)) / \(ContainerResources.memory(component.resources.memoryLimitMiB)) |\n"
        }
        text += "| **Total** (at the minimum replicas) | | \(Self.cores(totalCPUMillis)) | \(Self.gibibytes(totalMemoryMiB)) GiB |\n"
        if sizing == .ha {
            text += "\nWith `ha`, every other component runs two or more replicas, each with a PodDisruptionBudget and spread over nodes "
                + "and zones, so that a node's drain keeps it serving.\n"
        }
        if !singles.isEmpty {
            text += "\nSingle by necessity (one replica whatever the sizing):\n\n"
            for component in singles {
                text += "- \(component.name): \(component.singleBecause ?? "")"
                    + (component.managedAlternative.map { ". For one that survives losing a node: \($0)" } ?? "") + ".\n"
            }
        }
        for note in notes { text += "\n" + note + "\n" }
        return text
    }
}
