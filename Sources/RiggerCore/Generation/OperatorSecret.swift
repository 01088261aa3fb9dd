/// A Secret the operator creates in the namespace before the install: the bundle reads it but
/// never writes it. One the answers name for secrets rigger then holds none of, the TLS
/// certificate given as a Secret, or one of an app's own (a managed database's CA). Each app's
/// renderer lists them with its bundle (`Bundle.operatorSecrets`), from the same references its
/// README and 00-preflight.sh use.
public struct OperatorSecret: Sendable, Hashable {
    public let name: String
    /// The data keys it must hold.
    public let dataKeys: [String]
    /// What it holds, in a few words, e.g. "the PostgreSQL password".
    public let purpose: String
    /// The kubectl command that creates it, each value read from a file named in capitals.
    public let command: String

    public init(name: String, dataKeys: [String], purpose: String, command: String) {
        self.name = name
        self.dataKeys = dataKeys
        self.purpose = purpose
        self.command = command
    }

    /// A generic Secret holding `dataKeys`, each read from a file (never a value on the command line).
    public static func generic(name: String, namespace: String, dataKeys: [String], purpose: String) -> OperatorSecret {
        let files = dataKeys.map { " --from-file=\(ShellQuote.quote($0))=\(fileName(for: $0))" }.joined()
        return OperatorSecret(
            name: name, dataKeys: dataKeys, purpose: purpose,
            command: "kubectl create secret generic \(ShellQuote.quote(name)) --namespace \(ShellQuote.quote(namespace))" + files)
    }

    /// A file name that says which value goes in it, e.g. ROOT-PASSWORD.txt for `root-password`.
    static func fileName(for dataKey: String) -> String {
        String(dataKey.uppercased().map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }) + ".txt"
    }

    /// Every Secret to create first for a bundle: those its secrets are read from (`references`),
    /// the TLS Secret the ingress names, then the app's `own`; each named once.
    public static func needed(references: SecretReferences, namespace: String, ingress: IngressPlan?, own: [OperatorSecret]) -> [OperatorSecret] {
        // One Secret may hold several groups (an app's whole environment): the union of their keys.
        var groups: [(name: String, dataKeys: [String], secretKeys: [String])] = []
        for reference in references.existing {
            if let index = groups.firstIndex(where: { $0.name == reference.name }) {
                groups[index].dataKeys += reference.dataKeys.filter { !groups[index].dataKeys.contains($0) }
                groups[index].secretKeys += reference.secretKeys.filter { !groups[index].secretKeys.contains($0) }
            } else {
                groups.append((reference.name, reference.dataKeys, reference.secretKeys))
            }
        }
        var found = groups.map { group in
            generic(name: group.name, namespace: namespace, dataKeys: group.dataKeys, purpose: "holds " + group.secretKeys.joined(separator: ", "))
        }
        if let ingress, ingress.type != .none, ingress.tls == .secret, let name = ingress.tlsSecretName, !found.contains(where: { $0.name == name }) {
            found.append(OperatorSecret(
                name: name, dataKeys: ["tls.crt", "tls.key"], purpose: "the TLS certificate and key",
                command: "kubectl create secret tls \(ShellQuote.quote(name)) --namespace \(ShellQuote.quote(namespace)) --cert=FULLCHAIN.pem --key=KEY.pem"))
        }
        return found + own.filter { secret in !found.contains { $0.name == secret.name } }
    }

    /// The command that makes the namespace, which the Secrets need before 10-namespace.sh runs.
    public static func namespaceCommand(_ namespace: String) -> String {
        "kubectl create namespace \(ShellQuote.quote(namespace))   # when it is new"
    }
}

extension OperatorSecret {
    /// The Secret with a managed server's CA certificate(s) under `ca.crt`, made from CA.pem;
    /// `service` names the server and `source` where CA.pem comes from (see `CASecretCheck`).
    public static func caCertificate(name: String, namespace: String, service: String, source: String) -> OperatorSecret {
        let key = CASecretCheck.caKey
        return OperatorSecret(
            name: name, dataKeys: [key], purpose: "the CA certificate of \(service) (\(source))",
            command: "kubectl create secret generic \(ShellQuote.quote(name)) --namespace \(ShellQuote.quote(namespace)) "
                + "--from-file=\(ShellQuote.quote(key))=CA.pem")
    }
}
