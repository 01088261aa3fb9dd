import RiggerCore

/// What Helicone's chart needs in the shared install scripts.
enum HeliconeScriptsRenderer {
    /// The oldest Kubernetes minor version the chart accepts: its Ingresses are networking.k8s.io/v1.
    static let minimumKubernetesMinor = 19

    /// What Helicone adds to the install scripts.
    static func scripts(plan: HeliconePlan, secrets: HeliconeSecrets) -> BundleParts.Scripts {
        var scripts = BundleParts.Scripts(
            hasVolumes: true,
            verify: .init(
                webService: HeliconeChart.fullname(release: plan.release, component: "web"), webPort: HeliconeChart.webPort,
                managedCertificate: plan.ingress.tls == .gcpManaged ? HeliconeIngress.managedCertificateName(plan, .web) : nil,
                extra: [verifySection(plan)]))
        scripts.preflightChecks = [gitSection, HeliconePreflight.publishedValuesSection(plan: plan, secrets: secrets)]
            + [HeliconePreflight.valueChecks(plan: plan, secrets: secrets)].compactMap { $0 }
        scripts.prerequisites = staticIPs(plan)
        scripts.managedServices = managedServices(plan)
        return scripts
    }

    /// The other hosts' DNS records, each from the address of the Ingress that serves it (on GKE
    /// each has its own); without an ingress, the port-forward to Kong that the dashboard calls.
    private static func verifySection(_ plan: HeliconePlan) -> ScriptSection {
        let others = HeliconeIngress.served(plan).filter { $0.route != .web }
        // 50-verify.sh prints the Gateway's address for every route's host.
        if plan.ingress.type == .gateway, !others.isEmpty { return ScriptSection(lines: []) }
        guard !others.isEmpty else {
            return ScriptSection(variables: [("KONG_SERVICE", HeliconeChart.fullname(release: plan.release, component: "kong"))], lines: [
                "echo \"and, for the dashboard's calls from your browser to the Supabase API, in another terminal:\"",
                "echo \"  kubectl port-forward --namespace $NAMESPACE svc/$KONG_SERVICE \(HeliconeChart.kongPort):\(HeliconeChart.kongPort)\"",
            ])
        }
        if others.allSatisfy({ LocalhostAccess.isLocalhost($0.host) }) {
            // The same controller serves them, on the same port, with no DNS either.
            return ScriptSection(lines: [
                "echo \"The same goes for \(others.map(\.host).joined(separator: ", ")): the dashboard calls the API there from your browser.\""
            ])
        }
        var section = ScriptSection(lines: [])
        for (index, served) in others.enumerated() {
            section.variables.append(("OTHER_HOST_\(index + 1)", served.host))
        }
        section.lines += [
            "echo \"and these, one per Ingress:\"",
            "for host in " + others.indices.map { "\"$OTHER_HOST_\($0 + 1)\"" }.joined(separator: " ") + "; do",
            "  other=\"{.items[?(@.spec.rules[0].host==\\\"$host\\\")].status.loadBalancer.ingress[0]\"",
            "  other_address=\"\"",
            "  for _ in $(seq 1 60); do",
            "    other_address=\"$(kube get ingress --namespace \"$NAMESPACE\" -o jsonpath=\"${other}.ip}${other}.hostname}\" 2>/dev/null || true)\"",
            "    [ -n \"$other_address\" ] && break",
            "    sleep 10",
            "  done",
            "  [ -n \"$other_address\" ] || fail \"the Ingress for $host has no address after 10 minutes; see: kubectl describe ingress --namespace $NAMESPACE\"",
            "  case \"$other_address\" in",
            "    *[!0-9.]*) echo \"  $host  CNAME  $other_address\" ;;",
            "    *) echo \"  $host  A  $other_address\" ;;",
            "  esac",
            "done",
        ]
        return section
    }

    /// The chart is fetched from git, so git must be there before anything changes.
    static let gitSection = ScriptSection(lines: [
        "",
        "# The chart is in no Helm repository: 40-install.sh fetches it with git at the pinned commit.",
        "command -v git >/dev/null 2>&1 || fail \"git is not on PATH; 40-install.sh fetches the chart with it\"",
        "git --version",
    ])

    /// On GKE each Ingress is a load balancer of its own, with an address of its own: the shared
    /// prerequisites reserve the web one's, this the others'.
    private static func staticIPs(_ plan: HeliconePlan) -> [ScriptSection] {
        guard plan.ingress.type == .gcpCLB else { return [] }
        var section = ScriptSection(lines: [
            "",
            "# GKE makes one load balancer per Ingress, and each needs a global static IP of its own.",
        ])
        for (index, served) in HeliconeIngress.served(plan).enumerated() where served.route != .web {
            let name = "STATIC_IP_\(index)"
            let host = "HOST_\(index)"
            section.variables += [(name, HeliconeIngress.staticIPName(plan, served.route)), (host, served.host)]
            section.lines += [
                "if ! gcloud --project \"$GCP_PROJECT\" compute addresses describe \"$\(name)\" --global >/dev/null 2>&1; then",
                "  gcloud --project \"$GCP_PROJECT\" compute addresses create \"$\(name)\" --global || fail \"could not reserve the global static IP $\(name)\"",
                "fi",
                "echo \"  $\(host)  A  $(gcloud --project \"$GCP_PROJECT\" compute addresses describe \"$\(name)\" --global --format='value(address)')\"",
            ]
        }
        return [section]
    }

    /// What a managed ClickHouse must offer; rigger can't check it from the bastion.
    private static func managedServices(_ plan: HeliconePlan) -> [String] {
        guard case .managed(let host, let port, let secure) = plan.clickhouse else { return [] }
        return [
            "ClickHouse at \(secure ? "https" : "http")://\(host):\(port) (its HTTP interface) must be reachable from the cluster, "
                + "with user '\(plan.clickhouseUser)' allowed to create tables in the default database"
        ]
    }
}
