/// The answers through which a secret is read from a Secret already in the cluster, which rigger
/// then neither generates nor writes: the operator (or their own tooling) owns it.
public struct ExistingSecretAnswers: Sendable, Hashable {
    /// The answer holding the Secret's name; when it is answered, the secret comes from there.
    public let name: String
    /// The answer holding the data key in that Secret; nil when the chart fixes the key.
    public let dataKey: String?

    public init(name: String, dataKey: String?) {
        self.name = name
        self.dataKey = dataKey
    }
}
