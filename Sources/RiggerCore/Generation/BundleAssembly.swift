/// Why the core can't assemble a bundle from an app's parts: a mistake in the app, never in the answers.
public enum BundleAssemblyError: Error, Equatable, CustomStringConvertible {
    /// The app names no oldest Kubernetes version for these answers, which 00-preflight.sh holds the cluster to.
    case noKubernetesMinimum(app: String)
    /// Two of the bundle's files have the same path.
    case duplicatePath(String)

    public var description: String {
        switch self {
        case .noKubernetesMinimum(let app):
            "the app \(app) names no oldest Kubernetes version (minimumKubernetesMinor) for these answers; 00-preflight.sh needs one"
        case .duplicatePath(let path): "two files of the bundle are written to \(path)"
        }
    }
}

extension Bundle {
    /// The whole bundle of an app's `parts`, assembled the same way for every app: rigger.yaml
    /// (naming the app's id), values.yaml, the Secrets, the ingress add-ons' manifests and
    /// HTTPRoutes, the Cloud SQL Auth Proxy, the app's own manifests, the six install scripts and
    /// install.sh, the post-renderer and the README. The app's `id`, `title`, `chart` and
    /// `minimumKubernetesMinor(_:)` come from the seam, so the probe, `rigger check` and
    /// 00-preflight.sh hold the cluster to one floor. A pure function of its inputs.
    public init(assembling parts: BundleParts, app: some AppDefinition, answers: ResolvedAnswers, secrets: SecretSet) throws {
        guard let minimumKubernetesMinor = app.minimumKubernetesMinor(answers) else {
            throw BundleAssemblyError.noKubernetesMinimum(app: app.id)
        }
        let cluster = parts.cluster
        var files: [BundleFile] = [
            try .answers(answers, notes: parts.answersNotes),
            try .values(parts.values, chart: parts.valuesChart, secretNote: parts.valuesSecretNote),
        ]
        files += try BundleFile.secrets(parts.secrets.manifests, namespace: cluster.namespace, instance: cluster.release, answers: answers, secrets: secrets)
        files += try BundleAssembly.manifests(parts, app: app.id)
        let scripts = InstallScripts(
            appTitle: app.title, cluster: cluster, ingress: parts.ingress, chart: app.chart, secrets: parts.secrets,
            hasVolumes: parts.scripts.hasVolumes, minimumKubernetesMinor: minimumKubernetesMinor, postRender: parts.postRender)
        files += BundleAssembly.scripts(scripts, parts: parts)
        files += try parts.postRender.files()
        var seen: Set<String> = [BundleReadme.path]
        for file in files where !seen.insert(file.path).inserted { throw BundleAssemblyError.duplicatePath(file.path) }
        var readme = parts.readme
        readme.postRender = parts.postRender
        let operatorSecrets = OperatorSecret.needed(
            references: parts.secrets, namespace: cluster.namespace, ingress: parts.ingress, own: parts.secretsToCreate)
        self.init(files: files, operatorSecrets: operatorSecrets, readme: readme, answers: answers, secrets: secrets)
    }
}

/// The files of a bundle that every app's has alike, from its parts.
enum BundleAssembly {
    /// The labels of the objects rigger writes for the ingress (the ClusterIssuer, the HTTPRoutes).
    static func ingressLabels(app: String, release: String) -> YAMLTree {
        .map([
            ("app.kubernetes.io/name", .string("ingress")), ("app.kubernetes.io/instance", .string(release)),
            ("app.kubernetes.io/part-of", .string(app)), ("app.kubernetes.io/managed-by", .string("rigger")),
        ])
    }

    /// The app's own manifests, the ingress add-ons' for the answers, the HTTPRoutes and the Cloud SQL Auth Proxy.
    static func manifests(_ parts: BundleParts, app: String) throws -> [BundleFile] {
        let cluster = parts.cluster
        let labels = ingressLabels(app: app, release: cluster.release)
        var files = try parts.manifests.map { try BundleFile.manifest(path: $0.path, documents: $0.documents) }
        files += try IngressAddOns.manifests(
            ingress: parts.ingress, cloud: cluster.cloud, issuer: IngressAddOns.clusterIssuerName(release: cluster.release), labels: labels
        ).map { try BundleFile.manifest(path: $0.path, documents: $0.documents) }
        if let routes = try GatewayRoutes.file(parts.gatewayRoutes, ingress: parts.ingress, namespace: cluster.namespace, labels: labels) {
            files.append(routes)
        }
        if let (proxy, sizing) = parts.cloudSQLProxy { files.append(try CloudSQLProxyAddOn.file(proxy, partOf: app, sizing: sizing)) }
        return files
    }

    /// The six scripts and install.sh.
    static func scripts(_ scripts: InstallScripts, parts: BundleParts) -> [BundleFile] {
        let own = parts.scripts
        let verify = own.verify
        return InstallScripts.files([
            scripts.preflight(extra: own.preflightChecks, manifestFiles: own.imageCheckedManifests),
            scripts.namespace(),
            scripts.applySecrets(),
            scripts.prerequisites(sections: prerequisites(parts), reminders: own.managedServices),
            scripts.install(growing: own.growingVolumes),
            scripts.verify(
                webService: verify.webService, webPort: verify.webPort, managedCertificate: verify.managedCertificate, extra: verify.extra,
                localController: IngressAddOns.localController(parts.ingress)),
        ])
    }

    /// 30-prerequisites.sh's sections, in order: the helpers the others use, the ingress
    /// controller and cert-manager, the Cloud SQL Auth Proxy, then the app's own.
    static func prerequisites(_ parts: BundleParts) -> [ScriptSection] {
        var sections = IngressAddOns.sections(ingress: parts.ingress, cloud: parts.cluster.cloud, formerOwner: parts.scripts.formerIngressOwner)
        if let (proxy, _) = parts.cloudSQLProxy { sections.append(CloudSQLProxyAddOn.prerequisiteSection(proxy)) }
        sections += parts.scripts.prerequisites
        let lines = sections.flatMap(\.lines)
        let installsCharts = lines.contains { $0.contains(PrerequisiteScripts.helmContext) }
        let appliesManifests = lines.contains { ShellScript.calls("apply_manifest", $0) }
        guard installsCharts || appliesManifests else { return sections }
        return [PrerequisiteScripts.helpers(namespace: parts.cluster.namespace, installsCharts: installsCharts, appliesManifests: appliesManifests)]
            + sections
    }
}
