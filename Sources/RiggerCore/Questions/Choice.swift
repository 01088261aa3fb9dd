/// One allowed value of a choice question.
public struct Choice: Sendable {
    public let value: String
    /// What the value means, in a few words, for the wizard and `explain`.
    public let label: String
    /// When this value may be chosen; otherwise validation names the condition.
    public let availableWhen: Condition

    public init(_ value: String, _ label: String, availableWhen: Condition = .always) {
        self.value = value
        self.label = label
        self.availableWhen = availableWhen
    }
}
