/// The validated answers could not be turned into a plan: a bug in rigger, not bad input.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public let key: String
    public let message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "internal error: \(key): \(message)" }
}

/// Typed reads of resolved answers for building a plan.
struct PlanReader {
    let answers: ResolvedAnswers

    func string(_ key: String) throws(PlanError) -> String {
        guard let value = answers[key]?.stringValue else { throw PlanError(key: key, message: "expected a text answer") }
        return value
    }

    func optionalString(_ key: String) -> String? { answers[key]?.stringValue }

    func bool(_ key: String) throws(PlanError) -> Bool {
        guard let value = answers[key]?.boolValue else { throw PlanError(key: key, message: "expected a bool answer") }
        return value
    }

    func int(_ key: String) throws(PlanError) -> Int {
        guard let value = answers[key]?.intValue else { throw PlanError(key: key, message: "expected a whole-number answer") }
        return value
    }

    func size(_ key: String) throws(PlanError) -> StorageQuantity {
        guard let quantity = StorageQuantity(try string(key)) else { throw PlanError(key: key, message: "expected a storage quantity") }
        return quantity
    }

    func choice<T: RawRepresentable>(_ key: String, as type: T.Type) throws(PlanError) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string(key)) else { throw PlanError(key: key, message: "unexpected choice") }
        return value
    }
}
