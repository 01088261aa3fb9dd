/// How an app reaches a managed PostgreSQL (see `CommonQuestions.managedPostgreSQL`): straight to
/// the server's address, over TLS or not, or through the Cloud SQL Auth Proxy in the namespace.
public struct ManagedPostgreSQL: Sendable, Equatable {
    /// The TLS mode of a connection, as libpq names it (`sslmode`).
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        /// No TLS: for the Auth Proxy's Service in the namespace, or a server that allows it.
        case disable
        /// TLS, the certificate not checked: encrypted, but open to whoever can answer in the server's place.
        case require
        /// TLS, the certificate checked against the CA, not the host name: what Cloud SQL's private
        /// IP allows, whose certificate names the instance, not its address.
        case verifyCA = "verify-ca"
        /// TLS, the certificate checked against the CA and the host name (RDS's endpoint names are in theirs).
        case verifyFull = "verify-full"

        /// Whether the server's certificate is checked against a CA, which then must be mounted.
        public var verifies: Bool { self == .verifyCA || self == .verifyFull }
    }

    /// The TLS of the app's connections: a mode, and the Secret (key `ca.crt`) its CA is in when
    /// the mode checks the certificate.
    public struct TLS: Sendable, Equatable {
        public let mode: SSLMode
        public let caSecret: String?

        public init(mode: SSLMode, caSecret: String?) {
            self.mode = mode
            self.caSecret = mode.verifies ? caSecret : nil
        }
    }

    /// Where the app connects: the host and port below, which are the proxy's Service with the proxy.
    public enum Route: Sendable, Equatable {
        case direct
        case cloudSQLProxy(CloudSQLProxyPlan)
    }

    public let host: String
    public let port: Int
    public let database: String
    public let username: String
    public let tls: TLS
    public let route: Route

    public init(_ read: PlanReader) throws(PlanError) {
        database = try read.string("postgresql.database")
        username = try read.string("postgresql.username")
        if read.optionalString(CommonQuestions.postgresqlConnectionKey) == CommonQuestions.PostgreSQLConnection.cloudSQLProxy.rawValue {
            let proxy = try CloudSQLProxyPlan(read)
            route = .cloudSQLProxy(proxy)
            host = proxy.serviceName
            port = CloudSQLProxyPlan.port
            // The proxy encrypts to Cloud SQL itself (TLS with the instance's own certificates);
            // what reaches it inside the namespace is plain.
            tls = TLS(mode: .disable, caSecret: nil)
        } else {
            route = .direct
            host = try read.string("postgresql.host")
            port = try read.int("postgresql.port")
            let mode = try read.choice("postgresql.sslmode", as: SSLMode.self)
            tls = TLS(mode: mode, caSecret: mode.verifies ? try read.string("postgresql.caSecret") : nil)
        }
    }

    /// The Auth Proxy, when the app connects through it.
    public var cloudSQLProxy: CloudSQLProxyPlan? {
        guard case .cloudSQLProxy(let proxy) = route else { return nil }
        return proxy
    }
}
