import RiggerCore

/// Turns a validated Plausible plan, its answers and its secrets into a whole bundle: pure, no I/O.
enum PlausibleRenderer {
    /// The bundle for these inputs; the same inputs always give byte-identical files.
    static func render(plan: PlausiblePlan, answers: ResolvedAnswers, secrets: SecretSet, chart: ChartReference) throws -> Bundle {
        let manifests = try PlausibleSecrets(plan: plan, secrets: secrets)
        let toCreate = OperatorSecret.needed(
            references: manifests.references, namespace: plan.namespace, ingress: plan.ingress, own: PlausibleReadmeRenderer.ownSecretsToCreate(plan))
        var files: [BundleFile] = [try .answers(answers)]
        files.append(try .values(
            PlausibleValuesRenderer.values(plan: plan, secrets: manifests),
            chart: ["Plausible Helm values for chart plausible-analytics \(plan.cluster.chartVersion),"],
            secretNote: "No secret is in this file: the chart reads Plausible's environment from a Secret."))
        files += try BundleFile.secrets(
            manifests.all, namespace: plan.namespace, instance: plan.release, answers: answers, secrets: secrets)
        files += try PlausibleManifests.files(plan: plan, secrets: manifests)
        if let proxy = plan.cloudSQLProxy { files.append(try CloudSQLProxyAddOn.file(proxy, partOf: "plausible", sizing: plan.sizing)) }
        files += PlausibleScriptsRenderer.scripts(plan: plan, secrets: manifests, chart: chart)
        return Bundle(
            files: files, operatorSecrets: toCreate, readme: PlausibleReadmeRenderer.parts(plan: plan, manifests: manifests), answers: answers,
            secrets: secrets)
    }
}
