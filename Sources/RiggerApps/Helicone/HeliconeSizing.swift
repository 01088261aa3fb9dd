import RiggerCore

/// Helicone's components at each size: replicas and requests through each component's own chart
/// values (`replicaCount`, `resources`, `affinity`), and for `ha` a PodDisruptionBudget per
/// replicated component through the post-renderer (the chart has none), with spreading through a
/// patch where the chart reads no `affinity`.
enum HeliconeSizing {
    static let source = "Neither Helicone nor its chart publishes a sizing: the sizes are rigger's."

    /// A component: its values key (under `helicone.` for web and worker), its name after the
    /// chart's `helicone-`, whether its template reads `affinity`, and why it stays single, if it must.
    struct Component {
        let valuesKey: String
        let name: String
        let readsAffinity: Bool
        let singleBecause: String?
        let managedAlternative: String?

        init(_ valuesKey: String, _ name: String, readsAffinity: Bool, singleBecause: String? = nil, managedAlternative: String? = nil) {
            self.valuesKey = valuesKey
            self.name = name
            self.readsAffinity = readsAffinity
            self.singleBecause = singleBecause
            self.managedAlternative = managedAlternative
        }
    }

    static func components(_ plan: HeliconePlan) -> [Component] {
        var all = [
            Component("helicone.web", "web", readsAffinity: false),
            Component("helicone.worker", "worker", readsAffinity: false),
            Component("kong", "kong", readsAffinity: true),
            Component("auth", "auth", readsAffinity: true),
            Component("rest", "rest", readsAffinity: true),
            Component("meta", "meta", readsAffinity: true),
            Component("imgproxy", "imgproxy", readsAffinity: false),
            Component("functions", "functions", readsAffinity: false),
            Component(
                "realtime", "realtime", readsAffinity: true,
                singleBecause: "the chart runs Supabase Realtime without the Erlang clustering (DNS_NODES) its replicas need to share channels"),
            Component(
                "storage", "storage", readsAffinity: true,
                singleBecause: "it keeps files on a volume that one node can attach at a time",
                managedAlternative: "none in this chart (Supabase Storage's S3 backend is not wired)"),
            Component(
                "db", "db", readsAffinity: true, singleBecause: "the chart runs one PostgreSQL with Supabase's extensions",
                managedAlternative: "none that keeps Supabase's extensions: back it up (the README says how)"),
        ]
        if plan.studio { all.insert(Component("studio", "studio", readsAffinity: true), at: 8) }
        if case .inCluster = plan.clickhouse {
            all.append(Component(
                "clickhouse", "clickhouse", readsAffinity: false, singleBecause: "the chart runs ClickHouse as one Deployment on one volume",
                managedAlternative: "ClickHouse Cloud (clickhouse.mode=managed)"))
        }
        return all
    }

    static func resources(_ name: String, _ sizing: Sizing) -> ContainerResources {
        let small = sizing == .small
        switch name {
        case "web", "worker": return small ? .init(cpuMillis: 200, memoryMiB: 512, memoryLimitMiB: 1024) : .init(cpuMillis: 500, memoryMiB: 1024, memoryLimitMiB: 2048)
        case "db": return small ? .init(cpuMillis: 250, memoryMiB: 512, memoryLimitMiB: 1024) : .init(cpuMillis: 500, memoryMiB: 1024, memoryLimitMiB: 2048)
        case "clickhouse": return small ? .init(cpuMillis: 250, memoryMiB: 1024, memoryLimitMiB: 2048) : .init(cpuMillis: 500, memoryMiB: 2048, memoryLimitMiB: 4096)
        case "kong", "realtime", "storage", "studio": return small ? .init(cpuMillis: 100, memoryMiB: 256, memoryLimitMiB: 512) : .init(cpuMillis: 200, memoryMiB: 512, memoryLimitMiB: 1024)
        default: return small ? .init(cpuMillis: 50, memoryMiB: 128, memoryLimitMiB: 256) : .init(cpuMillis: 100, memoryMiB: 256, memoryLimitMiB: 512)
        }
    }

    static func replicas(_ component: Component, _ sizing: Sizing) -> Int { sizing == .ha && component.singleBecause == nil ? 2 : 1 }

    static func labels(_ plan: HeliconePlan, _ component: Component) -> [(String, String)] {
        [("app.kubernetes.io/name", "helicone-\(component.name)"), ("app.kubernetes.io/instance", plan.release)]
    }

    static func table(_ plan: HeliconePlan) -> SizingTable {
        SizingTable(sizing: plan.sizing, components: components(plan).map { component in
            SizedComponent(
                component.name, replicas: replicas(component, plan.sizing), resources: resources(component.name, plan.sizing),
                singleBecause: component.singleBecause, managedAlternative: component.managedAlternative)
        }, source: source, notes: [
            "The chart gives its containers no readiness or liveness probes. rigger adds a readiness probe where the component serves a "
                + "health check of its own (\(HeliconeProbes.probes(plan).map(\.component).joined(separator: ", "))); "
                + "\(HeliconeProbes.unprobed(plan).joined(separator: ", ")) have none, so Kubernetes sends them traffic as soon as they "
                + "start, and no container has a liveness probe: one is restarted only when its process exits. Watch the pods after an "
                + "install or upgrade (`kubectl get pods --namespace \(plan.namespace) --watch`).",
        ] + (plan.sizing == .ha ? [
            "Each web pod runs the chart's database migrations in its init containers as it starts, so with ha two run them at once on "
                + "a new install: if one fails, its pod restarts and runs them again.",
        ] : []))
    }

    /// The values each component's template reads, merged into the values the renderer wrote.
    static func addValues(_ plan: HeliconePlan, to values: inout YAMLTree) {
        for component in components(plan) {
            values.set("\(component.valuesKey).replicaCount", .int(replicas(component, plan.sizing)))
            values.set("\(component.valuesKey).resources", resources(component.name, plan.sizing).tree)
            if plan.sizing == .ha, component.singleBecause == nil, component.readsAffinity {
                values.set("\(component.valuesKey).affinity", Spreading.antiAffinity(labels(plan, component)))
            }
        }
    }

    /// For `ha`: spreading where the chart reads no affinity, and a disruption budget for each
    /// replicated component.
    static func addPostRender(_ plan: HeliconePlan, to postRender: inout PostRender) {
        guard plan.sizing == .ha else { return }
        for component in components(plan) where component.singleBecause == nil {
            let name = HeliconeChart.fullname(release: plan.release, component: component.name)
            if !component.readsAffinity {
                postRender.patches.append(PostRender.Patch(
                    kind: "Deployment", name: name,
                    body: .map([("spec", .map([("template", .map([("spec", .map([
                        ("affinity", Spreading.antiAffinity(labels(plan, component))),
                    ]))]))]))]),
                    reason: "sizing ha: the chart reads no affinity for \(component.name); its replicas prefer different nodes and zones"))
            }
            postRender.resources.append(Spreading.disruptionBudget(name: name, labels: labels(plan, component), component: component.name))
        }
    }
}
