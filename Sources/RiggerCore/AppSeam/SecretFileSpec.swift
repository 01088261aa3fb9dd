/// One Secret an app's bundle writes, declared as data: the core renders it, reads its secrets
/// back on regeneration, and checks it in the cluster when the operator keeps it themselves.
public struct SecretFileSpec: Sendable {
    /// How the Secret is named in the cluster.
    public enum Naming: Sendable, Equatable {
        /// `<release>-<suffix>`, so that two releases in one namespace don't share Secrets.
        case releasePrefixed(String)
        /// A name the chart's templates fix.
        case fixed(String)

        /// The Secret's name for a release.
        public func name(release: String) -> String {
            switch self {
            case .releasePrefixed(let suffix): return "\(release)-\(suffix)"
            case .fixed(let name): return name
            }
        }
    }

    /// The file under secrets/, e.g. `postgresql.secret.yaml`; it doesn't carry the release, so
    /// a bundle's secrets can be read back by file and key.
    public let fileName: String
    /// The `app.kubernetes.io/component` label: what the Secret is for.
    public let component: String
    public let naming: Naming
    /// The Secret's type, e.g. `Opaque` or `kubernetes.io/basic-auth`.
    public let type: String
    /// The data keys, in the order the manifest lists them.
    public let entries: [SecretDataEntry]

    public init(fileName: String, component: String, naming: Naming, type: String = "Opaque", entries: [SecretDataEntry]) {
        self.fileName = fileName
        self.component = component
        self.naming = naming
        self.type = type
        self.entries = entries
    }

    /// What the Secret is for, as its file is named: "postgresql", "object-storage".
    public var purpose: String { fileName.hasSuffix(".secret.yaml") ? String(fileName.dropLast(".secret.yaml".count)) : fileName }

    /// The secret answer keys whose values the file holds.
    public var secretKeys: [String] { entries.compactMap(\.secretKey) }
}

/// One data key of a Secret and where its value comes from.
public struct SecretDataEntry: Sendable {
    /// Where a data key's value comes from.
    public enum Source: Sendable {
        /// A secret answer's value; `optional` ones are left out when the secret doesn't apply.
        case secret(String, optional: Bool)
        /// A secret answer's value, or an empty string when the secret doesn't apply: for a key
        /// the chart always reads, although what it is for (a mail server's login) may be off.
        case secretOrEmpty(String)
        /// A plain answer's text, such as a user name that belongs beside its password.
        case answer(String)
        /// Fixed text the chart expects.
        case literal(String)
        /// A value computed from answers and secrets, such as a connection URL that carries a
        /// password, or a token signed with a secret. It is computed again on every run, never
        /// read back. `inputs` names the secret keys it needs.
        case derived(inputs: [String], compute: @Sendable (AnswerLookup, SecretSet) -> String?)
    }

    public let dataKey: String
    public let source: Source

    public init(_ dataKey: String, _ source: Source) {
        self.dataKey = dataKey
        self.source = source
    }

    /// The secret answer whose value this data key holds, if it holds one.
    public var secretKey: String? {
        switch source {
        case .secret(let key, _), .secretOrEmpty(let key): return key
        case .answer, .literal, .derived: return nil
        }
    }

    /// A data key holding a secret answer's value.
    public static func secret(_ dataKey: String, _ secretKey: String, optional: Bool = false) -> SecretDataEntry {
        SecretDataEntry(dataKey, .secret(secretKey, optional: optional))
    }
}
