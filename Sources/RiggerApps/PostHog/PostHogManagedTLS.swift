import RiggerCore

/// TLS from PostHog to managed PostgreSQL and Redis servers whose certificates are checked
/// against a CA the operator keeps in a Secret (RDS's bundle, Cloud SQL's or Memorystore's server CA).
///
/// What PostHog 1.43 and its chart 30.46.0 read, and so where each setting goes:
/// - Every PostHog pod reaches PostgreSQL through the chart's PgBouncer, in the namespace; only
///   PgBouncer and the migration job reach the server itself. PgBouncer (Bitnami's image) takes
///   `server_tls_sslmode` and `server_tls_ca_file` from PGBOUNCER_SERVER_TLS_*; Django passes no
///   sslmode of its own, so libpq's PGSSLMODE and PGSSLROOTCERT hold for the migration job. (The
///   settings' POSTHOG_POSTGRES_SSL_MODE never reaches Django's connection.) PGSSLMODE goes on the
///   job alone: the other pods talk to PgBouncer, which offers no TLS.
/// - Redis: redis-py, django-redis, kombu and Celery read `ssl_cert_reqs` and `ssl_ca_certs` from
///   REDIS_URL; the plugin server's ioredis trusts the system's CAs and NODE_EXTRA_CA_CERTS. The
///   chart's values mount volumes into PgBouncer only, so the CA reaches the other pods through
///   the post-renderer.
enum PostHogManagedTLS {
    static let postgresqlCAFolder = "/etc/posthog/postgresql-ca"
    static let redisCAFolder = "/etc/posthog/redis-ca"
    static var postgresqlCAFile: String { "\(postgresqlCAFolder)/\(CASecretCheck.caKey)" }
    static var redisCAFile: String { "\(redisCAFolder)/\(CASecretCheck.caKey)" }
    static let postgresqlCAVolume = "postgresql-ca"
    static let redisCAVolume = "redis-ca"

    /// The chart's own PgBouncer settings (its values' `pgbouncer.env`), which a list of ours replaces.
    static let pgbouncerChartEnvironment: [(String, String)] = [
        ("PGBOUNCER_PORT", "6543"), ("PGBOUNCER_MAX_CLIENT_CONN", "1000"), ("PGBOUNCER_POOL_MODE", "transaction"),
        ("PGBOUNCER_IGNORE_STARTUP_PARAMETERS", "extra_float_digits"),
    ]

    private static func environment(_ pairs: [(String, String)]) -> YAMLTree {
        .list(pairs.map { .map([("name", .string($0.0)), ("value", .string($0.1))]) })
    }

    private static func secretVolume(_ name: String, secret: String) -> YAMLTree {
        let key = CASecretCheck.caKey
        return .map([
            ("name", .string(name)),
            ("secret", .map([("secretName", .string(secret)), ("items", .list([.map([("key", .string(key)), ("path", .string(key))])]))])),
        ])
    }

    private static func mount(_ name: String, at folder: String) -> YAMLTree {
        .map([("name", .string(name)), ("mountPath", .string(folder)), ("readOnly", .bool(true))])
    }

    /// PgBouncer's TLS to the server (through chart values, which mount the CA into it), and the
    /// migration job's libpq settings; the job's mount is a post-render patch (`patches`).
    static func addPostgreSQL(_ tls: ManagedPostgreSQL.TLS, to values: inout YAMLTree) {
        guard tls.mode != .disable else { return }
        var pgbouncer = pgbouncerChartEnvironment + [("PGBOUNCER_SERVER_TLS_SSLMODE", tls.mode.rawValue)]
        var migrate = [("PGSSLMODE", tls.mode.rawValue)]
        if let secret = tls.caSecret {
            pgbouncer.append(("PGBOUNCER_SERVER_TLS_CA_FILE", postgresqlCAFile))
            migrate.append(("PGSSLROOTCERT", postgresqlCAFile))
            values.set("pgbouncer.extraVolumes", .list([secretVolume(postgresqlCAVolume, secret: secret)]))
            values.set("pgbouncer.extraVolumeMounts", .list([mount(postgresqlCAVolume, at: postgresqlCAFolder)]))
        }
        values.set("pgbouncer.env", environment(pgbouncer))
        values.set("hooks.migrate.env", environment(migrate))
    }

    /// A workload of the chart that reads REDIS_URL or connects to PostgreSQL itself: its kind,
    /// name (a pattern for the Job the chart names by the time) and the containers that connect.
    struct Workload {
        let kind: String
        let name: String
        let namePattern: String?
        let containers: [String]
        let initContainers: [String]
        /// Whether its containers run Node (the plugin server), which reads extra CAs from NODE_EXTRA_CA_CERTS.
        var runsNode = false
    }

    /// The chart's workloads with a Redis client, as rigger's values render them: the web, worker,
    /// events and plugin server Deployments (and their wait-for-migrations init containers), and
    /// the migration job.
    static func redisClients(release: String) -> [Workload] {
        let fullname = PostHogValuesRenderer.chartFullname(release: release)
        return [
            Workload(kind: "Deployment", name: "\(fullname)-web", namePattern: nil, containers: ["posthog-web"], initContainers: ["wait-for-migrations"]),
            Workload(
                kind: "Deployment", name: "\(fullname)-worker-default", namePattern: nil, containers: ["posthog-workers"],
                initContainers: ["wait-for-migrations"]),
            Workload(kind: "Deployment", name: "\(fullname)-events", namePattern: nil, containers: ["posthog-events"], initContainers: []),
            Workload(
                kind: "Deployment", name: "\(fullname)-plugins", namePattern: nil, containers: ["posthog-plugins"], initContainers: ["wait-for-migrations"],
                runsNode: true),
            migrateJob(release: release),
        ]
    }

    /// The migration job, named `<release>-migrate-<time of the render>` by the chart.
    static func migrateJob(release: String) -> Workload {
        Workload(kind: "Job", name: "\(release)-migrate", namePattern: "\(release)-migrate-.*", containers: ["migrate-job"], initContainers: [])
    }

    /// The post-render patches that mount the CAs: PostgreSQL's into the migration job, Redis's
    /// into every Redis client, with NODE_EXTRA_CA_CERTS for the plugin server.
    static func patches(_ plan: PostHogPlan) -> [PostRender.Patch] {
        var volumes: [String: [(name: String, secret: String, folder: String)]] = [:]
        let job = migrateJob(release: plan.release)
        if case .managed(let server) = plan.postgresql, let secret = server.tls.caSecret {
            volumes[job.name, default: []].append((postgresqlCAVolume, secret, postgresqlCAFolder))
        }
        let clients = redisClients(release: plan.release)
        if let secret = plan.redisCASecret {
            for client in clients { volumes[client.name, default: []].append((redisCAVolume, secret, redisCAFolder)) }
        }
        return clients.compactMap { workload -> PostRender.Patch? in
            guard let mounted = volumes[workload.name] else { return nil }
            let mounts = YAMLTree.list(mounted.map { mount($0.name, at: $0.folder) })
            let isPluginServer = workload.runsNode && mounted.contains { $0.name == redisCAVolume }
            let containers = workload.containers.map { name -> YAMLTree in
                var container: [(String, YAMLTree)] = [("name", .string(name)), ("volumeMounts", mounts)]
                if isPluginServer { container.append(("env", environment([("NODE_EXTRA_CA_CERTS", redisCAFile)]))) }
                return .map(container)
            }
            // Only Redis reaches the init containers: they wait for the migrations through PgBouncer.
            let initMounts = YAMLTree.list(mounted.filter { $0.name == redisCAVolume }.map { mount($0.name, at: $0.folder) })
            var spec: [(String, YAMLTree)] = [("volumes", .list(mounted.map { secretVolume($0.name, secret: $0.secret) })), ("containers", .list(containers))]
            if !workload.initContainers.isEmpty, case .list(let list) = initMounts, !list.isEmpty {
                spec.append(("initContainers", .list(workload.initContainers.map { .map([("name", .string($0)), ("volumeMounts", initMounts)]) })))
            }
            let what = mounted.map { $0.name == redisCAVolume ? "Redis's CA (\($0.secret))" : "PostgreSQL's CA (\($0.secret))" }.joined(separator: " and ")
            return PostRender.Patch(
                kind: workload.kind, name: workload.name,
                body: .map([("spec", .map([("template", .map([("spec", .map(spec))]))]))]),
                reason: "mounts \(what) where its clients read it; the chart mounts no volume here",
                namePattern: workload.namePattern)
        }
    }

    /// The CA Secrets the operator creates before the install, which 00-preflight.sh checks.
    static func secretsToCreate(_ plan: PostHogPlan) -> [OperatorSecret] {
        var secrets: [OperatorSecret] = []
        if case .managed(let server) = plan.postgresql, let secret = server.tls.caSecret {
            secrets.append(OperatorSecret.caCertificate(
                name: secret, namespace: plan.namespace, service: "the managed PostgreSQL", source: CASecretCheck.postgreSQLSource(cloud: plan.cloud)))
        }
        if let secret = plan.redisCASecret {
            secrets.append(OperatorSecret.caCertificate(
                name: secret, namespace: plan.namespace, service: "the managed Redis", source: CASecretCheck.memorystoreSource))
        }
        return secrets
    }

    /// On regenerating a bundle whose PgBouncer reaches a managed PostgreSQL without TLS: how to move.
    static func regenerationNotes(directory: String, answers: ResolvedAnswers) -> [String] {
        guard answers["postgresql.mode"]?.stringValue == "managed", answers["postgresql.sslmode"]?.stringValue == ManagedPostgreSQL.SSLMode.disable.rawValue
        else { return [] }
        return ["postgresql.sslmode: PgBouncer and the migrations reach the managed PostgreSQL without TLS, which RDS for PostgreSQL 15 "
            + "and later refuses by default (rds.force_ssl). Move to TLS checked against the server's CA with: rigger generate --out "
            + "\(ShellQuote.quote(directory)) --set postgresql.sslmode=verify-full (RDS) or verify-ca (Cloud SQL's private IP), after creating "
            + "the Secret postgresql.caSecret names (the README says how)"]
    }
}
