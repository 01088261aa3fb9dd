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
