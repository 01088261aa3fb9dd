import RiggerCore

/// The Kubernetes objects a Plausible bundle creates besides the chart's, and the settings of the
/// charts 30-prerequisites.sh installs, each file under manifests/: pure functions of the plan.
enum PlausibleManifests {
    static let postgresqlPath = "manifests/postgresql.yaml"
    static let clickhousePath = "manifests/clickhouse.yaml"
    static let gkeIngressPath = "manifests/gke-ingress.yaml"
    static let cloudNativePGValuesPath = "manifests/cloudnative-pg.values.yaml"

    /// The plan's own manifest files; the ingress add-ons' are the core's.
    static func manifests(plan: PlausiblePlan, secrets: PlausibleSecrets) -> [BundleParts.Manifest] {
        var files: [BundleParts.Manifest] = []
        if case .inCluster(let storage) = plan.postgresql, let credentials = secrets.postgresql {
            files.append(.init(path: postgresqlPath, documents: [postgresqlCluster(plan, storage: storage, credentials: credentials.name)]))
            files.append(.init(path: cloudNativePGValuesPath, documents: [cloudNativePGValues()]))
        }
        if case .inCluster(let storage) = plan.clickhouse, let credentials = secrets.clickhouse {
            files.append(.init(path: clickhousePath, documents: PlausibleClickHouse.objects(plan, storage: storage, passwordSecret: credentials.name)))
        }
        if plan.ingress.type == .gcpCLB {
            let objects = [managedCertificate(plan), frontendConfig(plan)].compactMap { $0 }
            if !objects.isEmpty { files.append(.init(path: gkeIngressPath, documents: objects)) }
        }
        return files
    }

    /// The metadata every object rigger writes carries; `namespace` is nil for cluster-wide objects.
    static func metadata(_ name: String, namespace: String?, plan: PlausiblePlan, component: String) -> YAMLTree {
        var entries: [(String, YAMLTree)] = [("name", .string(name))]
        if let namespace { entries.append(("namespace", .string(namespace))) }
        entries.append(("labels", labels(plan, component: component)))
        return .map(entries)
    }

    static func labels(_ plan: PlausiblePlan, component: String) -> YAMLTree {
        .map([
            ("app.kubernetes.io/name", .string(component)),
            ("app.kubernetes.io/instance", .string(plan.release)),
            ("app.kubernetes.io/part-of", .string("plausible")),
            ("app.kubernetes.io/managed-by", .string("rigger")),
        ])
    }

    /// A CloudNativePG Cluster of one instance, or three with `ha`: the database and its owner are created at bootstrap
    /// with the password of the basic-auth Secret rigger writes (its user must be the owner).
    static func postgresqlCluster(_ plan: PlausiblePlan, storage: StorageQuantity, credentials: String) -> YAMLTree {
        var storageSpec: [(String, YAMLTree)] = [("size", .string(storage.text))]
        if let storageClass = plan.cluster.storageClass { storageSpec.append(("storageClass", .string(storageClass))) }
        return .map([
            ("apiVersion", .string("postgresql.cnpg.io/v1")),
            ("kind", .string("Cluster")),
            ("metadata", metadata(PlausibleNames.postgresqlCluster(plan.release), namespace: plan.namespace, plan: plan, component: "postgresql")),
            ("spec", .map([
                ("instances", .int(PlausibleSizing.postgresqlInstances(plan.sizing))),
                ("resources", PlausibleSizing.resources("postgresql", plan.sizing).tree),
                // Pinned, so that an operator upgrade never moves PostgreSQL to another major version.
                ("imageName", .string(PlausibleComponents.postgresqlImage)),
                ("storage", .map(storageSpec)),
                ("bootstrap", .map([("initdb", .map([
                    ("database", .string(PlausibleNames.postgresqlDatabase)),
                    ("owner", .string(PlausibleNames.postgresqlUser)),
                    ("secret", .map([("name", .string(credentials))])),
                ]))])),
            ])),
        ])
    }

    /// The Google-managed certificate for the hostname (issued once DNS points at the load balancer).
    static func managedCertificate(_ plan: PlausiblePlan) -> YAMLTree? {
        guard plan.ingress.tls == .gcpManaged, let hostname = plan.ingress.servedHostname else { return nil }
        return .map([
            ("apiVersion", .string("networking.gke.io/v1")),
            ("kind", .string("ManagedCertificate")),
            ("metadata", metadata(PlausibleNames.managedCertificate(plan.release), namespace: plan.namespace, plan: plan, component: "ingress")),
            ("spec", .map([("domains", .list([.string(hostname)]))])),
        ])
    }

    /// With HTTPS on the Google load balancer, plain HTTP is redirected to it: Plausible's
    /// cookies are secure when BASE_URL is https, so a login over http would never stick.
    static func frontendConfig(_ plan: PlausiblePlan) -> YAMLTree? {
        guard plan.ingress.tls != .none else { return nil }
        return .map([
            ("apiVersion", .string("networking.gke.io/v1beta1")),
            ("kind", .string("FrontendConfig")),
            ("metadata", metadata(PlausibleNames.frontendConfig(plan.release), namespace: plan.namespace, plan: plan, component: "ingress")),
            ("spec", .map([("redirectToHttps", .map([("enabled", .bool(true))]))])),
        ])
    }

    /// The operator's image named explicitly (the chart's default is the same, through its appVersion).
    static func cloudNativePGValues() -> YAMLTree {
        var values = YAMLTree.emptyMap
        values.set("image.repository", .string(PlausibleComponents.cloudNativePGOperatorRepository))
        values.set("image.tag", .string(PlausibleComponents.cloudNativePGOperatorTag))
        values.set("crds.create", .bool(true))
        return values
    }
}
