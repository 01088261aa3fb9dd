/// Typed reads of resolved answers for building a plan; a missing or mistyped answer is a
/// `PlanError`, since validated answers never have one.
public struct PlanReader: Sendable {
    public let answers: ResolvedAnswers

    public init(answers: ResolvedAnswers) {
        self.answers = answers
    }

    public func string(_ key: String) throws(PlanError) -> String {
        guard let value = answers[key]?.stringValue else { throw PlanError(key: key, message: "expected a text answer") }
        return value
    }

    public func optionalString(_ key: String) -> String? { answers[key]?.stringValue }

    public func bool(_ key: String) throws(PlanError) -> Bool {
        guard let value = answers[key]?.boolValue else { throw PlanError(key: key, message: "expected a bool answer") }
        return value
    }

    public func int(_ key: String) throws(PlanError) -> Int {
        guard let value = answers[key]?.intValue else { throw PlanError(key: key, message: "expected a whole-number answer") }
        return value
    }

    public func size(_ key: String) throws(PlanError) -> StorageQuantity {
        guard let quantity = StorageQuantity(try string(key)) else { throw PlanError(key: key, message: "expected a storage quantity") }
        return quantity
    }

    public func choice<T: RawRepresentable>(_ key: String, as type: T.Type) throws(PlanError) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string(key)) else { throw PlanError(key: key, message: "unexpected choice") }
        return value
    }
}
