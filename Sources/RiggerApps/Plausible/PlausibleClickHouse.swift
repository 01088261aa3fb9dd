import RiggerCore

/// A single-node ClickHouse for Plausible on the official image: the ConfigMap of the settings
/// Plausible recommends for its own ClickHouse, a headless Service, and a one-replica StatefulSet
/// with its data on a volume.
enum PlausibleClickHouse {
    /// Each config file, by where it goes in the container. Each is mounted on its own (subPath):
    /// a ConfigMap over config.d/ would hide the image's listen settings, and one over users.d/
    /// would stop the entrypoint writing the user it creates from the environment. These are the
    /// files of Plausible CE v3.2.1's compose setup but its ipv4-only.xml, which quiets Docker's
    /// IPv4-only bridge networks: a pod network may be IPv6-only, and the image's own listen
    /// settings already try both families.
    static let configFiles: [(key: String, mountPath: String, contents: String)] = [
        ("logs.xml", "/etc/clickhouse-server/config.d/logs.xml", logs),
        ("low-resources.xml", "/etc/clickhouse-server/config.d/low-resources.xml", lowResources),
        (
            "default-profile-low-resources-overrides.xml", "/etc/clickhouse-server/users.d/default-profile-low-resources-overrides.xml",
            profileOverrides
        ),
    ]

    /// Warnings only, to the console; a month of query log (it grows without end otherwise) and
    /// none of the other system logs, which Plausible doesn't read.
    static let logs = """
        <clickhouse>
            <logger>
                <level>warning</level>
                <console>true</console>
            </logger>
            <query_log replace="1">
                <database>system</database>
                <table>query_log</table>
                <flush_interval_milliseconds>7500</flush_interval_milliseconds>
                <engine>
                    ENGINE = MergeTree
                    PARTITION BY event_date
                    ORDER BY (event_time)
                    TTL event_date + INTERVAL 30 DAY
                    SETTINGS ttl_only_drop_parts = 1
                </engine>
            </query_log>
            <metric_log remove="remove" />
            <asynchronous_metric_log remove="remove" />
            <query_thread_log remove="remove" />
            <text_log remove="remove" />
            <trace_log remove="remove" />
            <session_log remove="remove" />
            <part_log remove="remove" />
        </clickhouse>

        """

    /// A smaller mark cache than the server default, for a node shared with other workloads.
    static let lowResources = """
        <clickhouse>
            <mark_cache_size>524288000</mark_cache_size>
        </clickhouse>

        """

    /// Queries in one thread with small blocks: Plausible's queries are small, and this keeps
    /// ClickHouse's memory use within a few GiB. The user the entrypoint creates uses this profile.
    static let profileOverrides = """
        <clickhouse>
            <profiles>
                <default>
                    <max_threads>1</max_threads>
                    <max_block_size>8192</max_block_size>
                    <max_download_threads>1</max_download_threads>
                    <input_format_parallel_parsing>0</input_format_parallel_parsing>
                    <output_format_parallel_formatting>0</output_format_parallel_formatting>
                </default>
            </profiles>
        </clickhouse>

        """

    static func objects(_ plan: PlausiblePlan, storage: StorageQuantity, passwordSecret: String) -> [YAMLTree] {
        [configMap(plan), service(plan), statefulSet(plan, storage: storage, passwordSecret: passwordSecret)]
    }

    private static func name(_ plan: PlausiblePlan) -> String { PlausibleNames.clickhouse(plan.release) }

    private static func metadata(_ plan: PlausiblePlan) -> YAMLTree {
        PlausibleManifests.metadata(name(plan), namespace: plan.namespace, plan: plan, component: "clickhouse")
    }

    private static func selector(_ plan: PlausiblePlan) -> YAMLTree {
        .map([("app.kubernetes.io/name", .string("clickhouse")), ("app.kubernetes.io/instance", .string(plan.release))])
    }

    static func configMap(_ plan: PlausiblePlan) -> YAMLTree {
        .map([
            ("apiVersion", .string("v1")),
            ("kind", .string("ConfigMap")),
            ("metadata", metadata(plan)),
            ("data", .map(configFiles.map { ($0.key, YAMLTree.string($0.contents)) })),
        ])
    }

    /// Headless: the StatefulSet's governing Service, and the name in CLICKHOUSE_DATABASE_URL.
    static func service(_ plan: PlausiblePlan) -> YAMLTree {
        .map([
            ("apiVersion", .string("v1")),
            ("kind", .string("Service")),
            ("metadata", metadata(plan)),
            ("spec", .map([
                ("clusterIP", .string("None")),
                ("selector", selector(plan)),
                ("ports", .list([
                    .map([("name", .string("http")), ("port", .int(8123)), ("targetPort", .string("http"))]),
                    .map([("name", .string("native")), ("port", .int(9000)), ("targetPort", .string("native"))]),
                ])),
            ])),
        ])
    }

    static func statefulSet(_ plan: PlausiblePlan, storage: StorageQuantity, passwordSecret: String) -> YAMLTree {
        let ping = YAMLTree.map([("path", .string("/ping")), ("port", .string("http"))])
        let container = YAMLTree.map([
            ("name", .string("clickhouse")),
            ("image", .string(PlausibleComponents.clickhouseImage)),
            ("env", .list([
                // The entrypoint replaces the password-less `default` user with this one, reachable over the network.
                .map([("name", .string("CLICKHOUSE_USER")), ("value", .string(PlausibleNames.clickhouseUser))]),
                .map([("name", .string("CLICKHOUSE_PASSWORD")), ("valueFrom", .map([("secretKeyRef", .map([
                    ("name", .string(passwordSecret)), ("key", .string(PlausibleSecrets.passwordKey)),
                ]))]))]),
                .map([("name", .string("CLICKHOUSE_DB")), ("value", .string(PlausibleNames.clickhouseDatabase))]),
            ])),
            ("ports", .list([
                .map([("name", .string("http")), ("containerPort", .int(8123))]),
                .map([("name", .string("native")), ("containerPort", .int(9000))]),
            ])),
            ("readinessProbe", .map([("httpGet", ping), ("periodSeconds", .int(10))])),
            ("livenessProbe", .map([("httpGet", ping), ("initialDelaySeconds", .int(30)), ("periodSeconds", .int(20)), ("failureThreshold", .int(6))])),
            ("resources", PlausibleSizing.resources("clickhouse", plan.sizing).tree),
            ("volumeMounts", .list(
                [.map([("name", .string("data")), ("mountPath", .string("/var/lib/clickhouse"))])]
                    + configFiles.map { file in
                        .map([("name", .string("config")), ("mountPath", .string(file.mountPath)), ("subPath", .string(file.key))])
                    })),
        ])
        var claim: [(String, YAMLTree)] = [
            ("accessModes", .list([.string("ReadWriteOnce")])),
            ("resources", .map([("requests", .map([("storage", .string(storage.text))]))])),
        ]
        if let storageClass = plan.cluster.storageClass { claim.insert(("storageClassName", .string(storageClass)), at: 0) }
        return .map([
            ("apiVersion", .string("apps/v1")),
            ("kind", .string("StatefulSet")),
            ("metadata", metadata(plan)),
            ("spec", .map([
                ("serviceName", .string(name(plan))),
                ("replicas", .int(1)),
                ("selector", .map([("matchLabels", selector(plan))])),
                ("template", .map([
                    ("metadata", .map([
                        ("labels", selector(plan)),
                        // Files mounted with subPath don't follow ConfigMap changes: a new checksum restarts the pod.
                        ("annotations", .map([("rigger/config-checksum", .string(configChecksum))])),
                    ])),
                    ("spec", .map([
                        ("containers", .list([container])),
                        ("volumes", .list([.map([("name", .string("config")), ("configMap", .map([("name", .string(name(plan)))]))])])),
                    ])),
                ])),
                ("volumeClaimTemplates", .list([.map([
                    ("metadata", .map([("name", .string("data"))])),
                    ("spec", .map(claim)),
                ])])),
            ])),
        ])
    }

    /// FNV-1a (64 bits) of the config files: enough to tell one version of them from another.
    static var configChecksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in configFiles {
            for byte in (file.key + "\n" + file.contents).utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
