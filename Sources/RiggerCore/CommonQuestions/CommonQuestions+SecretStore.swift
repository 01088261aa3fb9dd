extension CommonQuestions {
    /// The answer that says where the bundle's secrets are kept.
    public static let secretStoreKey = "secrets.store"
    /// The answer naming a ClusterSecretStore the operator already has.
    public static let clusterSecretStoreKey = "secrets.clusterSecretStore"

    private static let awsStore = Condition.when(secretStoreKey, is: SecretStoreKind.awsSecretsManager.rawValue)
    private static let gcpStore = Condition.when(secretStoreKey, is: SecretStoreKind.gcpSecretManager.rawValue)
    /// Holds when rigger writes a SecretStore of its own: no ClusterSecretStore is named.
    private static let ownStore = Condition(summary: "\(clusterSecretStoreKey) is not set", keys: [clusterSecretStoreKey]) { answers in
        answers[clusterSecretStoreKey] == nil
    }

    /// Where every app keeps the secrets its bundle generates or is given: in Secret manifests
    /// (today's way), or in the cloud's secret store, synced into the namespace by the External
    /// Secrets Operator. Every app's catalog ends with them; the wizard asks them on its Secrets page.
    public static let secretStore: [Question] = [
        Question(
            key: secretStoreKey, title: "Secret store",
            help: "Where the secrets live. kubernetes: 20-secrets.sh applies Secret manifests from secrets/. "
                + "aws-secrets-manager or gcp-secret-manager: 20-secrets.sh puts each value into the cloud's secret store with its CLI, "
                + "and the External Secrets Operator (installed beforehand) makes the Secrets the chart reads from ExternalSecrets.",
            kind: .choice([
                Choice(SecretStoreKind.kubernetes.rawValue, "Secret manifests applied by 20-secrets.sh"),
                Choice(SecretStoreKind.awsSecretsManager.rawValue, "AWS Secrets Manager, through the External Secrets Operator"),
                Choice(SecretStoreKind.gcpSecretManager.rawValue, "Google Secret Manager, through the External Secrets Operator"),
            ]),
            step: .secretStore, defaultValue: .value(.string(SecretStoreKind.kubernetes.rawValue))),
        Question(
            key: clusterSecretStoreKey, title: "ClusterSecretStore",
            help: "The name of a ClusterSecretStore the cluster already has for this store. Empty: rigger writes a SecretStore in the namespace.",
            kind: .text(.kubernetesName), step: .secretStore, appliesWhen: .when(secretStoreKey, isNot: SecretStoreKind.kubernetes.rawValue),
            isOptional: true, whenEmpty: "(a SecretStore in the namespace, written by rigger)"),
        Question(
            key: "secrets.aws.region", title: "Secrets Manager region",
            help: "The AWS region of Secrets Manager, e.g. us-east-1: where 20-secrets.sh writes the values and the SecretStore reads them.",
            kind: .text(.region), step: .secretStore, appliesWhen: awsStore),
        Question(
            key: "secrets.aws.auth", title: "AWS authentication",
            help: "How the External Secrets Operator signs in to AWS. irsa: the namespace's service account named next, annotated with an IAM role "
                + "(eks.amazonaws.com/role-arn). pod-identity: the operator's own service account, given an IAM role by an EKS Pod Identity association.",
            kind: .choice([
                Choice("irsa", "IAM roles for service accounts: a service account in the namespace"),
                Choice("pod-identity", "EKS Pod Identity on the External Secrets Operator's service account"),
            ]),
            step: .secretStore, defaultValue: .value(.string("irsa")), appliesWhen: .all(awsStore, ownStore)),
        Question(
            key: "secrets.aws.serviceAccount", title: "IRSA service account",
            help: "The service account in the namespace whose IAM role (annotation eks.amazonaws.com/role-arn) may read the secrets. "
                + "You create it and its role; 00-preflight.sh checks that it is there.",
            kind: .text(.kubernetesName), step: .secretStore, appliesWhen: .all(awsStore, ownStore, .when("secrets.aws.auth", is: "irsa"))),
        Question(
            key: "secrets.aws.prefix", title: "Secret name prefix",
            help: "What each secret's name in Secrets Manager starts with; the Secret's name follows it. Empty: rigger/NAMESPACE/RELEASE/.",
            kind: .text(.awsSecretNamePrefix), step: .secretStore, appliesWhen: awsStore, isOptional: true,
            whenEmpty: "(rigger/NAMESPACE/RELEASE/)"),
        Question(
            key: "secrets.gcp.project", title: "Secret Manager project",
            help: "The Google Cloud project whose Secret Manager holds the secrets: where 20-secrets.sh writes them and the SecretStore reads them.",
            kind: .text(.gcpProjectID), step: .secretStore, appliesWhen: gcpStore),
        Question(
            key: "secrets.gcp.serviceAccount", title: "Workload Identity service account",
            help: "The service account in the namespace bound through Workload Identity to a Google service account that may read the secrets. "
                + "You create it and the binding; 00-preflight.sh checks that it is there.",
            kind: .text(.kubernetesName), step: .secretStore, appliesWhen: .all(gcpStore, ownStore)),
        Question(
            key: "secrets.gcp.prefix", title: "Secret ID prefix",
            help: "What each secret's ID in Secret Manager starts with; the Secret's name follows it (a dot in it as _). "
                + "Empty: rigger-NAMESPACE-RELEASE-.",
            kind: .text(.gcpSecretIDPrefix), step: .secretStore, appliesWhen: gcpStore, isOptional: true,
            whenEmpty: "(rigger-NAMESPACE-RELEASE-)"),
    ]
}
