import RiggerCore

/// Readiness probes for the Helicone chart's containers, which it gives none: added through the
/// post-renderer only where the component serves a health check of its own (the ones Supabase's
/// self-hosting Compose file checks), so that a pod gets traffic once it can answer. The others are
/// listed in the README.
enum HeliconeProbes {
    /// Each probed component and how it is asked.
    static func probes(_ plan: HeliconePlan) -> [(component: String, probe: YAMLTree)] {
        let http = { (path: String, port: Int) -> YAMLTree in .map([("path", .string(path)), ("port", .int(port))]) }
        var probes: [(String, YAMLTree)] = [
            ("auth", .map([("httpGet", http("/health", 9999))])),
            ("storage", .map([("httpGet", http("/status", 5000))])),
            ("imgproxy", .map([("exec", .map([("command", .list([.string("imgproxy"), .string("health")]))]))])),
            ("db", .map([("exec", .map([("command", .list(["pg_isready", "-U", "postgres", "-h", "localhost"].map(YAMLTree.string)))]))])),
        ]
        if case .inCluster = plan.clickhouse {
            probes.append(("clickhouse", .map([("httpGet", http("/ping", HeliconeChart.clickhousePort))])))
        }
        return probes.map { component, check in
            guard case .map(let entries) = check else { return (component, check) }
            return (component, .map(entries + [("periodSeconds", .int(10)), ("failureThreshold", .int(3))]))
        }
    }

    /// The components left without a probe: they serve no health check of their own that needs no key.
    static func unprobed(_ plan: HeliconePlan) -> [String] {
        let probed = Set(probes(plan).map(\.component))
        return HeliconeSizing.components(plan).map(\.name).filter { !probed.contains($0) }
    }

    static func addPostRender(_ plan: HeliconePlan, to postRender: inout PostRender) {
        for (component, probe) in probes(plan) {
            let container = YAMLTree.map([("name", .string(HeliconeChart.containerName(component))), ("readinessProbe", probe)])
            postRender.patches.append(PostRender.Patch(
                kind: "Deployment", name: HeliconeChart.fullname(release: plan.release, component: component),
                body: .map([("spec", .map([("template", .map([("spec", .map([("containers", .list([container]))]))]))]))]),
                reason: "the chart gives \(component) no readiness probe; this one asks the health check it serves itself"))
        }
    }
}
