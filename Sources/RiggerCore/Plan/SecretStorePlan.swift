/// Where the bundle keeps its secrets (`secrets.store`).
public enum SecretStoreKind: String, Sendable {
    /// Secret manifests that 20-secrets.sh applies.
    case kubernetes
    case awsSecretsManager = "aws-secrets-manager"
    case gcpSecretManager = "gcp-secret-manager"
}

/// The typed answers of `CommonQuestions.secretStore`: the cloud's store that holds the secrets,
/// how the External Secrets Operator reads it, and how each secret is named there.
public struct SecretStorePlan: Sendable, Equatable {
    /// How the operator's SecretStore signs in to AWS.
    public enum AWSAuth: Sendable, Equatable {
        /// IAM roles for service accounts: a token of this service account in the namespace.
        case irsa(serviceAccount: String)
        /// The External Secrets Operator's own credentials, from an EKS Pod Identity association.
        case podIdentity
    }

    /// The cloud's store and where it is.
    public enum Provider: Sendable, Equatable {
        /// AWS Secrets Manager in `region`; `auth` is nil when a ClusterSecretStore is named.
        case aws(region: String, auth: AWSAuth?)
        /// Google Secret Manager in `project`; `serviceAccount` (Workload Identity) is nil when a
        /// ClusterSecretStore is named.
        case gcp(project: String, serviceAccount: String?)
    }

    public let provider: Provider
    /// A ClusterSecretStore the cluster has; nil when the bundle writes its own SecretStore.
    public let clusterSecretStore: String?
    /// What every secret's name in the store starts with.
    public let prefix: String

    public init(provider: Provider, clusterSecretStore: String?, prefix: String) {
        self.provider = provider
        self.clusterSecretStore = clusterSecretStore
        self.prefix = prefix
    }

    /// Reads the store's answers; nil when the secrets stay in Secret manifests (`kubernetes`, or
    /// a catalog without the question).
    public static func read(_ read: PlanReader, namespace: String, release: String) throws(PlanError) -> SecretStorePlan? {
        let kind = read.optionalString(CommonQuestions.secretStoreKey).flatMap(SecretStoreKind.init(rawValue:)) ?? .kubernetes
        let clusterStore = read.optionalString(CommonQuestions.clusterSecretStoreKey)
        switch kind {
        case .kubernetes:
            return nil
        case .awsSecretsManager:
            var auth: AWSAuth?
            if clusterStore == nil {
                auth = read.optionalString("secrets.aws.auth") == "pod-identity"
                    ? .podIdentity : .irsa(serviceAccount: try read.string("secrets.aws.serviceAccount"))
            }
            return SecretStorePlan(
                provider: .aws(region: try read.string("secrets.aws.region"), auth: auth), clusterSecretStore: clusterStore,
                prefix: read.optionalString("secrets.aws.prefix") ?? "rigger/\(namespace)/\(release)/")
        case .gcpSecretManager:
            let serviceAccount = clusterStore == nil ? try read.string("secrets.gcp.serviceAccount") : nil
            return SecretStorePlan(
                provider: .gcp(project: try read.string("secrets.gcp.project"), serviceAccount: serviceAccount), clusterSecretStore: clusterStore,
                prefix: read.optionalString("secrets.gcp.prefix") ?? "rigger-\(namespace)-\(release)-")
        }
    }

    /// The answer's value, as `secrets.store` has it.
    public var kind: SecretStoreKind {
        switch provider {
        case .aws: return .awsSecretsManager
        case .gcp: return .gcpSecretManager
        }
    }

    /// The store's name for people: "AWS Secrets Manager".
    public var title: String {
        switch provider {
        case .aws: return "AWS Secrets Manager"
        case .gcp: return "Google Secret Manager"
        }
    }

    /// The name in the store of the secret that becomes the Secret `secretName`: the prefix and
    /// the Secret's name. Google's secret IDs take no dot, so a dot there becomes `_` (Kubernetes
    /// names have none).
    public func remoteName(secretName: String) -> String {
        switch provider {
        case .aws: return prefix + secretName
        case .gcp: return prefix + secretName.replacingOccurrences(of: ".", with: "_")
        }
    }

    /// The SecretStore the bundle writes, when it writes one.
    public static func storeName(release: String) -> String { "\(release)-secret-store" }

    /// The store the ExternalSecrets read: its kind and name.
    public func storeReference(release: String) -> (kind: String, name: String) {
        if let clusterSecretStore { return ("ClusterSecretStore", clusterSecretStore) }
        return ("SecretStore", Self.storeName(release: release))
    }
}
