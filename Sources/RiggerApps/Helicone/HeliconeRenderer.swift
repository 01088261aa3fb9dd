import RiggerCore

/// Turns a validated Helicone plan, its answers and its secrets into a whole bundle: pure, no I/O.
enum HeliconeRenderer {
    /// The bundle for these inputs; the same inputs always give byte-identical files.
    static func render(plan: HeliconePlan, answers: ResolvedAnswers, secrets: SecretSet, chart: ChartReference) throws -> Bundle {
        let references = try HeliconeSecrets(release: plan.release, secrets: secrets)
        let toCreate = OperatorSecret.needed(references: references.references, namespace: plan.namespace, ingress: plan.ingress, own: [])
        let secretFiles = try BundleFile.secrets(
            references.manifests, namespace: plan.namespace, instance: plan.release, answers: answers, secrets: secrets)
        let secretManifests = Dictionary(
            zip(references.manifests.map(\.fileName), secretFiles.map(\.contents)), uniquingKeysWith: { first, _ in first })
        let postRender = HeliconePostRender.postRender(plan: plan, secrets: references, secretManifests: secretManifests)
        var files: [BundleFile] = try postRender.files()
        files.append(try .answers(
            answers, notes: ["helicone.jwtIssuedAt is no secret: with the JWT secret it gives the same API keys every time."]))
        files.append(try .values(
            HeliconeValuesRenderer.values(plan: plan),
            chart: [
                "Helicone Helm values for chart helicone \(HeliconeQuestions.chartVersion) (Helicone/helicone-helm-chart,",
                "helm/helicone at commit \(HeliconeChart.commit)),",
            ],
            secretNote: "No secret is in this file: the chart reads them from the Secrets in secrets/."))
        files += secretFiles
        files += try HeliconeManifests.files(plan: plan)
        files += HeliconeScriptsRenderer.scripts(plan: plan, secrets: references, chart: chart, postRender: postRender)
        return Bundle(
            files: files, operatorSecrets: toCreate, readme: HeliconeReadmeRenderer.parts(plan: plan, references: references, postRender: postRender),
            answers: answers, secrets: secrets)
    }
}
