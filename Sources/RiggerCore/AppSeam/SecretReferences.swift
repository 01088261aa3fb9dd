/// Where a bundle's workloads find each Secret: one the bundle writes, or one the operator keeps
/// in the cluster. Resolved once from an app's `SecretFileSpec`s, the release and the secrets.
public struct SecretReferences: Sendable {
    /// Where the chart finds one group of secrets: a Secret's name and its data keys.
    public struct Reference: Sendable, Equatable {
        /// What the Secret is for, as its file is named: "postgresql", "object-storage".
        public let purpose: String
        public let name: String
        /// The manifest the bundle writes; nil when the Secret is already in the cluster.
        public let manifest: SecretManifest?
        /// The data keys workloads read, in the order the manifest lists them.
        public let dataKeys: [String]
        /// The secret answers whose values it holds, e.g. `postgresql.password`.
        public let secretKeys: [String]

        /// The data key of the group's first (for passwords, only) secret.
        public var dataKey: String { dataKeys.first ?? "" }
        public var isExisting: Bool { manifest == nil }
    }

    /// The references by file name, for the Secrets that apply.
    public let byFile: [String: Reference]
    /// File names in declaration order.
    private let order: [String]

    /// Resolves each spec: the operator's Secret when one of its secrets is read from an existing
    /// Secret, a manifest when every secret it needs has a value, otherwise nothing (it doesn't apply).
    public init(specs: [SecretFileSpec], release: String, secrets: SecretSet) {
        var byFile: [String: Reference] = [:]
        var order: [String] = []
        for spec in specs {
            let keys = spec.secretKeys
            if let existing = keys.lazy.compactMap({ secrets.existing[$0] }).first {
                // The operator's Secret must hold an optional key only when its secret applies
                // (and so is read from there too): a Secret shared by several secrets isn't
                // required to hold, say, an SMTP password while mail is off.
                let entries = spec.entries.filter { entry in
                    if case .secret(let key, optional: true) = entry.source { return secrets.existing[key] != nil }
                    return true
                }
                // Their data key, where the chart lets them choose one, for the file's first secret;
                // the other keys are the ones the workloads read.
                var dataKeys = entries.map(\.dataKey)
                if let chosen = existing.dataKey, let first = entries.firstIndex(where: { if case .secret = $0.source { true } else { false } }) {
                    dataKeys[first] = chosen
                }
                byFile[spec.fileName] = Reference(
                    purpose: spec.purpose, name: existing.name, manifest: nil, dataKeys: dataKeys, secretKeys: entries.compactMap(\.secretKey))
                order.append(spec.fileName)
                continue
            }
            let required = spec.entries.compactMap { entry -> String? in
                if case .secret(let key, optional: false) = entry.source { return key }
                return nil
            }
            guard !keys.isEmpty, required.allSatisfy({ secrets[$0] != nil }) else { continue }
            let entries = spec.entries.filter { entry in
                if case .secret(let key, optional: true) = entry.source { return secrets[key] != nil }
                return true
            }
            let name = spec.naming.name(release: release)
            let manifest = SecretManifest(fileName: spec.fileName, name: name, component: spec.component, type: spec.type, entries: entries)
            byFile[spec.fileName] = Reference(
                purpose: spec.purpose, name: name, manifest: manifest, dataKeys: entries.map(\.dataKey), secretKeys: entries.compactMap(\.secretKey))
            order.append(spec.fileName)
        }
        self.byFile = byFile
        self.order = order
    }

    /// The reference for a Secret file, or nil when it doesn't apply.
    public subscript(fileName: String) -> Reference? { byFile[fileName] }

    /// The reference for a Secret that validated answers always provide; throws when it is missing,
    /// which is a bug in rigger rather than bad input.
    public func required(_ fileName: String, for key: String) throws(PlanError) -> Reference {
        guard let found = byFile[fileName] else {
            throw PlanError(key: key, message: "the secret is neither held nor in an existing Secret")
        }
        return found
    }

    /// Every reference that applies, in declaration order.
    public var all: [Reference] { order.compactMap { byFile[$0] } }

    /// Every manifest the bundle writes, in file order.
    public var manifests: [SecretManifest] { all.compactMap(\.manifest).sorted { $0.fileName < $1.fileName } }

    /// The Secrets that must already be in the cluster, each with the data keys it must hold.
    public var existing: [Reference] { all.filter(\.isExisting) }
}
