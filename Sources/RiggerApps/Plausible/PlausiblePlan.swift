import RiggerCore

/// The typed, validated form of Plausible answers that renderers consume.
public struct PlausiblePlan: Sendable, Equatable {
    /// Who may create an account, as `plausible.registration` says it.
    public enum Registration: String, Sendable {
        case inviteOnly = "invite-only"
        case open
        case closed

        /// What Plausible reads from DISABLE_REGISTRATION for it.
        public var disableRegistration: String {
            switch self {
            case .inviteOnly: return "invite_only"
            case .open: return "false"
            case .closed: return "true"
            }
        }
    }

    /// How Plausible reaches a managed PostgreSQL.
    public enum PostgreSQLTLS: Sendable, Equatable {
        case disabled
        /// TLS, the server certificate checked against the CA in the Secret's `ca.crt`.
        case verifyCA(secretName: String)
    }

    public enum PostgreSQL: Sendable, Equatable {
        case inCluster(storage: StorageQuantity)
        case managed(ManagedPostgreSQL, tls: PostgreSQLTLS)
    }

    public enum ClickHouse: Sendable, Equatable {
        case inCluster(storage: StorageQuantity)
        /// A managed ClickHouse, always over HTTPS.
        case managed(host: String, port: Int, database: String, user: String)
    }

    public let cluster: ClusterPlan
    public let registration: Registration
    /// The operator's Secret holding Plausible's whole environment, or nil when rigger writes it.
    public let existingEnvironmentSecret: String?
    public let postgresql: PostgreSQL
    public let clickhouse: ClickHouse
    public let ingress: IngressPlan
    public let email: EmailPlan?
    /// What each component requests, and how many PostgreSQL instances run (see `PlausibleSizing`).
    public let sizing: Sizing

    public var cloud: Cloud { cluster.cloud }
    public var namespace: String { cluster.namespace }
    public var release: String { cluster.release }

    /// Builds the plan from answers that `AnswerResolver` has validated.
    public init(_ answers: ResolvedAnswers) throws(PlanError) {
        let read = PlanReader(answers: answers)
        cluster = try ClusterPlan(read)
        registration = try read.choice("plausible.registration", as: Registration.self)
        existingEnvironmentSecret = read.optionalString("plausible.existingSecret")
        if try read.string("postgresql.mode") == "managed" {
            let server = try ManagedPostgreSQL(read)
            let tls: PostgreSQLTLS = server.tls.caSecret.map { .verifyCA(secretName: $0) } ?? .disabled
            postgresql = .managed(server, tls: tls)
        } else {
            postgresql = .inCluster(storage: try read.size("postgresql.storage"))
        }
        clickhouse = try read.string("clickhouse.mode") == "managed"
            ? .managed(
                host: try read.string("clickhouse.host"), port: try read.int("clickhouse.port"),
                database: try read.string("clickhouse.database"), user: try read.string("clickhouse.user"))
            : .inCluster(storage: try read.size("clickhouse.storage"))
        ingress = try IngressPlan(read)
        email = try EmailPlan.read(read)
        sizing = try read.sizing()
    }

    /// The URL Plausible is reached at (BASE_URL): the hostname over https with TLS, over http
    /// without; without an ingress, the address the port-forward of 50-verify.sh opens.
    public var baseURL: String {
        guard ingress.servedHostname != nil, let siteURL = ingress.siteURL else { return "http://localhost:\(PlausibleNames.httpPort)" }
        return siteURL
    }

    /// The Cloud SQL Auth Proxy Plausible reaches its PostgreSQL through, if it does.
    public var cloudSQLProxy: CloudSQLProxyPlan? {
        guard case .managed(let server, _) = postgresql else { return nil }
        return server.cloudSQLProxy
    }

    /// Whether anything in the cluster keeps data on a volume rigger sizes.
    public var hasVolumes: Bool {
        if case .inCluster = postgresql { return true }
        if case .inCluster = clickhouse { return true }
        return false
    }
}
