import RiggerCore

/// What a validated PostHog plan gives its bundle; the core writes the files: pure, no I/O.
enum PostHogRenderer {
    /// PostHog's parts of the bundle for these inputs; the same inputs always give the same parts.
    static func parts(plan: PostHogPlan, secrets: SecretSet) throws -> BundleParts {
        let manifests = try PostHogSecrets(plan: plan, secrets: secrets)
        var parts = BundleParts(
            values: PostHogValuesRenderer.values(plan: plan, secrets: manifests),
            valuesChart: ["PostHog Helm values for chart posthog \(plan.chartVersion),"],
            valuesSecretNote: "Passwords are not in this file: the chart reads them from secrets/.",
            scripts: PostHogScriptsRenderer.scripts(plan: plan, secrets: manifests),
            readme: PostHogReadmeRenderer.parts(plan: plan, manifests: manifests))
        parts.secretsToCreate = PostHogManagedTLS.secretsToCreate(plan)
        parts.gatewayRoutes = PostHogGateway.routes(plan)
        parts.cloudSQLProxy = plan.cloudSQLProxy.map { ($0, plan.sizing) }
        parts.postRender = PostHogPostRender.make(plan, secrets: manifests)
        return parts
    }
}
