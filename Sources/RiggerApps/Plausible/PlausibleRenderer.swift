import RiggerCore

/// What a validated Plausible plan gives its bundle; the core writes the files: pure, no I/O.
enum PlausibleRenderer {
    /// Plausible's parts of the bundle for these inputs; the same inputs always give the same parts.
    static func parts(plan: PlausiblePlan, secrets: SecretSet) throws -> BundleParts {
        let manifests = try PlausibleSecrets(plan: plan, secrets: secrets)
        var parts = BundleParts(
            values: PlausibleValuesRenderer.values(plan: plan, secrets: manifests),
            valuesChart: ["Plausible Helm values for chart plausible-analytics \(plan.cluster.chartVersion),"],
            valuesSecretNote: "No secret is in this file: the chart reads Plausible's environment from a Secret.",
            scripts: PlausibleScriptsRenderer.scripts(plan: plan),
            readme: PlausibleReadmeRenderer.parts(plan: plan, manifests: manifests))
        parts.secretsToCreate = PlausibleReadmeRenderer.ownSecretsToCreate(plan)
        parts.manifests = PlausibleManifests.manifests(plan: plan, secrets: manifests)
        parts.gatewayRoutes = PlausibleGateway.routes(plan)
        parts.cloudSQLProxy = plan.cloudSQLProxy.map { ($0, plan.sizing) }
        return parts
    }
}
