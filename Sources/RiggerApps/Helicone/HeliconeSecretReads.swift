/// Every place the chart's templates read one of its four fixed Secrets: which Deployment, which
/// container, which environment variable, which Secret. When the operator keeps a Secret under a
/// name of their own, the post-renderer points each of these at it. The real-chart tests check
/// that nothing the rendered chart reads is missing from this table.
enum HeliconeSecretReads {
    /// One environment variable read from a Secret.
    struct Read: Sendable, Equatable {
        /// The chart component, e.g. `auth`; its Deployment is the chart's full name for it.
        let component: String
        /// The container: the component's own (`helicone-<component>`) or an init container.
        let container: String
        let variable: String
        /// The Secret by the name the chart gives it, e.g. `helicone-postgres`.
        let secret: String
    }

    private static let supabase = "helicone-supabase"
    private static let postgres = "helicone-postgres"
    private static let clickhouse = "helicone-clickhouse"
    private static let smtp = "helicone-smtp"

    private static func main(_ component: String, _ reads: [(String, String)]) -> [Read] {
        reads.map { Read(component: component, container: HeliconeChart.containerName(component), variable: $0.0, secret: $0.1) }
    }

    private static func initContainer(_ component: String, _ container: String, _ reads: [(String, String)]) -> [Read] {
        reads.map { Read(component: component, container: container, variable: $0.0, secret: $0.1) }
    }

    /// Every read, from the templates of the pinned commit.
    static let all: [Read] =
        initContainer("auth", "init-db", [("DB_USER", postgres)])
        + main("auth", [
            ("DB_USER", postgres), ("DB_PASSWORD", postgres), ("GOTRUE_JWT_SECRET", supabase),
            ("GOTRUE_SMTP_ADMIN_EMAIL", smtp), ("GOTRUE_SMTP_USER", smtp), ("GOTRUE_SMTP_PASS", smtp),
        ])
        + main("clickhouse", [("CLICKHOUSE_USER", clickhouse), ("CLICKHOUSE_PASSWORD", clickhouse)])
        + main("db", [("POSTGRES_USER", postgres), ("POSTGRES_PASSWORD", postgres)])
        + main("functions", [
            ("SUPABASE_ANON_KEY", supabase), ("SUPABASE_SERVICE_ROLE_KEY", supabase), ("DB_USER", postgres), ("DB_PASSWORD", postgres),
        ])
        + main("kong", [("SUPABASE_ANON_KEY", supabase), ("SUPABASE_SERVICE_KEY", supabase)])
        + main("meta", [("PG_META_DB_PASSWORD", postgres)])
        + main("realtime", [("DB_PASSWORD", postgres), ("API_JWT_SECRET", supabase)])
        + main("rest", [("DB_PASSWORD", postgres), ("PGRST_JWT_SECRET", supabase)])
        + initContainer("storage", "init-db", [("DB_USER", postgres)])
        + main("storage", [("DB_PASSWORD", postgres), ("PGRST_JWT_SECRET", supabase), ("ANON_KEY", supabase), ("SERVICE_KEY", supabase)])
        + main("studio", [("SUPABASE_ANON_KEY", supabase), ("SUPABASE_SERVICE_KEY", supabase)])
        + initContainer("web", "init-db", [("DB_USER", postgres)])
        + initContainer("web", "supabase-migration-runner", [("DB_USER", postgres), ("DB_PASSWORD", postgres)])
        + initContainer("web", "clickhouse-migration-runner", [("CLICKHOUSE_USER", clickhouse), ("CLICKHOUSE_PASSWORD", clickhouse)])
        + main("web", [
            ("NEXT_PUBLIC_SUPABASE_ANON_KEY", supabase), ("SUPABASE_SERVICE_KEY", supabase), ("DB_USER", postgres), ("DB_PASSWORD", postgres),
            ("CLICKHOUSE_USER", clickhouse), ("CLICKHOUSE_PASSWORD", clickhouse),
        ])
        + main("worker", [
            ("NEXT_PUBLIC_SUPABASE_ANON_KEY", supabase), ("SUPABASE_SERVICE_ROLE_KEY", supabase),
            ("CLICKHOUSE_USER", clickhouse), ("CLICKHOUSE_PASSWORD", clickhouse),
        ])

    /// Whether a container is an init container (patched under `initContainers`).
    static func isInit(_ read: Read) -> Bool { read.container != HeliconeChart.containerName(read.component) }
}
