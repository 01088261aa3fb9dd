import RiggerCore

/// Turns a validated PostHog plan, its answers and its secrets into a whole bundle: pure, no I/O.
enum PostHogRenderer {
    /// The bundle for these inputs; the same inputs always give byte-identical files.
    static func render(plan: PostHogPlan, answers: ResolvedAnswers, secrets: SecretSet, chart: ChartReference) throws -> Bundle {
        let manifests = try PostHogSecrets(plan: plan, secrets: secrets)
        let toCreate = OperatorSecret.needed(
            references: manifests.references, namespace: plan.namespace, ingress: plan.ingress, own: PostHogManagedTLS.secretsToCreate(plan))
        var files: [BundleFile] = [try .answers(answers)]
        files.append(try .values(
            PostHogValuesRenderer.values(plan: plan, secrets: manifests),
            chart: ["PostHog Helm values for chart posthog \(plan.chartVersion),"],
            secretNote: "Passwords are not in this file: the chart reads them from secrets/."))
        files += try BundleFile.secrets(
            manifests.all, namespace: plan.namespace, instance: plan.release, answers: answers, secrets: secrets)
        files += try PostHogIngress.manifests(plan)
        if let proxy = plan.cloudSQLProxy { files.append(try CloudSQLProxyAddOn.file(proxy, partOf: "posthog", sizing: plan.sizing)) }
        files += PostHogScriptsRenderer.scripts(plan: plan, secrets: manifests, chart: chart)
        let postRender = PostHogPostRender.make(plan, secrets: manifests)
        files += try postRender.files()
        return Bundle(
            files: files, operatorSecrets: toCreate, readme: PostHogReadmeRenderer.parts(plan: plan, manifests: manifests, postRender: postRender),
            answers: answers, secrets: secrets)
    }
}
