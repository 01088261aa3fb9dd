import RiggerCore

/// What a validated Helicone plan gives its bundle; the core writes the files: pure, no I/O.
enum HeliconeRenderer {
    /// Helicone's parts of the bundle for these inputs; the same inputs always give the same parts.
    static func parts(plan: HeliconePlan, answers: ResolvedAnswers, secrets: SecretSet) throws -> BundleParts {
        let references = try HeliconeSecrets(release: plan.release, secrets: secrets)
        // The post-renderer's digests are over the Secret manifests as the bundle writes them.
        let secretFiles = try BundleFile.secrets(
            references.manifests, namespace: plan.namespace, instance: plan.release, answers: answers, secrets: secrets)
        let secretManifests = Dictionary(
            zip(references.manifests.map(\.fileName), secretFiles.map(\.contents)), uniquingKeysWith: { first, _ in first })
        var parts = BundleParts(
            values: HeliconeValuesRenderer.values(plan: plan),
            valuesChart: [
                "Helicone Helm values for chart helicone \(HeliconeQuestions.chartVersion) (Helicone/helicone-helm-chart,",
                "helm/helicone at commit \(HeliconeChart.commit)),",
            ],
            valuesSecretNote: "No secret is in this file: the chart reads them from the Secrets in secrets/.",
            scripts: HeliconeScriptsRenderer.scripts(plan: plan, secrets: references),
            readme: HeliconeReadmeRenderer.parts(plan: plan, references: references))
        parts.answersNotes = ["helicone.jwtIssuedAt is no secret: with the JWT secret it gives the same API keys every time."]
        parts.gatewayRoutes = HeliconeGateway.routes(plan)
        parts.postRender = HeliconePostRender.postRender(plan: plan, secrets: references, secretManifests: secretManifests)
        return parts
    }
}
