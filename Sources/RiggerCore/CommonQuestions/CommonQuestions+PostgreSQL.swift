extension CommonQuestions {
    /// How an app reaches a managed PostgreSQL: host, port, database and user, asked when
    /// `postgresql.mode` is managed.
    public static func managedPostgreSQL(app: String, defaultName: String) -> [Question] {
        let managed = managed("postgresql")
        return [
            Question(
                key: "postgresql.host", title: "PostgreSQL host", help: "The managed PostgreSQL endpoint, e.g. the RDS instance's address.",
                kind: .text(.host), step: .dependencies, appliesWhen: managed),
            Question(
                key: "postgresql.port", title: "PostgreSQL port", help: "The managed PostgreSQL port.",
                kind: .int(1...65535), step: .dependencies, defaultValue: .value(.int(5432)), appliesWhen: managed),
            Question(
                key: "postgresql.database", title: "PostgreSQL database", help: "The database \(app) uses; it must exist on the managed server.",
                kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string(defaultName)), appliesWhen: managed),
            Question(
                key: "postgresql.username", title: "PostgreSQL user", help: "The user \(app) connects as; it must own the database.",
                kind: .text(.identifier), step: .dependencies, defaultValue: .value(.string(defaultName)), appliesWhen: managed),
        ]
    }
}
