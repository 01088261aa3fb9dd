/// What the probes look at: the kube context (nil: kubectl's current one), the namespace and
/// release the bundle installs, and the GCP static IP when the answers use one.
public struct ClusterProbeTarget: Sendable, Equatable {
    public var kubeContext: String?
    public var namespace: String
    public var release: String
    /// The global static IP to look for with gcloud; nil when the answers use none.
    public var staticIPName: String?
    /// The GCP project to look in; nil: gcloud's configured one, as 30-prerequisites.sh does.
    public var gcpProject: String?
    /// Whether to read the Gateway API: its HTTPRoute CRD and the cluster's Gateways (`ingress.type=gateway`).
    public var readsGateways: Bool
    /// Whether to read the External Secrets Operator's ClusterSecretStores: only when the answers
    /// keep the secrets in a cloud store (`secrets.store`).
    public var readsSecretStores: Bool

    public init(
        kubeContext: String?, namespace: String, release: String, staticIPName: String? = nil, gcpProject: String? = nil,
        readsGateways: Bool = false, readsSecretStores: Bool = false
    ) {
        self.kubeContext = kubeContext
        self.namespace = namespace
        self.release = release
        self.staticIPName = staticIPName
        self.gcpProject = gcpProject
        self.readsGateways = readsGateways
        self.readsSecretStores = readsSecretStores
    }

    /// The target the answers name: `kubeContext`, `namespace`, `release`, `ingress.staticIpName`
    /// when the Google load balancer takes it (cloud gcp, ingress.type gcp-clb), and the
    /// ClusterSecretStores when `secrets.store` is a cloud store. Nil without a
    /// namespace and release, which every app's answers have once resolved.
    public init?(answers: AnswerLookup) {
        guard let namespace = answers.text("namespace"), let release = answers.text("release") else { return nil }
        let kubeContext = answers.text("kubeContext").flatMap { $0.isEmpty ? nil : $0 }
        let usesStaticIP = answers.text("cloud") == "gcp" && answers.text("ingress.type") == "gcp-clb"
        self.init(
            kubeContext: kubeContext, namespace: namespace, release: release,
            staticIPName: usesStaticIP ? answers.text("ingress.staticIpName") : nil,
            gcpProject: usesStaticIP ? answers.text("ingress.gcpProject").flatMap { $0.isEmpty ? nil : $0 } : nil,
            readsGateways: answers.text("ingress.type") == "gateway",
            readsSecretStores: (answers.text(CommonQuestions.secretStoreKey) ?? SecretStoreKind.kubernetes.rawValue) != SecretStoreKind.kubernetes.rawValue)
    }
}
