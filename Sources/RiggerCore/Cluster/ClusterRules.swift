import Foundation

/// The rules that turn the cluster's facts into findings on answer keys. Each rule reads only
/// answers every app asks alike (CommonQuestions), and only when the app's catalog has the key.
struct ClusterRules {
    let facts: ClusterFacts
    let answers: ResolvedAnswers
    let app: AppRegistry.Entry
    private(set) var fields: [String: ClusterField] = [:]
    private(set) var adjustments: [ClusterAdjustment] = []

    init(facts: ClusterFacts, answers: ResolvedAnswers, app: AppRegistry.Entry) {
        self.facts = facts
        self.answers = answers
        self.app = app
    }

    mutating func evaluate() {
        contexts()
        kubernetesVersion()
        storageClasses()
        ingressClasses()
        ingressNginx()
        certManager()
        existingSecrets()
        tlsSecret()
        installedRelease()
        staticIP()
        gateways()
        sizing()
        clusterSecretStores()
        externalSecretsOperator()
    }

    // MARK: Helpers

    func asks(_ key: String) -> Bool { app.catalog[key] != nil }
    func text(_ key: String) -> String? { answers[key]?.description }

    mutating func field(_ key: String, _ change: (inout ClusterField) -> Void) {
        guard asks(key) else { return }
        var field = fields[key] ?? ClusterField()
        change(&field)
        fields[key] = field
    }

    mutating func warn(_ key: String, _ message: String, conflict: Bool = true, advisory: Bool = false) {
        let value = text(key)
        field(key) { $0.warnings.append(ClusterWarning(key: key, value: value, message: message, isConflict: conflict && !advisory, isAdvisory: advisory)) }
    }

    /// Records why a probe read nothing on the fields it feeds.
    mutating func note<Value>(_ result: ProbeResult<Value>?, _ what: String, keys: [String]) {
        guard let failure = result?.failure else { return }
        let line: String
        switch failure {
        case .skipped(let reason): line = "\(what): \(reason); left as it was"
        case .offline: line = "\(what): not read (--offline); left as it was"
        default: line = "\(what): not read: \(failure); left as it was"
        }
        for key in keys { field(key) { $0.note = line } }
    }

    static func list(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    // MARK: Rules

    private mutating func contexts() {
        note(facts.contexts, "kube contexts", keys: ["kubeContext"])
        guard let contexts = facts.contexts?.value else { return }
        field("kubeContext") { field in
            field.choices = contexts.names.map { ClusterChoice($0, mark: $0 == contexts.current ? .current : nil) }
            field.choicesSource = .kubeconfig
        }
        if let context = text("kubeContext"), !context.isEmpty, !contexts.names.contains(context) {
            let offered = contexts.names.map { $0 == contexts.current ? "\($0) (current)" : $0 }
            warn("kubeContext", "the kubeconfig has no context \(context); it has \(Self.list(offered))")
        }
    }

    private mutating func kubernetesVersion() {
        // The contexts come from the kubeconfig; the version is the first thing the cluster itself answers.
        note(facts.version, "Kubernetes version", keys: ["kubeContext"])
        guard let version = facts.version?.value else { return }
        field("kubeContext") { $0.info = "Kubernetes \(version) (\(version.text))" }
        if let minimum = app.app.minimumKubernetesMinor(answers), version.major == 1, version.minor < minimum {
            warn("kubeContext", "the cluster runs Kubernetes \(version) (\(version.text)); \(app.title) needs 1.\(minimum) or newer with these answers")
        }
    }

    /// With a cloud store, the External Secrets Operator must be installed and serve
    /// external-secrets.io/v1, which the bundle's manifests use.
    private mutating func externalSecretsOperator() {
        let key = CommonQuestions.secretStoreKey
        note(facts.externalSecretVersions, "External Secrets Operator", keys: [key])
        guard let found = facts.externalSecretVersions?.value else { return }
        guard let versions = found else {
            warn(key, "the External Secrets Operator is not installed in this cluster (no CustomResourceDefinition externalsecrets.external-secrets.io); install it, v0.17 or newer, before 20-secrets.sh")
            return
        }
        if !versions.contains("v1") {
            warn(key, "the External Secrets Operator here serves \(Self.list(versions)) but not v1, which the bundle's manifests use; upgrade it to v0.17 or newer")
        }
    }

    /// The ClusterSecretStores offered for `secrets.clusterSecretStore` (those whose provider is
    /// the store chosen first), and a warning for one named that is missing or not Ready.
    private mutating func clusterSecretStores() {
        let key = CommonQuestions.clusterSecretStoreKey
        note(facts.clusterSecretStores, "ClusterSecretStores", keys: [key])
        guard let stores = facts.clusterSecretStores?.value else { return }
        let provider = text(CommonQuestions.secretStoreKey) == SecretStoreKind.gcpSecretManager.rawValue ? "gcpsm" : "aws"
        let fitting = stores.filter { $0.provider == provider }
        field(key) { field in
            field.choices = fitting.map { ClusterChoice($0.name, detail: $0.isReady ? "Ready" : "not Ready") }
        }
        guard let name = text(key), !name.isEmpty else { return }
        if let store = stores.first(where: { $0.name == name }) {
            if !store.isReady { warn(key, "the ClusterSecretStore \(name) is not Ready") }
            if store.provider != provider {
                warn(key, "the ClusterSecretStore \(name) reads \(store.provider ?? "an unknown provider"), not \(provider)")
            }
        } else {
            warn(key, "the cluster has no ClusterSecretStore \(name); it has \(Self.list(fitting.map(\.name)))")
        }
    }

    private mutating func storageClasses() {
        note(facts.storageClasses, "storage classes", keys: ["storageClass"])
        guard let classes = facts.storageClasses?.value else { return }
        field("storageClass") { field in
            field.choices = classes.map { ClusterChoice($0.name, mark: $0.isDefault ? .default : nil, detail: $0.provisioner) }
        }
        let offered = Self.list(classes.map { $0.isDefault ? "\($0.name) (default)" : $0.name })
        if let name = text("storageClass"), !name.isEmpty {
            if !classes.contains(where: { $0.name == name }) {
                warn("storageClass", "storage class \(name) does not exist in this cluster; it has \(offered)")
            }
        } else if hasVolumes, !classes.contains(where: \.isDefault) {
            warn("storageClass", "the volumes need a storage class and the cluster has no default one; it has \(offered)")
        }
    }

    /// Whether any volume is sized with these answers.
    private var hasVolumes: Bool {
        answers.entries.contains { entry in
            if case .size = app.catalog[entry.key]?.kind { return true }
            return false
        }
    }

    private mutating func ingressClasses() {
        note(facts.ingressClasses, "ingress classes", keys: ["ingress.className"])
        guard let classes = facts.ingressClasses?.value else { return }
        field("ingress.className") { field in
            field.choices = classes.map { ClusterChoice($0.name, mark: $0.isDefault ? .default : nil, detail: $0.controller) }
        }
        if text("ingress.type") == "existing", let name = text("ingress.className"), !classes.contains(where: { $0.name == name }) {
            let offered = classes.map { "\($0.name) (\($0.controller))" }
            warn("ingress.className", "the cluster has no IngressClass \(name); it has \(Self.list(offered))")
        }
    }

    /// The Helm releases the bundle installs: its chart's, and its prerequisites'.
    var ownReleases: [HelmOwner] {
        [HelmOwner(release: facts.target.release, namespace: facts.target.namespace)] + app.app.prerequisiteReleases
    }

    /// A cert-manager already in the cluster (not this release's) is what 30-prerequisites.sh uses,
    /// installing cert-manager only where there is none: the cluster turns
    /// `ingress.installCertManager` off and says why, and an answer of true changes nothing.
    private mutating func certManager() {
        let key = "ingress.installCertManager"
        guard answers[key] != nil else { return }
        note(facts.certManager, "cert-manager", keys: [key])
        guard let result = facts.certManager, case .success(let found) = result else { return }
        let installing = answers[key]?.boolValue ?? true
        guard let found else {
            field(key) { $0.info = "cert-manager is not installed in this cluster" }
            if !installing {
                warn(key, "cert-manager is not installed in this cluster, so nothing would issue the Let's Encrypt certificate; set it to true or install cert-manager first")
            }
            return
        }
        if found.belongs(to: ownReleases) {
            field(key) { $0.info = "cert-manager was installed by this bundle (\(found.owner?.description ?? ""))" }
            advise(key, SecurityAdvisories.certManager, version: found.version, what: "the cert-manager in the cluster (\(found.owner?.description ?? ""))")
            return
        }
        let what = [found.evidence, found.owner?.description, found.version].compactMap { $0 }.joined(separator: ", ")
        let reason = "cert-manager is already installed (\(what)): 30-prerequisites.sh uses it and installs no other"
        adjustments.append(ClusterAdjustment(key: key, value: .bool(false), reason: reason))
        if installing {
            field(key) { $0.info = reason }
        } else {
            warn(key, reason, conflict: false)
        }
        advise(key, SecurityAdvisories.certManager, version: found.version, what: "the cert-manager in the cluster (\(what))")
    }

    /// The Secrets the answers name must be in the namespace with the keys the chart reads; every
    /// Secret there is offered for each `existingSecret`, and its keys for the matching key answer.
    private mutating func existingSecrets() {
        var nameKeys: [(name: String, dataKey: String?)] = []
        for question in app.catalog.secrets {
            guard let existing = app.catalog.secretPolicy(question.key)?.existing, !nameKeys.contains(where: { $0.name == existing.name })
            else { continue }
            nameKeys.append((existing.name, existing.dataKey))
        }
        note(facts.secrets, "Secrets in namespace \(facts.target.namespace)", keys: nameKeys.flatMap { [$0.name] + ($0.dataKey.map { [$0] } ?? []) })
        guard let secrets = facts.secrets?.value else { return }
        let credentials = secrets.filter(\.canHoldCredentials)
        for keys in nameKeys {
            field(keys.name) { $0.choices = credentials.map { ClusterChoice($0.name, detail: $0.keys.joined(separator: ", ")) } }
            if let dataKey = keys.dataKey, let chosen = text(keys.name), let secret = secrets.first(where: { $0.name == chosen }) {
                field(dataKey) { $0.choices = secret.keys.map { ClusterChoice($0) } }
            }
        }
        let existing = SecretSet(existing: ExistingSecretReference.named(by: answers, catalog: app.catalog))
        let references = SecretReferences(specs: app.app.secretFiles, release: facts.target.release, secrets: existing).existing
        let namespaceMissing = facts.namespaceExists?.value == false
        for reference in references {
            guard let keys = nameKeys.first(where: { text($0.name) == reference.name }) else { continue }
            guard let secret = secrets.first(where: { $0.name == reference.name }) else {
                let why = namespaceMissing
                    ? "namespace \(facts.target.namespace) does not exist yet, so neither does the Secret \(reference.name)"
                    : "the Secret \(reference.name) is not in namespace \(facts.target.namespace); it has \(Self.list(credentials.map(\.name)))"
                warn(keys.name, why + "; 00-preflight.sh stops until it is there")
                continue
            }
            for dataKey in reference.dataKeys where !secret.keys.contains(dataKey) {
                let key = keys.dataKey.flatMap { text($0) == dataKey ? $0 : nil } ?? keys.name
                warn(key, "the Secret \(reference.name) has no key \(dataKey); it has \(Self.list(secret.keys))")
            }
        }
    }

    private mutating func tlsSecret() {
        let key = "ingress.tlsSecretName"
        note(facts.secrets, "Secrets in namespace \(facts.target.namespace)", keys: [key])
        guard let secrets = facts.secrets?.value else { return }
        let tls = secrets.filter(\.isTLS)
        field(key) { $0.choices = tls.map { ClusterChoice($0.name) } }
        if text("ingress.tls") == "secret", let name = text(key), !secrets.contains(where: { $0.name == name }) {
            warn(key, "the TLS Secret \(name) is not in namespace \(facts.target.namespace); its TLS Secrets: \(Self.list(tls.map(\.name)))")
        }
    }

    private mutating func installedRelease() {
        note(facts.release, "release \(facts.target.release)", keys: ["release"])
        guard let result = facts.release, case .success(let installed) = result else { return }
        guard let installed else {
            let info = "new install: no release \(facts.target.release) in namespace \(facts.target.namespace)"
            field("release") { $0.info = info }
            return
        }
        field("release") {
            $0.info = "upgrade of chart \(installed.chart)" + (installed.appVersion.isEmpty ? "" : " (app \(installed.appVersion))")
                + ", revision \(installed.revision), \(installed.status)"
        }
        if installed.chartName != app.app.chart.name {
            warn("release", "release \(installed.name) in namespace \(installed.namespace) is the chart \(installed.chart), not \(app.app.chart.name): installing would replace another app")
        }
        if installed.status != "deployed" {
            warn("release", "release \(installed.name) is \(installed.status); 'helm history \(installed.name) --namespace \(installed.namespace)' shows why, and an upgrade may be refused until it is rolled back")
        }
        if let before = installed.chartVersion, let after = text("chart.version"), Self.compare(after, before) == .orderedAscending {
            warn("chart.version", "release \(installed.name) already runs chart \(before): \(after) would downgrade it")
        }
    }

    private mutating func staticIP() {
        let key = "ingress.staticIpName"
        note(facts.staticIP, "static IP \(facts.target.staticIPName ?? "")", keys: [key])
        guard let result = facts.staticIP, case .success(let address) = result, let name = facts.target.staticIPName else { return }
        field(key) { field in
            if let address {
                field.info = "the global static IP \(name) exists" + (address.address.map { " (\($0)" + (address.status.map { ", \($0)" } ?? "") + ")" } ?? "")
            } else {
                field.info = "the global static IP \(name) does not exist yet; 30-prerequisites.sh reserves it"
            }
        }
    }

    /// Compares dotted version numbers (30.40.0 < 30.46.0); text that is not one compares as equal.
    static func compare(_ left: String, _ right: String) -> ComparisonResult {
        let numbers = { (text: String) in text.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 } }
        let a = numbers(left), b = numbers(right)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0, y = index < b.count ? b[index] : 0
            if x != y { return x < y ? .orderedAscending : .orderedDescending }
        }
        return .orderedSame
    }
}
