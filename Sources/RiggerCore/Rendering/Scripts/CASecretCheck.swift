/// 00-preflight.sh's check of a Secret the operator keeps with a managed server's CA
/// certificate(s) under `ca.crt`: there, and not empty, before the pods that mount it start.
public enum CASecretCheck {
    /// The data key of the CA certificate(s) in every such Secret.
    public static let caKey = "ca.crt"

    /// The section: `variable` prefixes its shell variables (e.g. POSTGRESQL_CA), `service` names
    /// the server ("the managed PostgreSQL"), and `source` says where the CA comes from, with the
    /// command that writes it to CA.pem.
    public static func section(namespace: String, secret: String, variable: String, service: String, source: String) -> ScriptSection {
        let key = caKey
        return ScriptSection(
            variables: [("NAMESPACE", namespace), ("\(variable)_SECRET", secret), ("\(variable)_KEY", key)],
            lines: [
                "",
                "# The certificate of \(service) is checked against this CA; the Secret is yours.",
                "ca=\"$(kube get secret --namespace \"$NAMESPACE\" \"$\(variable)_SECRET\" -o \"go-template={{index .data \\\"$\(variable)_KEY\\\"}}\" 2>/dev/null || true)\"",
                "if [ -z \"$ca\" ] || [ \"$ca\" = \"<no value>\" ]; then",
                "  echo \"The CA certificate of \(service) goes in a Secret (\(source)):\" >&2",
                "  echo \"  kubectl create namespace '$NAMESPACE'   # when it is new\" >&2",
                "  echo \"  kubectl create secret generic '$\(variable)_SECRET' --namespace '$NAMESPACE' --from-file='$\(variable)_KEY'=CA.pem\" >&2",
                "  fail \"the Secret $\(variable)_SECRET in namespace $NAMESPACE has no key $\(variable)_KEY\"",
                "fi",
                "echo \"Secret $\(variable)_SECRET has key $\(variable)_KEY\"",
            ])
    }

    /// Where Memorystore's CA comes from, for the messages.
    public static let memorystoreSource = "Memorystore: \(GoogleCloudServicesReadme.memorystoreCACommand) > CA.pem"

    /// Where a managed PostgreSQL's CA comes from, for the message: RDS's published bundle, or
    /// the Cloud SQL instance's server CA on Google Cloud.
    public static func postgreSQLSource(cloud: Cloud) -> String {
        switch cloud {
        case .gcp:
            return "Cloud SQL: \(GoogleCloudServicesReadme.cloudSQLCACommand) > CA.pem"
        case .aws:
            return "RDS: CA.pem is https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem"
        case .other:
            return "your provider's CA bundle as CA.pem; RDS: https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem"
        }
    }
}
