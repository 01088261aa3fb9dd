import RiggerCore

/// What Plausible adds to the shared install scripts: what the chart doesn't run itself (the
/// databases) in 30-prerequisites.sh.
enum PlausibleScriptsRenderer {
    /// What Plausible adds to the install scripts.
    static func scripts(plan: PlausiblePlan) -> BundleParts.Scripts {
        let managedCertificate = plan.ingress.tls == .gcpManaged ? PlausibleNames.managedCertificate(plan.release) : nil
        var scripts = BundleParts.Scripts(
            hasVolumes: plan.hasVolumes,
            verify: .init(webService: PlausibleNames.app(plan.release), webPort: PlausibleNames.httpPort, managedCertificate: managedCertificate))
        scripts.preflightChecks = preflightChecks(plan)
        // The manifests' images are checked with the chart's; CloudNativePG names its image in
        // a field of its own (imageName), which that check doesn't read, and is a published one.
        scripts.imageCheckedManifests = isInCluster(plan.clickhouse) ? PlausibleManifests.clickhousePath : nil
        scripts.prerequisites = prerequisites(plan)
        scripts.managedServices = managedServices(plan)
        return scripts
    }

    /// The chart's own need, or CloudNativePG's when the bundle installs it.
    static func minimumKubernetesMinor(_ plan: PlausiblePlan) -> Int {
        guard case .inCluster = plan.postgresql else { return PlausibleComponents.chartMinimumKubernetesMinor }
        return max(PlausibleComponents.chartMinimumKubernetesMinor, PlausibleComponents.cloudNativePGMinimumKubernetesMinor)
    }

    /// The CA Secret a managed PostgreSQL's certificate is checked against must be there first.
    static func preflightChecks(_ plan: PlausiblePlan) -> [ScriptSection] {
        guard case .managed(_, .verifyCA(let secretName)) = plan.postgresql else { return [] }
        return [CASecretCheck.section(
            namespace: plan.namespace, secret: secretName, variable: "POSTGRESQL_CA", service: "the managed PostgreSQL",
            source: CASecretCheck.postgreSQLSource(cloud: plan.cloud))]
    }

    /// What 30-prerequisites.sh does for Plausible after the ingress add-ons: the databases it
    /// connects to as it starts, then the Google-managed certificate its Ingress names.
    static func prerequisites(_ plan: PlausiblePlan) -> [ScriptSection] {
        var sections: [ScriptSection] = []
        if case .inCluster = plan.postgresql {
            var section = PrerequisiteScripts.chartUnlessPresent(
                PlausibleComponents.cloudNativePG, variable: "CNPG", values: PlausibleManifests.cloudNativePGValuesPath,
                comment: "# PostgreSQL runs under the CloudNativePG operator; one the cluster already runs is used as it is.",
                present: "kube get crd clusters.postgresql.cnpg.io >/dev/null 2>&1", presentMessage: "CloudNativePG is installed; using it")
            section.variables.append(("POSTGRESQL_CLUSTER", PlausibleNames.postgresqlCluster(plan.release)))
            section.lines += [
                "apply_manifest \(PlausibleManifests.postgresqlPath)",
                "echo \"waiting for PostgreSQL ($POSTGRESQL_CLUSTER) to be ready\"",
                "kube wait --namespace \"$NAMESPACE\" --for=condition=Ready \"cluster.postgresql.cnpg.io/$POSTGRESQL_CLUSTER\" --timeout=15m \\",
                "  || fail \"PostgreSQL did not become ready; see: kubectl describe cluster.postgresql.cnpg.io --namespace $NAMESPACE $POSTGRESQL_CLUSTER\"",
            ]
            sections.append(section)
        }
        if case .inCluster(let storage) = plan.clickhouse { sections.append(clickhouse(plan, storage: storage)) }
        if plan.ingress.type == .gcpCLB, plan.ingress.tls != .none {
            sections.append(ScriptSection(variables: [("NAMESPACE", plan.namespace)], lines: [
                "",
                "# The Google-managed certificate and the redirect to HTTPS that the Ingress names.",
                "kube apply --namespace \"$NAMESPACE\" -f \(PlausibleManifests.gkeIngressPath) || fail \"could not apply \(PlausibleManifests.gkeIngressPath)\"",
            ]))
        }
        return sections
    }

    private static func isInCluster(_ clickhouse: PlausiblePlan.ClickHouse) -> Bool {
        if case .inCluster = clickhouse { return true }
        return false
    }

    /// ClickHouse: grows the volume when the size grew (a StatefulSet's volume template can't
    /// change in place, so it is re-created around its running pod), applies, and waits.
    private static func clickhouse(_ plan: PlausiblePlan, storage: StorageQuantity) -> ScriptSection {
        ScriptSection(
            variables: [
                ("NAMESPACE", plan.namespace), ("CLICKHOUSE", PlausibleNames.clickhouse(plan.release)),
                ("CLICKHOUSE_CLAIM", PlausibleNames.clickhouseVolumeClaim(plan.release)), ("CLICKHOUSE_STORAGE", storage.text),
            ],
            lines: [
                "",
                "# ClickHouse: one node of the official image, its data on a volume.",
                "current_size=\"$(kube get statefulset --namespace \"$NAMESPACE\" \"$CLICKHOUSE\" -o jsonpath='{.spec.volumeClaimTemplates[0].spec.resources.requests.storage}' 2>/dev/null || true)\"",
                "if [ -n \"$current_size\" ] && [ \"$current_size\" != \"$CLICKHOUSE_STORAGE\" ]; then",
                "  echo \"growing the ClickHouse volume from $current_size to $CLICKHOUSE_STORAGE\"",
                "  kube patch pvc --namespace \"$NAMESPACE\" \"$CLICKHOUSE_CLAIM\" -p \"{\\\"spec\\\":{\\\"resources\\\":{\\\"requests\\\":{\\\"storage\\\":\\\"$CLICKHOUSE_STORAGE\\\"}}}}\" \\",
                "    || fail \"could not grow the volume $CLICKHOUSE_CLAIM; its storage class must allow volume expansion\"",
                "  kube delete statefulset --namespace \"$NAMESPACE\" \"$CLICKHOUSE\" --cascade=orphan || fail \"could not re-create the StatefulSet $CLICKHOUSE\"",
                "fi",
                "apply_manifest \(PlausibleManifests.clickhousePath)",
                "kube rollout status --namespace \"$NAMESPACE\" \"statefulset/$CLICKHOUSE\" --timeout=10m \\",
                "  || fail \"ClickHouse did not become ready; see: kubectl describe pod --namespace $NAMESPACE $CLICKHOUSE-0\"",
            ])
    }

    /// What each managed service must offer; rigger can't check them from the bastion.
    static func managedServices(_ plan: PlausiblePlan) -> [String] {
        var reminders: [String] = []
        if case .managed(let server, let tls) = plan.postgresql {
            let how = tls == .disabled ? "without TLS" : "over TLS"
            let location = server.cloudSQLProxy.map { "Cloud SQL instance \($0.instance), through the Auth Proxy" }
                ?? "PostgreSQL at \(server.host):\(server.port), reachable from the cluster \(how)"
            reminders.append("\(location): database '\(server.database)' owned by user '\(server.username)'")
        }
        if case .managed(let host, let port, let database, let user) = plan.clickhouse {
            reminders.append(
                "ClickHouse at https://\(host):\(port), reachable from the cluster (its IP access list must admit the cluster's egress addresses): user '\(user)' may create and write database '\(database)'")
        }
        return reminders
    }
}
