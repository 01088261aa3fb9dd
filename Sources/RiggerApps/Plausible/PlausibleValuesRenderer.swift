import RiggerCore

/// Writes values.yaml for the IMIO plausible-analytics chart 0.4.1 from a plan: a pure function.
///
/// The chart runs only the app: its Bitnami subcharts render images Bitnami no longer publishes,
/// so the databases are rigger's manifests (or managed services), and every secret is read from
/// the environment Secret. Every key written exists in the chart's values.yaml.
enum PlausibleValuesRenderer {
    /// Where DATABASE_CACERTFILE points: the CA Secret's `ca.crt`, mounted read-only.
    static let databaseCAFolder = "/etc/ssl/certs/plausible-database"
    static let databaseCAFile = CASecretCheck.caKey

    /// The values as a tree, in a stable order.
    static func values(plan: PlausiblePlan, secrets: PlausibleSecrets) -> YAMLTree {
        var values = YAMLTree.emptyMap
        values.set("fullnameOverride", .string(PlausibleNames.app(plan.release)))
        // Sessions live in memory and every replica migrates the database as it starts: one.
        values.set("replicaCount", .int(1))
        values.set("resources", PlausibleSizing.resources("plausible", plan.sizing).tree)
        values.set("image.repository", .string("ghcr.io/plausible/community-edition"))
        values.set("image.tag", .string(plan.cluster.imageTag))
        values.set("baseURL", .string(plan.baseURL))
        // The chart emits DISABLE_REGISTRATION only for a true value, so false goes as the string Plausible reads.
        values.set("disableRegistration", .string(plan.registration.disableRegistration))
        // With its own Secret the chart would make a new SECRET_KEY_BASE on every render (logging
        // everyone out on every upgrade) and publish its default TOTP key; it reads ours instead.
        values.set("secret.create", .bool(false))
        values.set("secret.existingSecret", .string(secrets.environment.name))
        values.set("postgresql.enabled", .bool(false))
        values.set("clickhouse.enabled", .bool(false))
        // The init containers wait with a retired Bitnami image and scripts that split the URLs
        // on '@' and ':', which breaks on a percent-encoded password and on HTTPS; Plausible
        // retries its connections itself, and 30-prerequisites.sh waits for the databases.
        values.set("plausibleInitContainers.enabled", .bool(false))
        values.set("service.port", .int(PlausibleNames.httpPort))
        // The Google load balancer reaches the pods through node ports unless the cluster gives
        // the Service network endpoint groups (VPC-native clusters do); NodePort works either way.
        if plan.ingress.type == .gcpCLB { values.set("service.type", .string("NodePort")) }
        addProbes(to: &values)
        addDatabaseCA(plan, to: &values)
        addEmail(plan, to: &values)
        addIngress(plan, to: &values)
        return values
    }

    /// Probes on Plausible's own health endpoints: `/` answers with a redirect, which a Google
    /// load balancer (whose health check follows the readiness probe) takes for a failure. The
    /// liveness probe leaves time for the migrations a first start or an upgrade runs.
    private static func addProbes(to values: inout YAMLTree) {
        let probe = { (path: String, delay: Int, failures: Int) -> YAMLTree in
            .map([
                ("httpGet", .map([("path", .string(path)), ("port", .string("http"))])),
                ("initialDelaySeconds", .int(delay)),
                ("periodSeconds", .int(10)),
                ("failureThreshold", .int(failures)),
            ])
        }
        values.set("livenessProbe", probe("/api/system/health/live", 60, 6))
        values.set("readinessProbe", probe("/api/system/health/ready", 10, 3))
    }

    /// TLS to a managed PostgreSQL: the CA Secret mounted and named by DATABASE_CACERTFILE, which
    /// makes Plausible connect over TLS and check the server's certificate against it. (The
    /// chart's own `databaseCA` would read the CA from the environment Secret, which the
    /// operator's CA bundle has no business in.)
    private static func addDatabaseCA(_ plan: PlausiblePlan, to values: inout YAMLTree) {
        guard case .managed(_, .verifyCA(let secretName)) = plan.postgresql else { return }
        values.set("extraVolumes", .list([.map([
            ("name", .string("database-ca")),
            ("secret", .map([
                ("secretName", .string(secretName)),
                ("items", .list([.map([("key", .string(databaseCAFile)), ("path", .string(databaseCAFile))])])),
            ])),
        ])]))
        values.set("extraVolumeMounts", .list([.map([
            ("name", .string("database-ca")), ("mountPath", .string(databaseCAFolder)), ("readOnly", .bool(true)),
        ])]))
        values.set("extraEnv", .list([.map([
            ("name", .string("DATABASE_CACERTFILE")), ("value", .string("\(databaseCAFolder)/\(databaseCAFile)")),
        ])]))
    }

    /// Mail through SMTP (Plausible's Bamboo.Mua adapter; the chart writes the SMTP settings
    /// only for that adapter named literally).
    private static func addEmail(_ plan: PlausiblePlan, to values: inout YAMLTree) {
        guard let email = plan.email else {
            values.set("mailer.enabled", .bool(false))
            return
        }
        values.set("mailer.enabled", .bool(true))
        values.set("mailer.adapter", .string("Bamboo.Mua"))
        values.set("mailer.email", .string(email.from))
        values.set("mailer.smtp.host", .string(email.host))
        values.set("mailer.smtp.port", .string(String(email.port)))
        // Plausible refuses a user without a password and the reverse: both, or neither.
        values.set("mailer.smtp.auth", .bool(email.user != nil))
        if let user = email.user { values.set("mailer.smtp.username", .string(user)) }
        // SMTP_HOST_SSL_ENABLED means TLS from the first byte (port 465); on other ports
        // Plausible speaks plain SMTP and upgrades with STARTTLS where the server offers it.
        values.set("mailer.smtp.ssl", .bool(email.tls && email.port == 465))
    }

    private static func addIngress(_ plan: PlausiblePlan, to values: inout YAMLTree) {
        let ingress = plan.ingress
        // With a Gateway, the bundle's HTTPRoutes serve the host (see PlausibleGateway): no Ingress.
        guard let hostname = ingress.servedHostname, ingress.type != .gateway else {
            values.set("ingress.enabled", .bool(false))
            return
        }
        values.set("ingress.enabled", .bool(true))
        var annotations: [(String, YAMLTree)] = []
        switch ingress.type {
        case .gcpCLB:
            // GKE's ingress controller reads its class from the annotation, not ingressClassName.
            annotations.append(("kubernetes.io/ingress.class", .string("gce")))
            if let ipName = ingress.staticIPName { annotations.append(("kubernetes.io/ingress.global-static-ip-name", .string(ipName))) }
            if ingress.tls == .gcpManaged {
                annotations.append(("networking.gke.io/managed-certificates", .string(PlausibleNames.managedCertificate(plan.release))))
            }
            if ingress.tls != .none {
                annotations.append(("networking.gke.io/v1beta1.FrontendConfig", .string(PlausibleNames.frontendConfig(plan.release))))
            }
        case .traefik:
            values.set("ingress.className", .string(TraefikAddOns.ingressClass))
        case .nginx:
            values.set("ingress.className", .string("nginx"))
        case .existing:
            values.set("ingress.className", .string(ingress.className ?? "nginx"))
        case .gateway, .none:
            break
        }
        if ingress.tls == .letsencrypt {
            annotations.append(("cert-manager.io/cluster-issuer", .string(PlausibleNames.clusterIssuer(plan.release))))
        }
        if !annotations.isEmpty { values.set(["ingress", "annotations"], .map(annotations)) }
        values.set("ingress.hosts", .list([.string(hostname)]))
        let tlsSecret: String?
        switch ingress.tls {
        case .letsencrypt: tlsSecret = PlausibleNames.letsencryptTLSSecret(plan.release)
        case .secret: tlsSecret = ingress.tlsSecretName
        case .gcpManaged, .gateway, .none: tlsSecret = nil
        }
        if let tlsSecret {
            values.set("ingress.tls", .list([.map([("secretName", .string(tlsSecret)), ("hosts", .list([.string(hostname)]))])]))
        }
    }
}
