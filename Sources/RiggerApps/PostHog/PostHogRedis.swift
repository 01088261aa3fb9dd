import RiggerCore

/// rigger's own Redis for PostHog: the chart's Bitnami subchart is frozen at Redis 6.2.7
/// (`bitnamilegacy` gets no new builds), which CVE-2025-49844 and its siblings affect, so the
/// bundle runs the official image of the same 6.2 line at its fixed release, and points the chart
/// at it as its external Redis. The objects go through the post-renderer, so the release owns
/// them like the chart's own.
enum PostHogRedis {
    /// The 6.2 line PostHog 1.43 and its chart were written for, at the release that fixes the
    /// October 2025 Lua advisories (the official image's tag).
    static let image = PostHogImages.Bitnami(repository: "library/redis", tag: "6.2.20")
    static let port = 6379
    /// The official image's `redis` user and group.
    static let userID = 999

    /// The Service PostHog reaches it by, beside the chart's objects: `<fullname>-redis`.
    static func name(release: String) -> String { PostHogValuesRenderer.chartFullname(release: release) + "-redis" }

    /// What the upgrade rules say when `redis.server` changes.
    static let changeNote = "a move between the chart's Redis and rigger's starts an empty Redis: what the old one held is not "
        + "carried over (PostHog's caches, which refill, and Celery tasks queued but not yet run, which are lost). Run it when "
        + "few events are coming in; the old Redis's volume is left in place until you delete it."

    /// On regenerating a bundle that runs the chart's Redis: how to move off it.
    static func regenerationNotes(directory: String, answers: ResolvedAnswers) -> [String] {
        guard answers["redis.mode"]?.stringValue == "in-cluster", answers["redis.server"]?.stringValue == PostHogPlan.RedisServer.chart.rawValue
        else { return [] }
        return ["redis.server: this bundle runs the chart's Redis (\(PostHogImages.redis.reference)), which no fixed build of its "
            + "frozen registry replaces; rigger's own Redis runs \(image.tag) on the official image. Move to it with: rigger generate "
            + "--out \(ShellQuote.quote(directory)) --set redis.server=rigger. On the move, " + changeNote]
    }

    private static func labels(_ plan: PostHogPlan) -> YAMLTree {
        .map([
            ("app.kubernetes.io/name", .string("redis")), ("app.kubernetes.io/instance", .string(plan.release)),
            ("app.kubernetes.io/component", .string("redis")), ("app.kubernetes.io/managed-by", .string("rigger")),
        ])
    }

    private static func selector(_ plan: PostHogPlan) -> YAMLTree {
        .map([("app.kubernetes.io/name", .string("redis")), ("app.kubernetes.io/instance", .string(plan.release))])
    }

    /// The Service and the one-replica StatefulSet, as post-render resources.
    static func resources(_ plan: PostHogPlan, storage: StorageQuantity, password: SecretReferences.Reference) -> [PostRender.Resource] {
        let name = name(release: plan.release)
        let service = PostRender.Resource(
            apiVersion: "v1", kind: "Service", name: name,
            body: .map([
                ("metadata", .map([("labels", labels(plan))])),
                ("spec", .map([
                    ("selector", selector(plan)),
                    ("ports", .list([.map([("name", .string("redis")), ("port", .int(port)), ("targetPort", .string("redis"))])])),
                ])),
            ]),
            reason: "the address PostHog reaches rigger's Redis at (externalRedis.host)")
        let statefulSet = PostRender.Resource(
            apiVersion: "apps/v1", kind: "StatefulSet", name: name,
            body: .map([
                ("metadata", .map([("labels", labels(plan))])),
                ("spec", statefulSetSpec(plan, name: name, storage: storage, password: password)),
            ]),
            reason: "rigger's Redis \(image.tag) on the official image, in place of the chart's frozen Bitnami Redis 6.2.7 (CVE-2025-49844)")
        return [service, statefulSet]
    }

    /// Redis takes its password only from its configuration: the container writes the file from
    /// the Secret into memory at start, so it is never on a command line or in the pod's spec.
    static let startScript = """
        set -eu
        umask 077
        printf 'requirepass "%s"\\n' "$REDIS_PASSWORD" > /run/redis/redis.conf
        exec redis-server /run/redis/redis.conf --port \(port) --dir /data --appendonly yes
        """

    /// redis-cli reads the password from REDISCLI_AUTH, not from its arguments.
    static let pingScript = "REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli -p \(port) ping | grep -q PONG"

    private static func statefulSetSpec(_ plan: PostHogPlan, name: String, storage: StorageQuantity, password: SecretReferences.Reference) -> YAMLTree {
        let ping = YAMLTree.map([("exec", .map([("command", .list([.string("sh"), .string("-c"), .string(pingScript)]))]))])
        let container = YAMLTree.map([
            ("name", .string("redis")),
            ("image", .string(image.reference)),
            ("command", .list([.string("sh"), .string("-c"), .string(startScript)])),
            ("env", .list([.map([("name", .string("REDIS_PASSWORD")), ("valueFrom", .map([("secretKeyRef", .map([
                ("name", .string(password.name)), ("key", .string(password.dataKey)),
            ]))]))])])),
            ("ports", .list([.map([("name", .string("redis")), ("containerPort", .int(port))])])),
            ("readinessProbe", .map([("initialDelaySeconds", .int(5)), ("periodSeconds", .int(10)), ("timeoutSeconds", .int(5))] + entries(ping))),
            ("livenessProbe", .map([
                ("tcpSocket", .map([("port", .string("redis"))])), ("initialDelaySeconds", .int(20)), ("periodSeconds", .int(20)),
                ("failureThreshold", .int(6)),
            ])),
            ("resources", .map([("requests", .map([("cpu", .string("100m")), ("memory", .string("256Mi"))]))])),
            ("securityContext", .map([
                ("allowPrivilegeEscalation", .bool(false)), ("readOnlyRootFilesystem", .bool(true)),
                ("capabilities", .map([("drop", .list([.string("ALL")]))])),
            ])),
            ("volumeMounts", .list([
                .map([("name", .string("data")), ("mountPath", .string("/data"))]),
                .map([("name", .string("run")), ("mountPath", .string("/run/redis"))]),
            ])),
        ])
        var claim: [(String, YAMLTree)] = [
            ("accessModes", .list([.string("ReadWriteOnce")])),
            ("resources", .map([("requests", .map([("storage", .string(storage.text))]))])),
        ]
        if let storageClass = plan.storageClass { claim.insert(("storageClassName", .string(storageClass)), at: 0) }
        return .map([
            ("serviceName", .string(name)),
            ("replicas", .int(1)),
            ("selector", .map([("matchLabels", selector(plan))])),
            ("template", .map([
                ("metadata", .map([("labels", labels(plan))])),
                ("spec", .map([
                    ("automountServiceAccountToken", .bool(false)),
                    ("securityContext", .map([
                        ("runAsNonRoot", .bool(true)), ("runAsUser", .int(userID)), ("runAsGroup", .int(userID)), ("fsGroup", .int(userID)),
                        ("seccompProfile", .map([("type", .string("RuntimeDefault"))])),
                    ])),
                    ("containers", .list([container])),
                    ("volumes", .list([.map([("name", .string("run")), ("emptyDir", .map([("medium", .string("Memory")), ("sizeLimit", .string("1Mi"))]))])])),
                ])),
            ])),
            ("volumeClaimTemplates", .list([.map([("metadata", .map([("name", .string("data"))])), ("spec", .map(claim))])])),
        ])
    }

    private static func entries(_ tree: YAMLTree) -> [(String, YAMLTree)] {
        guard case .map(let entries) = tree else { return [] }
        return entries
    }
}
