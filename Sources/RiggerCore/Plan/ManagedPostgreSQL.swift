/// How an app reaches a managed PostgreSQL (see `CommonQuestions.managedPostgreSQL`).
public struct ManagedPostgreSQL: Sendable, Equatable {
    public let host: String
    public let port: Int
    public let database: String
    public let username: String

    public init(_ read: PlanReader) throws(PlanError) {
        host = try read.string("postgresql.host")
        port = try read.int("postgresql.port")
        database = try read.string("postgresql.database")
        username = try read.string("postgresql.username")
    }
}
