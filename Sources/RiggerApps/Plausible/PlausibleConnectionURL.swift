import RiggerCore

/// A database Plausible connects to, as the URL of DATABASE_URL or CLICKHOUSE_DATABASE_URL.
///
/// Plausible parses both URLs and percent-decodes the user and password (Ecto's URL parsing),
/// so any password reaches it intact once encoded: an operator's RDS password may hold `@ : / ? # %`.
struct PlausibleConnectionURL: Sendable, Equatable {
    let scheme: String
    let user: String
    let host: String
    let port: Int
    let database: String

    /// The URL with the user and password percent-encoded. The database needs none: its name is
    /// an identifier (letters, digits, `_ - .`), all characters a URL's path takes as they are.
    func text(password: String) -> String {
        "\(scheme)://\(PercentEncoding.userinfo(user)):\(PercentEncoding.userinfo(password))@\(host):\(port)/\(database)"
    }

    /// The URL as the README shows it: `PASSWORD` where the percent-encoded password goes.
    var shape: String { "\(scheme)://\(PercentEncoding.userinfo(user)):PASSWORD@\(host):\(port)/\(database)" }

    /// PostgreSQL: the CloudNativePG read-write Service, or the managed server. No TLS options go
    /// into the URL: TLS is turned on by DATABASE_CACERTFILE (see the values).
    static func postgresql(_ plan: PlausiblePlan) -> PlausibleConnectionURL {
        switch plan.postgresql {
        case .inCluster:
            return PlausibleConnectionURL(
                scheme: "postgres", user: PlausibleNames.postgresqlUser, host: PlausibleNames.postgresqlService(plan.release), port: 5432,
                database: PlausibleNames.postgresqlDatabase)
        case .managed(let server, _):
            return PlausibleConnectionURL(scheme: "postgres", user: server.username, host: server.host, port: server.port, database: server.database)
        }
    }

    /// ClickHouse over its HTTP interface: plain HTTP to the in-cluster StatefulSet's Service,
    /// HTTPS to a managed service.
    static func clickhouse(_ plan: PlausiblePlan) -> PlausibleConnectionURL {
        switch plan.clickhouse {
        case .inCluster:
            return PlausibleConnectionURL(
                scheme: "http", user: PlausibleNames.clickhouseUser, host: PlausibleNames.clickhouse(plan.release), port: 8123,
                database: PlausibleNames.clickhouseDatabase)
        case .managed(let host, let port, let database, let user):
            return PlausibleConnectionURL(scheme: "https", user: user, host: host, port: port, database: database)
        }
    }
}

extension PlausibleConnectionURL {
    /// DATABASE_URL for the answers and secrets a Secret manifest is rendered from; nil when the
    /// PostgreSQL password has no value.
    static func databaseURL(_ answers: AnswerLookup, _ secrets: SecretSet) -> String? {
        guard let plan = PlausiblePlan(lookup: answers), let password = secrets["postgresql.password"]?.value else { return nil }
        return postgresql(plan).text(password: password)
    }

    /// CLICKHOUSE_DATABASE_URL likewise.
    static func clickhouseDatabaseURL(_ answers: AnswerLookup, _ secrets: SecretSet) -> String? {
        guard let plan = PlausiblePlan(lookup: answers), let password = secrets["clickhouse.password"]?.value else { return nil }
        return clickhouse(plan).text(password: password)
    }
}

extension PlausiblePlan {
    /// The plan for the answers a derived Secret value is computed from, so that the URLs follow
    /// the same reading of the answers as everything else; nil when they don't make a plan.
    init?(lookup: AnswerLookup) {
        let entries = lookup.values.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        guard let plan = try? PlausiblePlan(ResolvedAnswers(entries: entries, defaulted: [])) else { return nil }
        self = plan
    }
}
