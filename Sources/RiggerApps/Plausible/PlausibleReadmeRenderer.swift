import RiggerCore

/// Plausible's parts of the bundle's README.md: what runs where, its own environment, backups
/// and rotation; the core's `BundleReadme` writes the rest.
enum PlausibleReadmeRenderer {
    static func parts(plan: PlausiblePlan, manifests: PlausibleSecrets) -> ReadmeParts {
        var parts = ReadmeParts(
            title: "Plausible",
            chart: "IMIO plausible-analytics Helm chart \(plan.cluster.chartVersion) (image `\(PlausibleReadmeSections.appImage(plan))`)",
            cluster: plan.cluster, ingress: plan.ingress, secrets: manifests.references, images: PlausibleImages.list(plan),
            advisories: PlausibleApp().advisoryTable, valuesNote: "No secret is in it; the chart reads Plausible's environment from a Secret.",
            regenerating: .init(upgradeKey: "image.tag", resumeFrom: "20", notes: [
                "Plausible migrates its databases when it starts, so back them up first (see Backups). To roll back the chart: "
                    + "`helm rollback \(plan.release) --namespace \(plan.namespace)` (a migrated database stays migrated).",
            ]))
        parts.introNote = "Plausible will be reached at \(plan.baseURL)."
        parts.sizing = PlausibleSizing.table(plan)
        if plan.cloud == .gcp, case .managed(let server, _) = plan.postgresql {
            parts.lead = GoogleCloudServicesReadme.section(
                namespace: plan.namespace, postgresql: server, memorystore: nil, inCluster: [GoogleCloudServicesReadme.clickHouseInCluster])
        }
        parts.overview = PlausibleReadmeSections.whatRunsWhere(plan)
        parts.secretPurposes = [
            PlausibleSecrets.environmentFile: "Plausible's environment (the connection URLs are made from the answers and the passwords on every run)",
            PlausibleSecrets.postgresqlFile: isManaged(plan.postgresql)
                ? "the managed PostgreSQL's credentials, kept for regenerating (nothing in the cluster reads them)"
                : "the PostgreSQL owner's credentials, which CloudNativePG creates the database with",
            PlausibleSecrets.clickhouseFile: isManaged(plan.clickhouse)
                ? "the managed ClickHouse's password, kept for regenerating (nothing in the cluster reads it)"
                : "the ClickHouse password, which the ClickHouse StatefulSet reads",
        ]
        parts.manifestPurposes = [
            PlausibleManifests.postgresqlPath: "the CloudNativePG `Cluster` (PostgreSQL)",
            PlausibleManifests.clickhousePath: "ClickHouse: its settings (ConfigMap), Service and StatefulSet",
            PlausibleManifests.gkeIngressPath: "the Google-managed certificate and the redirect to HTTPS (FrontendConfig)",
            PlausibleManifests.cloudNativePGValuesPath: "the values of the CloudNativePG operator chart",
        ]
        parts.scriptPurposes["30-prerequisites.sh"] = PlausibleReadmeSections.prerequisitesSummary(plan)
        parts.details = PlausibleReadmeSections.ownEnvironment(plan, manifests: manifests)
        parts.steps = [reachingPlausible(plan), ["Open the site and \(registering(plan))."]]
        parts.operations = PlausibleReadmeSections.backups(plan) + PlausibleReadmeSections.rotation(plan)
        return parts
    }

    /// The Secret of Plausible's own the operator creates first: the managed PostgreSQL's CA,
    /// which 00-preflight.sh checks.
    static func ownSecretsToCreate(_ plan: PlausiblePlan) -> [OperatorSecret] {
        guard case .managed(_, .verifyCA(let secretName)) = plan.postgresql else { return [] }
        return [OperatorSecret.caCertificate(
            name: secretName, namespace: plan.namespace, service: "the managed PostgreSQL", source: CASecretCheck.postgreSQLSource(cloud: plan.cloud))]
    }

    private static func reachingPlausible(_ plan: PlausiblePlan) -> [String] {
        guard let hostname = plan.ingress.servedHostname else {
            return ["There is no ingress: `50-verify.sh` prints the port-forward that opens Plausible at \(plan.baseURL)."]
        }
        if LocalhostAccess.isLocalhost(hostname) { return [LocalhostAccess.readmeStep(url: plan.baseURL)] }
        var lines = ["Point DNS for `\(hostname)` at the ingress address that `50-verify.sh` prints, then open \(plan.baseURL)."]
        if plan.cloud == .other, plan.ingress.type == .traefik {
            lines.append("   Traefik's address comes from the cluster's load balancer: k3s has one, minikube with `minikube tunnel`, kind only with one added.")
        } else if plan.cloud == .other, plan.ingress.type == .nginx {
            lines.append("   ingress-nginx's address comes from the cluster's load balancer: k3s has one, minikube with `minikube tunnel`, kind only with one added.")
        }
        return lines
    }

    private static func registering(_ plan: PlausiblePlan) -> String {
        switch plan.registration {
        case .inviteOnly: "register the first account (then only people you invite can join)"
        case .closed: "sign in; registration is closed (`plausible.registration=closed`), so create the first account with `invite-only` and close it after"
        case .open: "register: anyone who reaches the site can (`plausible.registration=open`)"
        }
    }

    static func isManaged(_ postgresql: PlausiblePlan.PostgreSQL) -> Bool {
        if case .managed = postgresql { return true }
        return false
    }

    static func isManaged(_ clickhouse: PlausiblePlan.ClickHouse) -> Bool {
        if case .managed = clickhouse { return true }
        return false
    }
}
