import RiggerCore

/// Writes values.yaml for the Helicone chart from a plan: a pure function, no I/O.
///
/// The chart has no values.yaml of its own, so every value its templates read is written here,
/// after its values.example.yaml. Three rules hold throughout:
/// - every `environment` value is a string: they become ConfigMap data, which takes only strings;
/// - every switch is a YAML boolean: the templates test truthiness, and the string "false" is true;
/// - no secret is written: the templates read them from the Secrets in secrets/, and Realtime's
///   two keys, which the chart would put in a ConfigMap, reach it through the post-renderer.
enum HeliconeValuesRenderer {
    /// The in-cluster URL of a component, through the chart's own helper for its name.
    private static func service(_ helper: String, port: Int) -> String {
        "http://{{ include \"\(helper)\" . }}.{{ .Release.Namespace }}.svc.cluster.local:\(port)"
    }

    private static let databaseHost = "{{ tpl .Values.database.host . }}"
    private static let databasePort = "{{ tpl .Values.database.port . }}"
    private static let databaseName = "{{ tpl .Values.database.name . }}"
    /// How the Supabase components reach PostgreSQL: the in-cluster server, without TLS.
    private static let databaseEnvironment = [
        ("DB_HOST", databaseHost), ("DB_PORT", databasePort), ("DB_DRIVER", "postgres"), ("DB_NAME", databaseName),
    ]

    /// The values as a tree, in a stable order.
    static func values(plan: HeliconePlan) -> YAMLTree {
        var values = YAMLTree.emptyMap
        values.set("database", .map([
            ("host", .string("{{ include \"supabase.db.fullname\" . }}.{{ .Release.Namespace }}.svc.cluster.local")),
            ("port", .string("5432")),
            ("name", .string("postgres")),
        ]))
        values.set("db", .map(database(plan)))
        values.set("studio", .map(studio(plan)))
        values.set("auth", .map(component("auth", port: 9999, environment: authEnvironment(plan))))
        values.set("rest", .map(component("rest", port: 3000, environment: databaseEnvironment + [
            ("DB_SSL", "disable"), ("PGRST_DB_SCHEMA", "public,storage,graphql_public"), ("PGRST_DB_ANON_ROLE", "anon"),
            ("PGRST_DB_USE_LEGACY_GUCS", "false"),
        ])))
        // SECRET_KEY_BASE and DB_ENC_KEY are left out: the chart would publish them in a ConfigMap.
        values.set("realtime", .map(component("realtime", port: 4000, environment: [
            ("PORT", "4000"), ("DB_HOST", databaseHost), ("DB_PORT", databasePort), ("DB_USER", "supabase_admin"), ("DB_NAME", databaseName),
            ("DB_AFTER_CONNECT_QUERY", "SET search_path TO _realtime"), ("FLY_ALLOC_ID", "fly123"), ("FLY_APP_NAME", "realtime"),
            ("ERL_AFLAGS", "-proto_dist inet_tcp"), ("ENABLE_TAILSCALE", "false"), ("DNS_NODES", "''"),
        ])))
        values.set("meta", .map(component("meta", port: 8080, environment: [
            ("PG_META_DB_HOST", databaseHost), ("PG_META_DB_PORT", databasePort), ("DB_DRIVER", "postgres"), ("PG_META_DB_NAME", databaseName),
            ("PG_META_DB_USER", "supabase_admin"), ("PG_META_PORT", "8080"),
        ])))
        values.set("storage", .map(storage(plan)))
        values.set("kong", .map(kong(plan)))
        values.set("imgproxy", .map(component("imgproxy", port: 5001, scales: false, environment: [
            ("IMGPROXY_BIND", ":5001"), ("IMGPROXY_LOCAL_FILESYSTEM_ROOT", "/"), ("IMGPROXY_USE_ETAG", "true"),
            ("IMGPROXY_ENABLE_WEBP_DETECTION", "true"),
        ])))
        values.set("functions", .map(component("functions", port: 9002, scales: false, environment: [
            ("SUPABASE_URL", service("supabase.kong.fullname", port: HeliconeChart.kongPort)), ("FUNCTIONS_HTTP_PORT", "9002"),
        ] + databaseEnvironment + [("VERIFY_JWT", "false")])))
        values.set("helicone", .map([("web", .map(web(plan))), ("worker", .map(worker(plan)))]))
        values.set("clickhouse", .map([
            ("image", image("clickhouse")),
            ("service", .map([("type", .string("ClusterIP")), ("port", .int(HeliconeChart.clickhousePort))])),
            ("replicaCount", .int(1)),
        ]))
        HeliconeSizing.addValues(plan, to: &values)
        return values
    }

    // MARK: Shared shapes

    /// A component's image, pinned to a tag.
    private static func image(_ repository: String, _ tag: String) -> YAMLTree {
        .map([("repository", .string(repository)), ("tag", .string(tag)), ("pullPolicy", .string("IfNotPresent"))])
    }

    private static func image(_ key: String) -> YAMLTree {
        guard let pinned = HeliconeChart.valueImage(key) else { return .emptyMap }
        return image(pinned.repository, pinned.tag)
    }

    /// Environment entries, every value a string.
    private static func environment(_ entries: [(String, String)]) -> YAMLTree {
        .map(entries.map { ($0.0, .string($0.1)) })
    }

    /// The shape every Supabase component shares: on, its image, a ClusterIP Service, one replica
    /// (`autoscaling.enabled` only drops `replicas`: the chart has no HPA), and its environment.
    /// imgproxy and functions have no `autoscaling` key.
    private static func component(_ key: String, port: Int, scales: Bool = true, environment entries: [(String, String)]) -> [(String, YAMLTree)] {
        var values: [(String, YAMLTree)] = [
            ("enabled", .bool(true)), ("image", image(key)),
            ("service", .map([("type", .string("ClusterIP")), ("port", .int(port))])),
        ]
        if scales { values.append(("autoscaling", .map([("enabled", .bool(false))]))) }
        values += [("replicaCount", .int(1)), ("environment", environment(entries))]
        return values
    }

    // MARK: Components

    private static func database(_ plan: HeliconePlan) -> [(String, YAMLTree)] {
        component("db", port: 5432, environment: [
            ("POSTGRES_HOST", "/var/run/postgresql"), ("PGPORT", databasePort), ("POSTGRES_PORT", databasePort),
            ("PGDATABASE", databaseName), ("POSTGRES_DB", databaseName),
        ]) + [
            // Without persistence the chart keeps the database in the container: lost on every restart.
            ("persistence", .map([
                ("enabled", .bool(true)), ("mountPath", .string("/var/lib/postgresql/data")), ("subPath", .string("postgres")),
                // Empty renders null: the cluster's default storage class.
                ("storageClassName", .string(plan.storageClass ?? "")), ("size", .string(plan.postgresqlStorage.text)),
            ])),
        ]
    }

    private static func studio(_ plan: HeliconePlan) -> [(String, YAMLTree)] {
        guard plan.studio else { return [("enabled", .bool(false))] }
        return component("studio", port: HeliconeChart.studioPort, environment: [
            ("SUPABASE_URL", service("supabase.kong.fullname", port: HeliconeChart.kongPort)),
            ("SUPABASE_PUBLIC_URL", plan.apiURL),
            ("STUDIO_PG_META_URL", service("supabase.meta.fullname", port: 8080)),
            ("DEFAULT_ORGANIZATION_NAME", "Helicone"),
            ("DEFAULT_PROJECT_NAME", "Helicone"),
        ]) + [("ingress", HeliconeIngress.values(plan, .studio))]
    }

    /// GoTrue: the public URLs (nothing in the chart derives them from the hosts), mail, sign-up.
    private static func authEnvironment(_ plan: HeliconePlan) -> [(String, String)] {
        let verify = plan.apiURL + "/auth/v1/verify"
        var entries = databaseEnvironment + [
            ("DB_SSL", "disable"), ("GOTRUE_API_HOST", "0.0.0.0"), ("GOTRUE_API_PORT", "9999"),
            ("API_EXTERNAL_URL", plan.apiURL),
            ("GOTRUE_SITE_URL", plan.webURL),
            // Only the dashboard may be a redirect target after sign-in; the example allows any.
            ("GOTRUE_URI_ALLOW_LIST", plan.webURL + "/**"),
            ("GOTRUE_DB_DRIVER", "postgres"),
            ("GOTRUE_DISABLE_SIGNUP", plan.signup ? "false" : "true"),
            ("GOTRUE_JWT_DEFAULT_GROUP_NAME", "authenticated"), ("GOTRUE_JWT_ADMIN_ROLES", "service_role"),
            ("GOTRUE_JWT_AUD", "authenticated"), ("GOTRUE_JWT_EXP", "3600"),
            ("GOTRUE_EXTERNAL_EMAIL_ENABLED", "true"),
            // Without mail nobody could confirm an address, so accounts are confirmed at sign-up.
            ("GOTRUE_MAILER_AUTOCONFIRM", plan.email == nil ? "true" : "false"),
        ]
        if let email = plan.email {
            entries += [
                ("GOTRUE_SMTP_HOST", email.host), ("GOTRUE_SMTP_PORT", String(email.port)), ("GOTRUE_SMTP_SENDER_NAME", "Helicone"),
            ]
        }
        entries += [
            ("GOTRUE_EXTERNAL_PHONE_ENABLED", "false"), ("GOTRUE_SMS_AUTOCONFIRM", "false"),
            ("GOTRUE_MAILER_URLPATHS_INVITE", verify), ("GOTRUE_MAILER_URLPATHS_CONFIRMATION", verify),
            ("GOTRUE_MAILER_URLPATHS_RECOVERY", verify), ("GOTRUE_MAILER_URLPATHS_EMAIL_CHANGE", verify),
        ]
        return entries
    }

    private static func storage(_ plan: HeliconePlan) -> [(String, YAMLTree)] {
        var values = component("storage", port: 5000, environment: [
            ("POSTGREST_URL", service("supabase.rest.fullname", port: 3000)),
        ] + databaseEnvironment + [
            ("DB_USER", "supabase_storage_admin"), ("FILE_SIZE_LIMIT", "52428800"), ("STORAGE_BACKEND", "file"),
            ("FILE_STORAGE_BACKEND_PATH", "/var/lib/storage"), ("TENANT_ID", "stub"), ("REGION", "stub"), ("GLOBAL_S3_BUCKET", "stub"),
            ("ENABLE_IMAGE_TRANSFORMATION", "true"), ("IMGPROXY_URL", service("supabase.imgproxy.fullname", port: 5001)),
        ])
        var persistence: [(String, YAMLTree)] = [("enabled", .bool(true))]
        if let storageClass = plan.storageClass { persistence.append(("storageClassName", .string(storageClass))) }
        persistence += [("size", .string(plan.fileStorage.text)), ("accessModes", .list([.string("ReadWriteOnce")]))]
        values.append(("persistence", .map(persistence)))
        // The chart attaches the volume but mounts it only when told where: the files' path.
        values.append(("volumeMounts", .list([.map([("name", .string("storage-data")), ("mountPath", .string("/var/lib/storage"))])])))
        return values
    }

    private static func kong(_ plan: HeliconePlan) -> [(String, YAMLTree)] {
        var environment = [
            ("KONG_DATABASE", "off"), ("KONG_DECLARATIVE_CONFIG", "/home/kong/kong.yml"), ("KONG_DNS_ORDER", "LAST,A,CNAME"),
            ("KONG_PLUGINS", "request-transformer,cors,key-auth,acl"), ("KONG_NGINX_PROXY_PROXY_BUFFER_SIZE", "160k"),
            ("KONG_NGINX_PROXY_PROXY_BUFFERS", "64 160k"),
        ]
        if plan.ingress.type == .gcpCLB {
            // Kong answers 404 at /, where Google's load balancer checks health: its status API answers 200.
            environment.append(("KONG_STATUS_LISTEN", "0.0.0.0:\(HeliconeChart.kongStatusPort)"))
        }
        var values = component("kong", port: HeliconeChart.kongPort, environment: environment)
        if let index = values.firstIndex(where: { $0.0 == "service" }) {
            values[index].1 = .map([("type", .string("ClusterIP")), ("httpPort", .int(HeliconeChart.kongPort)), ("httpsPort", .int(8443))])
        }
        values.append(("ingress", HeliconeIngress.values(plan, .api)))
        return values
    }

    private static func web(_ plan: HeliconePlan) -> [(String, YAMLTree)] {
        [
            ("image", image("helicone/web", plan.cluster.imageTag)),
            ("service", .map([("type", .string("ClusterIP")), ("port", .int(HeliconeChart.webPort))])),
            ("replicaCount", .int(1)),
            ("environment", environment([
                ("NEXT_PUBLIC_SUPABASE_URL", plan.apiURL),
                ("SUPABASE_URL", service("supabase.kong.fullname", port: HeliconeChart.kongPort)),
                ("CLICKHOUSE_HOST", clickhouseURL(plan)),
            ] + databaseEnvironment)),
            ("ingress", HeliconeIngress.values(plan, .web)),
        ]
    }

    private static func worker(_ plan: HeliconePlan) -> [(String, YAMLTree)] {
        [
            ("image", image("helicone/worker", plan.workerImageTag)),
            ("service", .map([("type", .string("ClusterIP")), ("port", .int(HeliconeChart.workerPort))])),
            ("replicaCount", .int(1)),
            ("environment", environment([
                ("SUPABASE_URL", service("supabase.kong.fullname", port: HeliconeChart.kongPort)),
                ("CLICKHOUSE_HOST", clickhouseURL(plan)),
            ])),
            ("ingress", HeliconeIngress.values(plan, .worker)),
        ]
    }

    /// ClickHouse's HTTP interface, which web, worker and the migration runner call: the chart's
    /// own server, or the managed one (the chart has no other setting for it).
    static func clickhouseURL(_ plan: HeliconePlan) -> String {
        switch plan.clickhouse {
        case .inCluster: return service("clickhouse.fullname", port: HeliconeChart.clickhousePort)
        case .managed(let host, let port, let secure): return "\(secure ? "https" : "http")://\(host):\(port)"
        }
    }
}
