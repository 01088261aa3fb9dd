/// One allowed value of a choice question.
public struct Choice: Sendable {
    public let value: String
    /// What the value means, in a few words, for the wizard and `explain`.
    public let label: String
    /// When this value may be chosen; otherwise validation names the condition.
    public let availableWhen: Condition
    /// Why this value is never accepted, when it isn't: an option operators expect (because other
    /// apps offer it) that this one can't work with. Validation says why; the wizard doesn't offer it.
    public let refusal: String?

    public init(_ value: String, _ label: String, availableWhen: Condition = .always) {
        self.value = value
        self.label = label
        self.availableWhen = availableWhen
        self.refusal = nil
    }

    /// A value that is known but always refused, with the reason the operator is told.
    public static func refused(_ value: String, _ label: String, because reason: String) -> Choice {
        Choice(value: value, label: label, refusal: reason)
    }

    private init(value: String, label: String, refusal: String) {
        self.value = value
        self.label = label
        self.availableWhen = .never
        self.refusal = refusal
    }
}
