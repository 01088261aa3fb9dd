import RiggerCore

/// The typed, validated form of Helicone answers that renderers consume.
public struct HeliconePlan: Sendable, Equatable {
    /// Where ClickHouse runs, and how Helicone reaches its HTTP interface.
    public enum ClickHouse: Sendable, Equatable {
        case inCluster(storage: StorageQuantity)
        case managed(host: String, port: Int, secure: Bool)
    }

    /// The public host names of the chart's four Ingresses; nil without an ingress.
    public struct Hosts: Sendable, Equatable {
        /// The dashboard (helicone/web).
        public let web: String
        /// The Supabase API behind Kong: sign-in, data, storage.
        public let api: String
        /// The proxy (helicone/worker) that apps send LLM requests through.
        public let worker: String
        /// Supabase Studio, only when it is exposed.
        public let studio: String?
    }

    public let cluster: ClusterPlan
    public let workerImageTag: String
    /// When the API keys were issued (Unix seconds), kept so that they are signed alike every time.
    public let jwtIssuedAt: Int
    public let postgresqlStorage: StorageQuantity
    public let clickhouse: ClickHouse
    public let clickhouseUser: String
    public let fileStorage: StorageQuantity
    public let ingress: IngressPlan
    public let hosts: Hosts?
    /// Whether Studio runs at all; it is exposed when it runs and `hosts.studio` is set.
    public let studio: Bool
    public let email: EmailPlan?
    public let signup: Bool
    /// How many replicas run and what each requests (see `HeliconeSizing`).
    public let sizing: Sizing

    public var namespace: String { cluster.namespace }
    public var release: String { cluster.release }
    public var storageClass: String? { cluster.storageClass }

    /// Builds the plan from answers that `AnswerResolver` has validated.
    public init(_ answers: ResolvedAnswers) throws(PlanError) {
        let read = PlanReader(answers: answers)
        cluster = try ClusterPlan(read)
        workerImageTag = try read.string("helicone.workerImageTag")
        jwtIssuedAt = try read.int("helicone.jwtIssuedAt")
        postgresqlStorage = try read.size("postgresql.storage")
        clickhouse = try read.string("clickhouse.mode") == "managed"
            ? .managed(host: try read.string("clickhouse.host"), port: try read.int("clickhouse.port"), secure: try read.bool("clickhouse.secure"))
            : .inCluster(storage: try read.size("clickhouse.storage"))
        clickhouseUser = try read.string("clickhouse.user")
        fileStorage = try read.size("fileStorage.storage")
        ingress = try IngressPlan(read)
        studio = try read.bool("helicone.studio")
        if let web = ingress.servedHostname {
            hosts = Hosts(
                web: web, api: try read.string("helicone.apiHostname"), worker: try read.string("helicone.workerHostname"),
                studio: studio ? try read.string("helicone.studioHostname") : nil)
        } else {
            hosts = nil
        }
        email = try EmailPlan.read(read)
        signup = try read.bool("helicone.signup")
        sizing = try read.sizing()
    }

    /// The scheme of every public URL: https with any TLS, http without.
    public var scheme: String { ingress.tls == .none ? "http" : "https" }

    /// Where a browser reaches the dashboard: its host, or the port-forward 50-verify.sh prints.
    public var webURL: String { hosts.map { "\(scheme)://\($0.web)" } ?? "http://localhost:\(HeliconeChart.webPort)" }

    /// Where a browser and GoTrue's links reach the Supabase API (Kong).
    public var apiURL: String { hosts.map { "\(scheme)://\($0.api)" } ?? "http://localhost:\(HeliconeChart.kongPort)" }
}
