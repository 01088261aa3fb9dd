import RiggerCore

/// Writes values.yaml for the PostHog chart 30.46.0 from a plan: a pure function, no I/O.
///
/// Every key written exists in that chart's values.yaml or in the values of the subchart it
/// belongs to; passwords are never written, only the Secrets that hold them.
enum PostHogValuesRenderer {
    /// The values as a tree, in a stable order.
    static func values(plan: PostHogPlan, secrets: PostHogSecrets) -> YAMLTree {
        var values = YAMLTree.emptyMap
        // The chart refuses to render without `cloud`; the value also picks its GCP defaults.
        values.set("cloud", .string(plan.cloud.rawValue))
        if let siteURL = plan.ingress.siteURL { values.set("siteUrl", .string(siteURL)) }
        values.set("image.tag", .string(plan.imageTag))
        // The chart's own PgBouncer, always installed, takes a repository and tag only.
        values.set("pgbouncer.image.repository", .string("docker.io/" + PostHogImages.pgbouncer.repository))
        values.set("pgbouncer.image.tag", .string(PostHogImages.pgbouncer.tag))
        // Without an existing Secret the chart keeps SECRET_KEY only through `lookup`, which a
        // `helm template` or a lost Secret turns into a new key that logs everyone out.
        values.set("posthogSecretKey.existingSecret", .string(secrets.secretKey.name))
        values.set("posthogSecretKey.existingSecretKey", .string(secrets.secretKey.dataKey))
        if plan.ingress.tls == .none {
            // Secure cookies would never be sent back over plain HTTP: nobody could log in.
            values.set("web.secureCookies", .bool(false))
        }
        addEmail(plan, secrets, to: &values)
        addIngress(plan, to: &values)
        addPostgreSQL(plan, secrets, to: &values)
        addRedis(plan, secrets, to: &values)
        addKafka(plan, to: &values)
        addZooKeeper(plan, to: &values)
        addClickHouse(plan, secrets, to: &values)
        addObjectStorage(plan, secrets, to: &values)
        PostHogSizing.addValues(plan, to: &values)
        return values
    }

    private static func persistence(_ path: String, size: StorageQuantity, plan: PostHogPlan, to values: inout YAMLTree) {
        values.set("\(path).enabled", .bool(true))
        values.set("\(path).size", .string(size.text))
        if let storageClass = plan.storageClass { values.set("\(path).storageClass", .string(storageClass)) }
    }

    private static func addEmail(_ plan: PostHogPlan, _ secrets: PostHogSecrets, to values: inout YAMLTree) {
        guard let email = plan.email else { return }
        values.set("email.host", .string(email.host))
        values.set("email.port", .int(email.port))
        if let user = email.user { values.set("email.user", .string(user)) }
        values.set("email.use_tls", .bool(email.tls))
        values.set("email.from_email", .string(email.from))
        if let reference = secrets.email {
            values.set("email.existingSecret", .string(reference.name))
            values.set("email.existingSecretKey", .string(reference.dataKey))
        }
    }

    private static func addIngress(_ plan: PostHogPlan, to values: inout YAMLTree) {
        let ingress = plan.ingress
        // With a Gateway, the bundle's HTTPRoute serves the host (see PostHogGateway): no Ingress.
        guard ingress.type != .none, ingress.type != .gateway, let hostname = ingress.hostname else {
            values.set("ingress.enabled", .bool(false))
            return
        }
        values.set("ingress.enabled", .bool(true))
        values.set("ingress.hostname", .string(hostname))
        switch ingress.type {
        case .gcpCLB:
            values.set("ingress.type", .string("clb"))
            values.set("ingress.gcp.ip_name", .string(ingress.staticIPName ?? "posthog"))
            values.set("ingress.gcp.forceHttps", .bool(ingress.tls != .none))
            if ingress.tls == .secret, let secret = ingress.tlsSecretName {
                values.set("ingress.gcp.secretName", .string(secret))
            }
        case .nginx:
            values.set("ingress.type", .string("nginx"))
            // The chart's own ingress-nginx (controller v1.1.0, of 2021) stays off: 30-prerequisites.sh
            // installs a current one, or the cluster's own serves the class, as for every app.
            values.set("ingress.nginx.enabled", .bool(false))
            // The chart's TLS redirect comes with a configuration-snippet annotation, which a current
            // ingress-nginx refuses; it redirects an Ingress with TLS to HTTPS by itself.
            values.set("ingress.nginx.redirectToTLS", .bool(false))
        case .traefik:
            // Any type other than nginx or clb makes the chart name no class: the post-render sets
            // spec.ingressClassName (see PostHogPostRender).
            values.set("ingress.type", .string("traefik"))
        case .existing:
            // Any type other than nginx or clb makes the chart leave the class to annotations.
            values.set("ingress.type", .string("existing"))
            values.set("ingress.annotations", .map([("kubernetes.io/ingress.class", .string(ingress.className ?? "nginx"))]))
        case .gateway, .none:
            break
        }
        // The chart's own issuer and cert-manager stay off: the certificate comes from the add-ons'
        // ClusterIssuer, into the Secret the chart's own would have used, so that an install
        // that ran the chart's keeps its certificate while the new one is issued.
        values.set("ingress.letsencrypt", .bool(false))
        if ingress.tls == .letsencrypt {
            values.set("ingress.secretName", .string(letsencryptSecretName(release: plan.release)))
            values.set(["ingress", "annotations"], .map([("cert-manager.io/cluster-issuer", .string(IngressAddOns.clusterIssuerName(release: plan.release)))]))
            values.set("cert-manager.enabled", .bool(false))
        }
        if ingress.tls == .secret, ingress.type != .gcpCLB, let secret = ingress.tlsSecretName {
            values.set("ingress.secretName", .string(secret))
        }
    }

    /// The Secret the Let's Encrypt certificate is kept in: the name the chart gives it.
    static func letsencryptSecretName(release: String) -> String { "nginx-letsencrypt-\(chartFullname(release: release))" }

    private static func addPostgreSQL(_ plan: PostHogPlan, _ secrets: PostHogSecrets, to values: inout YAMLTree) {
        switch plan.postgresql {
        case .inCluster(let storage):
            values.set("postgresql.enabled", .bool(true))
            PostHogImages.set(PostHogImages.postgresql, under: "postgresql", in: &values)
            values.set("postgresql.existingSecret", .string(secrets.postgresql.name))
            persistence("postgresql.persistence", size: storage, plan: plan, to: &values)
        case .managed(let managed):
            values.set("postgresql.enabled", .bool(false))
            values.set("externalPostgresql.postgresqlHost", .string(managed.host))
            values.set("externalPostgresql.postgresqlPort", .int(managed.port))
            values.set("externalPostgresql.postgresqlDatabase", .string(managed.database))
            values.set("externalPostgresql.postgresqlUsername", .string(managed.username))
            values.set("externalPostgresql.existingSecret", .string(secrets.postgresql.name))
            values.set("externalPostgresql.existingSecretPasswordKey", .string(secrets.postgresql.dataKey))
            PostHogManagedTLS.addPostgreSQL(managed.tls, to: &values)
        }
    }

    private static func addRedis(_ plan: PostHogPlan, _ secrets: PostHogSecrets, to values: inout YAMLTree) {
        switch plan.redis {
        case .inCluster(_, .rigger):
            // rigger's own Redis (see PostHogRedis), which the chart reaches as an external one.
            values.set("redis.enabled", .bool(false))
            values.set("externalRedis.host", .string(PostHogRedis.name(release: plan.release)))
            values.set("externalRedis.port", .int(PostHogRedis.port))
            if let reference = secrets.redis {
                values.set("externalRedis.existingSecret", .string(reference.name))
                values.set("externalRedis.existingSecretPasswordKey", .string(reference.dataKey))
            }
        case .inCluster(let storage, .chart):
            values.set("redis.enabled", .bool(true))
            PostHogImages.set(PostHogImages.redis, under: "redis", in: &values)
            if let reference = secrets.redis {
                values.set("redis.auth.enabled", .bool(true))
                values.set("redis.auth.existingSecret", .string(reference.name))
                values.set("redis.auth.existingSecretPasswordKey", .string(reference.dataKey))
            }
            persistence("redis.master.persistence", size: storage, plan: plan, to: &values)
        case .managed(let host, let port, _, let tls):
            values.set("redis.enabled", .bool(false))
            values.set("externalRedis.host", .string(host))
            values.set("externalRedis.port", .int(port))
            if let reference = secrets.redis {
                values.set("externalRedis.existingSecret", .string(reference.name))
                values.set("externalRedis.existingSecretPasswordKey", .string(reference.dataKey))
            }
            if tls {
                // PostHog turns TLS on only through a rediss:// REDIS_URL, which wins over the host
                // and password the chart sets; with a password, the URL lives in the Secret.
                let url: YAMLTree
                if let reference = secrets.redis {
                    url = .map([("valueFrom", .map([("secretKeyRef", .map([
                        ("name", .string(reference.name)), ("key", .string(PostHogSecrets.redisURLKey)),
                    ]))]))])
                } else {
                    let ca = plan.redisCASecret == nil ? "" : "&ssl_ca_certs=" + PostHogManagedTLS.redisCAFile
                    url = .map([("value", .string("rediss://\(host):\(port)/0?ssl_cert_reqs=required" + ca))])
                }
                guard case .map(let entries) = url else { return }
                values.set("env", .list([.map([("name", .string("REDIS_URL"))] + entries)]))
            }
        }
    }

    private static func addKafka(_ plan: PostHogPlan, to values: inout YAMLTree) {
        switch plan.kafka {
        case .inCluster(let storage):
            values.set("kafka.enabled", .bool(true))
            PostHogImages.set(PostHogImages.kafka, under: "kafka", in: &values)
            persistence("kafka.persistence", size: storage, plan: plan, to: &values)
            // The chart's default names the ZooKeeper of a release called "posthog"; name ours.
            let zookeeper = bitnamiFullname(release: plan.release, nameOverride: "posthog-zookeeper")
            values.set("kafka.externalZookeeper.servers", .list([.string("\(zookeeper):2181")]))
        case .managed(let brokers, let tls):
            values.set("kafka.enabled", .bool(false))
            values.set("externalKafka.brokers", .list(brokers.map(YAMLTree.string)))
            values.set("externalKafka.tls", .bool(tls))
        }
    }

    private static func addZooKeeper(_ plan: PostHogPlan, to values: inout YAMLTree) {
        guard let storage = plan.zookeeperStorage else {
            values.set("zookeeper.enabled", .bool(false))
            return
        }
        values.set("zookeeper.enabled", .bool(true))
        PostHogImages.set(PostHogImages.zookeeper, under: "zookeeper", in: &values)
        persistence("zookeeper.persistence", size: storage, plan: plan, to: &values)
    }

    private static func addClickHouse(_ plan: PostHogPlan, _ secrets: PostHogSecrets, to values: inout YAMLTree) {
        switch plan.clickhouse {
        case .inCluster(let connection, let storage, let version):
            values.set("clickhouse.enabled", .bool(true))
            values.set("clickhouse.image.tag", .string(version))
            values.set("clickhouse.cluster", .string(connection.cluster))
            values.set("clickhouse.database", .string(connection.database))
            values.set("clickhouse.user", .string(connection.user))
            // With an existing Secret the ClickHouseInstallation and the pods read the password
            // from it, so the chart's published default password is never used.
            values.set("clickhouse.existingSecret", .string(secrets.clickhouse.name))
            values.set("clickhouse.existingSecretPasswordKey", .string(secrets.clickhouse.dataKey))
            persistence("clickhouse.persistence", size: storage, plan: plan, to: &values)
        case .managed(let connection, let host, let secure, let verify):
            values.set("clickhouse.enabled", .bool(false))
            values.set("externalClickhouse.host", .string(host))
            values.set("externalClickhouse.cluster", .string(connection.cluster))
            values.set("externalClickhouse.database", .string(connection.database))
            values.set("externalClickhouse.user", .string(connection.user))
            values.set("externalClickhouse.existingSecret", .string(secrets.clickhouse.name))
            values.set("externalClickhouse.existingSecretPasswordKey", .string(secrets.clickhouse.dataKey))
            values.set("externalClickhouse.secure", .bool(secure))
            values.set("externalClickhouse.verify", .bool(verify))
        }
    }

    private static func addObjectStorage(_ plan: PostHogPlan, _ secrets: PostHogSecrets, to values: inout YAMLTree) {
        switch plan.objectStorage {
        case .none:
            break
        case .inCluster(let storage):
            values.set("minio.enabled", .bool(true))
            PostHogImages.set(PostHogImages.minio, under: "minio", in: &values)
            // PostHog and the MinIO subchart name the service differently unless both are told the name.
            values.set("minio.fullnameOverride", .string("\(plan.release)-posthog-minio"))
            if let reference = secrets.objectStorage { values.set("minio.auth.existingSecret", .string(reference.name)) }
            persistence("minio.persistence", size: storage, plan: plan, to: &values)
        case .managed(let endpoint, let bucket, let region):
            values.set("externalObjectStorage.endpoint", .string(endpoint))
            values.set("externalObjectStorage.bucket", .string(bucket))
            if let region { values.set("externalObjectStorage.region", .string(region)) }
            if let reference = secrets.objectStorage {
                values.set("externalObjectStorage.existingSecret", .string(reference.name))
            }
        }
    }

    /// The name a bitnami subchart gives its objects: the release name alone when it already holds
    /// the name override, otherwise both joined.
    static func bitnamiFullname(release: String, nameOverride: String) -> String {
        release.contains(nameOverride) ? release : "\(release)-\(nameOverride)"
    }

    /// The chart's own name for its objects (`posthog.fullname`): the release alone when it holds
    /// "posthog", otherwise the release followed by "-posthog".
    public static func chartFullname(release: String) -> String {
        bitnamiFullname(release: release, nameOverride: "posthog")
    }
}
