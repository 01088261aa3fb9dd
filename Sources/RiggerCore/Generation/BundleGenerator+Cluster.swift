/// A bundle prepared with what was read from the cluster, and what the cluster says about its answers.
public struct ClusterCheckedBundle: Sendable {
    public let prepared: PreparedBundle
    /// The findings on the bundle's final answers: its warnings are the ones to show.
    public let findings: ClusterFindings
}

extension BundleGenerator {
    /// Where the request's answers point the probes (context, namespace, release, static IP), read
    /// from the answers as far as they resolve; their problems are left for `prepare` to report.
    /// Nil when the answers name no app whose catalog asks for a namespace and release.
    public func probeTarget(for request: GenerationRequest) throws -> ClusterProbeTarget? {
        var request = request
        request.clusterAnswers = nil
        let (layers, _) = try layers(for: request, previous: try existingBundle(in: request.outputDirectory))
        let entry = registry.entry(for: layers)
        return ClusterProbeTarget(answers: AnswerResolver(catalog: entry.catalog, now: now).evaluate(layers).answers.lookup)
    }

    /// Reads, validates and renders with the cluster's facts: the answers the cluster sets (such as
    /// cert-manager off when one is already installed) go in as a layer under the operator's own
    /// answers, and the findings are evaluated on the final answers. `plain` is the same request
    /// prepared without the cluster, when the caller has it (it validated while the probes ran):
    /// without adjustments it is the bundle, and nothing is prepared again.
    public func prepare(
        _ request: GenerationRequest, generator: inout some SecretGenerator, cluster facts: ClusterFacts, withoutCluster plain: PreparedBundle? = nil
    ) throws -> ClusterCheckedBundle {
        var request = request
        request.clusterAnswers = nil
        let plain = try plain ?? prepare(request, generator: &generator)
        let before = ClusterFindings(facts: facts, answers: plain.answers, app: plain.app)
        guard !before.adjustments.isEmpty else { return ClusterCheckedBundle(prepared: plain, findings: before) }
        request.clusterAnswers = before.answerLayer
        let prepared = try prepare(request, generator: &generator)
        return ClusterCheckedBundle(prepared: prepared, findings: ClusterFindings(facts: facts, answers: prepared.answers, app: prepared.app))
    }
}
