import RiggerCore

/// The README's sections about what a Plausible bundle runs: where each part runs, its images,
/// backups and rotation. Each returns its lines, ending with a blank one.
enum PlausibleReadmeSections {
    static func appImage(_ plan: PlausiblePlan) -> String { "ghcr.io/plausible/community-edition:\(plan.cluster.imageTag)" }

    static func whatRunsWhere(_ plan: PlausiblePlan) -> [String] {
        var lines = [
            "## What runs where",
            "",
            "- Plausible: the chart, one replica (sessions live in memory, and each replica migrates the databases as it starts). "
                + "Its Bitnami PostgreSQL and ClickHouse subcharts are off (their images are no longer published), and so are its "
                + "init containers (a retired image, and wait scripts that split the URLs on `@` and `:`, which breaks on a "
                + "percent-encoded password and on HTTPS). Plausible retries its database connections itself, and "
                + "`30-prerequisites.sh` waits for in-cluster databases to be ready before the chart is installed.",
        ]
        let storageClass = plan.cluster.storageClass.map { "storage class `\($0)`" } ?? "the default storage class"
        switch plan.postgresql {
        case .inCluster(let storage):
            lines.append(
                "- PostgreSQL: a one-instance CloudNativePG `Cluster` `\(PlausibleNames.postgresqlCluster(plan.release))` "
                    + "(`\(PlausibleComponents.postgresqlImage)`), database `\(PlausibleNames.postgresqlDatabase)` owned by "
                    + "`\(PlausibleNames.postgresqlUser)`, on a \(storage.text) volume in \(storageClass). `30-prerequisites.sh` installs "
                    + "the operator (chart cloudnative-pg \(PlausibleComponents.cloudNativePG.version), operator "
                    + "\(PlausibleComponents.cloudNativePGOperatorTag), namespace `\(PlausibleComponents.cloudNativePG.namespace)`) "
                    + "unless the cluster already runs CloudNativePG.")
        case .managed(let server, let tls):
            let how: String
            switch tls {
            case .disabled:
                how = server.cloudSQLProxy.map { "through the Cloud SQL Auth Proxy to `\($0.instance)` (the proxy brings TLS and IAM)" } ?? "without TLS"
            case .verifyCA(let secretName):
                how = "over TLS, its certificate checked against the CA in your Secret `\(secretName)` (key `ca.crt`, mounted and named by DATABASE_CACERTFILE)"
            }
            lines.append("- PostgreSQL: managed, `\(server.host):\(server.port)`, database `\(server.database)`, user `\(server.username)`, \(how).")
        }
        switch plan.clickhouse {
        case .inCluster(let storage):
            lines.append(
                "- ClickHouse: a one-replica StatefulSet `\(PlausibleNames.clickhouse(plan.release))` of `\(PlausibleComponents.clickhouseImage)` "
                    + "(the ClickHouse line Plausible v3 is tested with), user `\(PlausibleNames.clickhouseUser)`, database "
                    + "`\(PlausibleNames.clickhouseDatabase)`, on a \(storage.text) volume in \(storageClass), with the logging and "
                    + "low-resource settings Plausible recommends for its own ClickHouse. It needs about 1 GiB of memory (limit 2 GiB).")
        case .managed(let host, let port, let database, let user):
            lines.append("- ClickHouse: managed, `https://\(host):\(port)`, database `\(database)`, user `\(user)`.")
        }
        lines.append("- Ingress: " + ingressSummary(plan))
        if let email = plan.email {
            let tls = email.tls && email.port == 465
                ? "TLS from the first byte (port 465)"
                : "STARTTLS where the server offers it" + (email.port == 465 ? "; port 465 still means TLS from the first byte to Plausible" : "")
            lines.append("- Mail: SMTP through `\(email.host):\(email.port)`, \(tls), " + (email.user.map { "as `\($0)`" } ?? "without login")
                + ", from `\(email.from)`.")
        } else {
            lines.append("- Mail: off. Plausible can't send invitations or password resets; turn it on with `email.enabled=true`.")
        }
        lines += ["- Who may register: `\(plan.registration.rawValue)` (DISABLE_REGISTRATION=\(plan.registration.disableRegistration)).", ""]
        return lines
    }

    static func ingressSummary(_ plan: PlausiblePlan) -> String {
        let ingress = plan.ingress
        guard let hostname = ingress.servedHostname else {
            return "none. `50-verify.sh` prints the port-forward to the Service `\(PlausibleNames.app(plan.release))` on port \(PlausibleNames.httpPort)."
        }
        var text: String
        switch ingress.type {
        case .gcpCLB:
            text = "a Google Cloud load balancer for `\(hostname)` on the global static IP `\(ingress.staticIPName ?? "")`"
        case .nginx:
            text = "ingress-nginx for `\(hostname)`; `30-prerequisites.sh` installs it (chart \(ClusterAddOn.ingressNginx.version)) "
                + "unless the cluster has the IngressClass `nginx`"
                + (plan.cloud == .aws ? ", with the PROXY protocol on both ends of the AWS load balancer, which keeps visitors' addresses" : ", its Service keeping visitors' addresses (externalTrafficPolicy Local)")
        case .traefik:
            text = "Traefik for `\(hostname)`; `30-prerequisites.sh` installs it (chart \(ClusterAddOn.traefik.version), Traefik \(TraefikAddOns.imageTag)) "
                + "unless the cluster has the IngressClass `\(TraefikAddOns.ingressClass)`"
                + (plan.cloud == .aws ? ", behind an AWS Network Load Balancer with the PROXY protocol on both ends, which keeps visitors' addresses" : ", its Service keeping visitors' addresses (externalTrafficPolicy Local)")
                + (ingress.tls == .none ? "" : ", plain HTTP redirected to HTTPS")
        case .existing:
            text = "the cluster's controller of class `\(ingress.className ?? "")` for `\(hostname)`"
        case .gateway:
            text = "an HTTPRoute (`\(GatewayRoutes.path)`, applied by `40-install.sh` after the chart) for `\(hostname)` on the Gateway "
                + "`\(ingress.gateway.map { "\($0.namespace)/\($0.name)" } ?? "")`; the chart renders no Ingress"
        case .none:
            text = ""
        }
        switch ingress.tls {
        case .gcpManaged: text += "; a Google-managed certificate, and plain HTTP redirected to HTTPS"
        case .letsencrypt:
            text += plan.ingress.installCertManager
                ? "; a Let's Encrypt certificate through cert-manager (chart \(ClusterAddOn.certManager.version), installed unless the cluster "
                    + "has cert-manager) and the ClusterIssuer `\(PlausibleNames.clusterIssuer(plan.release))`"
                : "; a Let's Encrypt certificate through the cert-manager already in the cluster (`ingress.installCertManager` is false) "
                    + "and the ClusterIssuer `\(PlausibleNames.clusterIssuer(plan.release))`"
        case .secret: text += "; the certificate in your TLS Secret `\(ingress.tlsSecretName ?? "")`"
        case .gateway: text += "; TLS at the Gateway"
        case .none: text += "; no TLS, so BASE_URL is http and Plausible's cookies aren't marked secure"
        }
        if let gateway = ingress.gateway {
            text += ". " + GatewayRoutes.ownerRequirements(gateway, namespace: plan.namespace, hosts: [hostname], tls: ingress.tls)
        }
        return text + "."
    }

    static func prerequisitesSummary(_ plan: PlausiblePlan) -> String {
        var parts: [String] = []
        if plan.ingress.type == .gcpCLB { parts.append("the global static IP") }
        if plan.ingress.type == .traefik { parts.append("Traefik") }
        if plan.ingress.type == .nginx { parts.append("ingress-nginx") }
        if plan.ingress.tls == .letsencrypt { parts.append("cert-manager and the ClusterIssuer") }
        if plan.ingress.tls == .secret { parts.append("checks the TLS Secret") }
        if plan.ingress.type == .existing { parts.append("checks the IngressClass") }
        if case .inCluster = plan.postgresql { parts.append("CloudNativePG and PostgreSQL") }
        if case .inCluster = plan.clickhouse { parts.append("ClickHouse") }
        if plan.ingress.type == .gcpCLB, plan.ingress.tls != .none { parts.append("the certificate and HTTPS redirect") }
        if PlausibleReadmeRenderer.isManaged(plan.postgresql) || PlausibleReadmeRenderer.isManaged(plan.clickhouse) {
            parts.append("lists what the managed services must offer")
        }
        return parts.isEmpty ? "nothing for these choices" : parts.joined(separator: ", ")
    }

    /// With the operator's environment Secret: what it must hold.
    static func ownEnvironment(_ plan: PlausiblePlan, manifests: PlausibleSecrets) -> [String] {
        guard let name = plan.existingEnvironmentSecret else { return [] }
        var lines = [
            "## Your environment Secret",
            "",
            "Plausible reads its whole environment from your Secret `\(name)` in namespace `\(plan.namespace)`, which must hold:",
            "",
            "- `SECRET_KEY_BASE`: at least 64 bytes, e.g. `openssl rand -base64 64 | tr -d '\\n'`",
            "- `TOTP_VAULT_KEY`: Base64 of exactly 32 bytes, e.g. `openssl rand -base64 32`",
            "- `DATABASE_URL`: `\(PlausibleConnectionURL.postgresql(plan).shape)`",
            "- `CLICKHOUSE_DATABASE_URL`: `\(PlausibleConnectionURL.clickhouse(plan).shape)`",
        ]
        if plan.email?.user != nil { lines.append("- `SMTP_USER_PWD`: the SMTP password") }
        lines += [
            "",
            "PASSWORD is the database's password percent-encoded: every character but letters, digits and `- . _ ~` "
                + "written as `%XX` (so `p@ss` is `p%40ss`).",
        ]
        var theirs: [String] = []
        if case .inCluster = plan.postgresql, let postgresql = manifests.postgresql?.manifest { theirs.append("`\(postgresql.path)`") }
        if case .inCluster = plan.clickhouse, let clickhouse = manifests.clickhouse?.manifest { theirs.append("`\(clickhouse.path)`") }
        if !theirs.isEmpty {
            lines.append("The in-cluster databases take their passwords from \(theirs.joined(separator: " and ")): use those in the URLs.")
        }
        lines.append("")
        return lines
    }

    static func backups(_ plan: PlausiblePlan) -> [String] {
        var lines = ["## Backups", ""]
        switch plan.postgresql {
        case .inCluster:
            let cluster = PlausibleNames.postgresqlCluster(plan.release)
            lines += [
                "- PostgreSQL (accounts, sites, goals): CloudNativePG backs a Cluster up to object storage (its Barman Cloud "
                    + "plugin) or by volume snapshots, with scheduled backups; rigger sets neither up, see CloudNativePG's backup "
                    + "documentation for `\(cluster)`. A dump at any time:",
                "",
                "  ```",
                "  kubectl exec --namespace \(plan.namespace) \(cluster)-1 -c postgres -- pg_dump -Fc -d \(PlausibleNames.postgresqlDatabase) > plausible_db.dump",
                "  ```",
            ]
        case .managed:
            lines.append("- PostgreSQL (accounts, sites, goals): the managed service's backups; check they are on.")
        }
        switch plan.clickhouse {
        case .inCluster:
            lines.append(
                "- ClickHouse (every recorded visit): snapshots of the volume `\(PlausibleNames.clickhouseVolumeClaim(plan.release))` "
                    + "(your cloud's volume snapshots, or Velero), taken regularly and tested by restoring them.")
        case .managed:
            lines.append("- ClickHouse (every recorded visit): the managed service's backups.")
        }
        lines += ["", "Back up both before changing `image.tag` or `chart.version`: Plausible migrates them as it starts.", ""]
        return lines
    }

    static func rotation(_ plan: PlausiblePlan) -> [String] {
        [
            "## Rotating a secret",
            "",
            "`rigger generate --out <this folder> --rotate KEY` makes a new value and says what that breaks. A new "
                + "`plausible.secretKeyBase` logs everyone out; a new `plausible.totpVaultKey` breaks every user's two-factor login. "
                + "Apply it with `./install.sh --from 20`, then restart Plausible, which reads its environment only as it starts:",
            "",
            "```",
            "kubectl rollout restart deployment --namespace \(plan.namespace) \(PlausibleNames.app(plan.release))",
            "```",
            "",
        ]
    }
}
