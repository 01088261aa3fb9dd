/// The typed answers of the email step, which every app asks alike; nil when mail is off.
public struct EmailPlan: Sendable, Equatable {
    public let host: String
    public let port: Int
    public let user: String?
    public let from: String
    public let tls: Bool

    /// Reads the common email answers (see `CommonQuestions.email`), or nil when mail is off.
    public static func read(_ read: PlanReader) throws(PlanError) -> EmailPlan? {
        guard try read.bool("email.enabled") else { return nil }
        return EmailPlan(
            host: try read.string("email.host"), port: try read.int("email.port"), user: read.optionalString("email.user"),
            from: try read.string("email.from"), tls: try read.bool("email.tls"))
    }

    public init(host: String, port: Int, user: String?, from: String, tls: Bool) {
        self.host = host
        self.port = port
        self.user = user
        self.from = from
        self.tls = tls
    }
}
