import RiggerCore

/// What Helicone's bundle changes in the chart's output where no chart value can, through the
/// bundle's Helm post-renderer.
enum HeliconePostRender {
    /// The volume claim that keeps ClickHouse's data, which the chart's template never mounts.
    static func clickhouseClaim(release: String) -> String { HeliconeChart.fullname(release: release, component: "clickhouse") + "-data" }

    /// The post-renderer's changes; `secretManifests` holds the text of each Secret manifest the
    /// bundle writes, by file name, for the digests that roll the pods when a Secret changes.
    static func postRender(plan: HeliconePlan, secrets: HeliconeSecrets, secretManifests: [String: String]) -> PostRender {
        var postRender = PostRender(imagePins: [
            PostRender.ImagePin(
                name: "postgres", tag: "15.1-alpine",
                reason: "the chart's templates write postgres:15-alpine (only the init containers that wait for the database), a tag that "
                    + "moves with every PostgreSQL 15 release; pinned to the 15.1 the database itself runs"),
        ])
        postRender.patches.append(realtimeKeys(plan, secrets))
        for component in ["db", "storage"] {
            postRender.patches.append(recreate(plan, component, why: "its volume can be attached to one node at a time"))
        }
        switch plan.clickhouse {
        case .inCluster(let storage):
            postRender.patches.append(clickhousePersistence(plan))
            postRender.resources.append(clickhouseVolume(plan, storage: storage))
        case .managed:
            let name = HeliconeChart.fullname(release: plan.release, component: "clickhouse")
            for kind in ["Deployment", "Service"] {
                postRender.patches.append(PostRender.Patch(
                    kind: kind, name: name, body: .map([("$patch", .string("delete"))]),
                    reason: "ClickHouse is managed: the chart's own (which it always renders) would run for nothing"))
            }
        }
        if let email = plan.email {
            postRender.patches.append(senderAddress(plan, from: email.from))
        }
        postRender.patches += renamedSecrets(plan, secrets)
        if plan.ingress.type == .gcpCLB, HeliconeIngress.host(plan, .api) != nil {
            postRender.patches += kongHealthCheck(plan)
            postRender.resources.append(kongBackendConfig(plan))
        }
        if plan.ingress.tls == .gcpManaged {
            postRender.resources += HeliconeIngress.served(plan).map { route, host in
                PostRender.Resource(
                    apiVersion: "networking.gke.io/v1", kind: "ManagedCertificate", name: HeliconeIngress.managedCertificateName(plan, route),
                    body: .map([("spec", .map([("domains", .list([.string(host)]))]))]),
                    reason: "the Google-managed certificate for \(host): GKE gives each Ingress a load balancer of its own, each with its certificate")
            }
        }
        // Last, so that the other patches keep their file names.
        postRender.patches += HeliconeSecretsChecksum.patches(plan: plan, secrets: secrets, manifests: secretManifests)
        HeliconeSizing.addPostRender(plan, to: &postRender)
        HeliconeProbes.addPostRender(plan, to: &postRender)
        return postRender
    }

    // MARK: Patches

    private static func deployment(_ plan: HeliconePlan, _ component: String) -> String {
        HeliconeChart.fullname(release: plan.release, component: component)
    }

    /// A container patch: `spec.template.spec.<list>[name=container]` with the given fields.
    private static func containerPatch(_ container: String, initContainer: Bool = false, _ fields: [(String, YAMLTree)]) -> YAMLTree {
        .map([("spec", .map([("template", .map([("spec", .map([
            (initContainer ? "initContainers" : "containers", .list([.map([("name", .string(container))] + fields)])),
        ]))]))]))])
    }

    private static func fromSecret(_ variable: String, secret: String, key: String) -> YAMLTree {
        .map([("name", .string(variable)), ("valueFrom", .map([("secretKeyRef", .map([("name", .string(secret)), ("key", .string(key))]))]))])
    }

    /// Realtime's SECRET_KEY_BASE and DB_ENC_KEY from a Secret: the chart reads them only from
    /// `realtime.environment`, which it turns into a ConfigMap that anyone who can read the
    /// namespace's ConfigMaps could read.
    private static func realtimeKeys(_ plan: HeliconePlan, _ secrets: HeliconeSecrets) -> PostRender.Patch {
        PostRender.Patch(
            kind: "Deployment", name: deployment(plan, "realtime"),
            body: containerPatch(HeliconeChart.containerName("realtime"), [("env", .list([
                fromSecret("SECRET_KEY_BASE", secret: secrets.realtime.name, key: "SECRET_KEY_BASE"),
                fromSecret("DB_ENC_KEY", secret: secrets.realtime.name, key: "DB_ENC_KEY"),
            ]))]),
            reason: "Realtime's SECRET_KEY_BASE and DB_ENC_KEY from the Secret \(secrets.realtime.name), not from the chart's ConfigMap")
    }

    /// A Deployment whose pod holds a ReadWriteOnce volume: the old pod must stop before the new
    /// one starts, or the rollout waits forever for the volume (and two databases on one volume
    /// is worse).
    private static func recreate(_ plan: HeliconePlan, _ component: String, why: String) -> PostRender.Patch {
        PostRender.Patch(
            kind: "Deployment", name: deployment(plan, component), body: .map([("spec", .map([("strategy", .map([("type", .string("Recreate"))]))]))]),
            reason: "replaced, not rolled: \(why)")
    }

    /// ClickHouse's data on a volume: the chart's template mounts `db.volumes` instead of
    /// `clickhouse.volumes`, so without this every restart loses every request logged.
    private static func clickhousePersistence(_ plan: HeliconePlan) -> PostRender.Patch {
        let claim = clickhouseClaim(release: plan.release)
        var body = containerPatch(HeliconeChart.containerName("clickhouse"), [
            ("volumeMounts", .list([.map([("name", .string("data")), ("mountPath", .string("/var/lib/clickhouse"))])])),
        ])
        body.set(["spec", "template", "spec", "volumes"], .list([.map([
            ("name", .string("data")), ("persistentVolumeClaim", .map([("claimName", .string(claim))])),
        ])]))
        body.set(["spec", "strategy"], .map([("type", .string("Recreate"))]))
        return PostRender.Patch(
            kind: "Deployment", name: deployment(plan, "clickhouse"), body: body,
            reason: "ClickHouse's data on the volume \(claim): the chart mounts none (its template reads db.volumes), and it is "
                + "replaced, not rolled, as its volume can be attached to one node at a time")
    }

    private static func clickhouseVolume(_ plan: HeliconePlan, storage: StorageQuantity) -> PostRender.Resource {
        var spec: [(String, YAMLTree)] = [
            ("accessModes", .list([.string("ReadWriteOnce")])),
            ("resources", .map([("requests", .map([("storage", .string(storage.text))]))])),
        ]
        if let storageClass = plan.storageClass { spec.append(("storageClassName", .string(storageClass))) }
        return PostRender.Resource(
            apiVersion: "v1", kind: "PersistentVolumeClaim", name: clickhouseClaim(release: plan.release),
            body: .map([
                // Kept by `helm uninstall`, like a database's data should be.
                ("metadata", .map([("annotations", .map([("helm.sh/resource-policy", .string("keep"))]))])),
                ("spec", .map(spec)),
            ]),
            reason: "the volume ClickHouse keeps its data on (clickhouse.storage)")
    }

    /// The sender of GoTrue's mail is the From address: the chart reads GOTRUE_SMTP_ADMIN_EMAIL
    /// from the SMTP user name, which is often a key (SES) rather than an address.
    private static func senderAddress(_ plan: HeliconePlan, from: String) -> PostRender.Patch {
        PostRender.Patch(
            kind: "Deployment", name: deployment(plan, "auth"),
            body: containerPatch(HeliconeChart.containerName("auth"), [("env", .list([.map([
                ("name", .string("GOTRUE_SMTP_ADMIN_EMAIL")), ("value", .string(from)), ("valueFrom", .null),
            ])]))]),
            reason: "GoTrue sends mail from email.from; the chart would use the SMTP user name as the sender")
    }

    /// The chart reads its Secrets by fixed names; each the operator keeps under a name of their
    /// own is read from there instead, by every workload that reads it.
    private static func renamedSecrets(_ plan: HeliconePlan, _ secrets: HeliconeSecrets) -> [PostRender.Patch] {
        let renames = Dictionary(secrets.renamed.map { ($0.chartName, $0.name) }, uniquingKeysWith: { first, _ in first })
        guard !renames.isEmpty else { return [] }
        // With mail on, the sender is email.from, no longer read from a Secret.
        let renamed = HeliconeSecretReads.all.filter { read in
            renames[read.secret] != nil && !(plan.email != nil && read.component == "auth" && read.variable == "GOTRUE_SMTP_ADMIN_EMAIL")
        }
        var patches: [PostRender.Patch] = []
        var components: [String] = []
        for read in renamed where !components.contains(read.component) { components.append(read.component) }
        for component in components where runs(component, plan) {
            let reads = renamed.filter { $0.component == component }
            var containers: [String] = []
            for read in reads where !containers.contains(read.container) { containers.append(read.container) }
            var body = YAMLTree.emptyMap
            for (isInit, list) in [(true, "initContainers"), (false, "containers")] {
                let entries: [YAMLTree] = containers.filter { container in reads.contains { $0.container == container && HeliconeSecretReads.isInit($0) == isInit } }
                    .map { container in
                        .map([("name", .string(container)), ("env", .list(reads.filter { $0.container == container }.map { read in
                            .map([("name", .string(read.variable)), ("valueFrom", .map([("secretKeyRef", .map([("name", .string(renames[read.secret] ?? read.secret))]))]))])
                        }))])
                    }
                if !entries.isEmpty { body.set(["spec", "template", "spec", list], .list(entries)) }
            }
            let names = Set(reads.map(\.secret)).sorted().map { "\($0) as \(renames[$0] ?? $0)" }.joined(separator: ", ")
            patches.append(PostRender.Patch(
                kind: "Deployment", name: deployment(plan, component), body: body,
                reason: "reads the operator's own Secrets: \(names)"))
        }
        return patches
    }

    /// The BackendConfig that points the API load balancer's health check at Kong's status API.
    static func kongBackendConfigName(_ plan: HeliconePlan) -> String { "\(plan.release)-kong" }

    /// Google's load balancer takes a backend as healthy only when GET / answers 200, and Kong
    /// answers 404 there (no route): the API would never be served. Its status API is opened on a
    /// port of its own and the health check pointed at it.
    private static func kongHealthCheck(_ plan: HeliconePlan) -> [PostRender.Patch] {
        let config = "{\"default\": \"\(kongBackendConfigName(plan))\"}"
        return [
            PostRender.Patch(
                kind: "Deployment", name: deployment(plan, "kong"),
                body: containerPatch(HeliconeChart.containerName("kong"), [("ports", .list([.map([
                    ("name", .string("status")), ("containerPort", .int(HeliconeChart.kongStatusPort)), ("protocol", .string("TCP")),
                ])]))]),
                reason: "Kong's status API on port \(HeliconeChart.kongStatusPort), where the Google load balancer checks its health"),
            PostRender.Patch(
                kind: "Service", name: deployment(plan, "kong"),
                body: .map([("metadata", .map([("annotations", .map([("cloud.google.com/backend-config", .string(config))]))]))]),
                reason: "the API's load balancer checks Kong's health through the BackendConfig \(kongBackendConfigName(plan))"),
        ]
    }

    private static func kongBackendConfig(_ plan: HeliconePlan) -> PostRender.Resource {
        PostRender.Resource(
            apiVersion: "cloud.google.com/v1", kind: "BackendConfig", name: kongBackendConfigName(plan),
            body: .map([("spec", .map([("healthCheck", .map([
                ("type", .string("HTTP")), ("requestPath", .string("/status")), ("port", .int(HeliconeChart.kongStatusPort)),
            ]))]))]),
            reason: "GKE's health check of the API: Kong's status API (200) instead of / (404)")
    }

    /// Whether the chart renders the component's Deployment with these answers.
    static func runs(_ component: String, _ plan: HeliconePlan) -> Bool {
        switch component {
        case "studio": return plan.studio
        case "clickhouse": if case .managed = plan.clickhouse { return false } else { return true }
        default: return true
        }
    }
}
