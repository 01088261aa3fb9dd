import RiggerCore

/// Helicone's parts of the bundle's README.md: where it is reached, its signed API keys, how a
/// changed Secret reaches the pods; the core's `BundleReadme` writes the rest.
enum HeliconeReadmeRenderer {
    static func parts(plan: HeliconePlan, references: HeliconeSecrets) -> ReadmeParts {
        let served = HeliconeIngress.served(plan)
        var parts = ReadmeParts(
            title: "Helicone",
            chart: "Helicone chart \(HeliconeQuestions.chartVersion) (Helicone/helicone-helm-chart, `\(HeliconeChart.path)` at commit `\(HeliconeChart.commit)`)",
            cluster: plan.cluster, ingress: plan.ingress, secrets: references.references, images: HeliconeImages.list(plan),
            advisories: HeliconeApp().advisoryTable, valuesNote: "No secret is in it; the chart reads them from the Secrets.",
            regenerating: .init(upgradeKey: "image.tag", resumeFrom: "40", keepsAlso: "(and signs the same API keys)", notes: [
                "`rigger generate --out <this folder> --rotate helicone.jwtSecret` signs new API keys, issued at that time: every API key and "
                    + "session in use stops working.",
                "Back up PostgreSQL, ClickHouse and the Storage volume first. To roll back: `helm rollback \(plan.release) --namespace \(plan.namespace)`.",
            ]))
        parts.sizing = HeliconeSizing.table(plan)
        parts.overview = warnings(plan) + addresses(plan)
        parts.answersNote = keysNote(plan)
        parts.secretsNote = "The chart's templates read four of them by fixed names."
        parts.scriptPurposes = [
            "00-preflight.sh": "kubectl, helm, git, the kube context, the cluster version, the storage class, no placeholder secrets, "
                + "and no Secret in the namespace holding a value published in the chart's README or values.example.yaml",
            "30-prerequisites.sh": prerequisitesSummary(plan),
            "40-install.sh": "fetches the chart with git at commit `\(HeliconeChart.commit)`, refuses any other, and runs "
                + "`helm upgrade --install` from that checkout",
        ]
        parts.servedHosts = served.map(\.host)
        parts.installHost = "kubectl, helm and git reach the cluster and GitHub"
        parts.steps = [[reachingHelicone(plan, served: served)]]
        parts.closing = restarting(plan, references)
        return parts
    }

    private static func warnings(_ plan: HeliconePlan) -> [String] {
        var lines: [String] = []
        if plan.hosts == nil || plan.ingress.tls == .none {
            lines += [
                "## Local mode",
                "",
                plan.hosts == nil
                    ? "There is no ingress: the dashboard and the API are reached through `kubectl port-forward` on this host only "
                        + "(`50-verify.sh` prints the commands), over plain HTTP."
                    : HeliconeRules.plainHTTPWarning,
                "This is for trying Helicone on a test cluster. For anything others use, regenerate with TLS "
                    + "(`--set ingress.tls=letsencrypt`, `secret` or `gcp-managed`) and real host names.",
            ]
            lines.append("")
        }
        if let studio = plan.hosts?.studio {
            lines += ["## Warning: Supabase Studio is exposed", "", HeliconeRules.studioWarning(host: studio), ""]
        }
        return lines
    }

    private static func addresses(_ plan: HeliconePlan) -> [String] {
        var lines = ["## Where Helicone is reached", ""]
        let served = HeliconeIngress.served(plan)
        if served.isEmpty {
            lines += [
                "- Dashboard: \(plan.webURL) (port-forward to the web Service)",
                "- Supabase API: \(plan.apiURL) (port-forward to Kong; the dashboard calls it from your browser)",
                "- Proxy: port-forward to the worker Service on \(HeliconeChart.workerPort)",
            ]
        } else {
            for (route, host) in served {
                lines.append("- `\(plan.scheme)://\(host)`: \(route.purpose)" + derivation(route, host: host, plan: plan))
            }
        }
        if !plan.studio {
            lines.append("- Supabase Studio does not run (`helicone.studio=false`).")
        } else if plan.hosts?.studio == nil {
            lines.append("- Supabase Studio runs without an ingress: `kubectl port-forward --namespace \(plan.namespace) "
                + "svc/\(HeliconeChart.fullname(release: plan.release, component: "studio")) \(HeliconeChart.studioPort):\(HeliconeChart.studioPort)`.")
        }
        if plan.ingress.tls == .secret, let secret = plan.ingress.tlsSecretName {
            let web = plan.hosts?.web ?? "helicone.example.com"
            let parent = HeliconeHosts.parent(of: web)
            lines.append("- Every host is served with the certificate in the TLS Secret `\(secret)`: it must cover them all "
                + "(a wildcard such as `*.\(parent)`" + (parent == web ? " with `\(web)` itself" : "") + ", or one name per host).")
        }
        lines += HeliconeGateway.readme(plan)
        if plan.ingress.type == .gcpCLB {
            lines.append("- On GKE each Ingress is a load balancer of its own: each host has its own global static IP "
                + "(`30-prerequisites.sh` reserves them and prints the DNS records)"
                + (plan.ingress.tls == .gcpManaged ? " and its own Google-managed certificate." : "."))
            lines.append("- A Google load balancer serves a backend only while `GET /` on it answers 200. Kong answers 404 there, so the "
                + "API's health check reads Kong's status API instead (port \(HeliconeChart.kongStatusPort), a BackendConfig). The dashboard, "
                + "the proxy and Studio keep the default check: if `kubectl describe ingress` shows one of them unhealthy, "
                + "`ingress.type=traefik` serves every host through one load balancer without such checks.")
        }
        if let email = plan.email {
            lines.append("- Mail goes through \(email.host):\(email.port) as \(email.from). GoTrue has no TLS switch: it uses TLS on port 465 "
                + "and STARTTLS whenever the server offers it.")
        } else {
            lines.append("- Mail is off: new accounts are confirmed at sign-up, and no invitation or password-reset mail is sent.")
        }
        lines.append(plan.signup
            ? "- Anyone who reaches the dashboard can sign up. Once your team has accounts: `rigger generate --out <this folder> --set helicone.signup=false`."
            : "- Sign-up is closed (`helicone.signup=false`).")
        return lines + [""]
    }

    /// Whether a host was derived from the web host's, and where: read from the hosts themselves
    /// (not from which answers were defaulted), so that regenerating writes the same README.
    private static func derivation(_ route: HeliconeIngress.Route, host: String, plan: HeliconePlan) -> String {
        guard let web = plan.hosts?.web, let label = route.derivedLabel, host == HeliconeHosts.derived(label, web: web) else { return "" }
        let under = HeliconeHosts.derivesUnderWebHost(web) && !LocalhostAccess.isLocalhost(web)
            ? "under `\(web)` itself, an apex whose parent is a top-level domain or public suffix"
            : "under its domain `\(HeliconeHosts.parent(of: web))`"
        return "; `\(route.hostKey)`, derived from `ingress.hostname` \(under) (`--set \(route.hostKey)=NAME` for another)"
    }

    private static func keysNote(_ plan: HeliconePlan) -> [String] {
        let expiry = plan.jwtIssuedAt + SupabaseJWT.validity
        return [
            "`ANON_KEY` and `SERVICE_ROLE_KEY` are not answers: rigger signs them (HS256) with `helicone.jwtSecret`, with role `anon` "
                + "and `service_role`, issuer `supabase`, issued at `helicone.jwtIssuedAt` (\(HeliconeKeyLifetime.day(plan.jwtIssuedAt)) UTC) "
                + "and valid for \(SupabaseJWT.validity / 86_400) days, until \(HeliconeKeyLifetime.day(expiry)). Regenerating signs "
                + "the same keys; rotating the JWT secret signs new ones, issued at the time of the rotation.",
            "",
        ]
    }

    private static func prerequisitesSummary(_ plan: HeliconePlan) -> String {
        var parts: [String] = []
        if plan.ingress.type == .gcpCLB { parts.append("a global static IP per Ingress") }
        if plan.ingress.type == .traefik { parts.append("Traefik, unless the cluster has a controller for class traefik") }
        if plan.ingress.type == .nginx { parts.append("ingress-nginx, unless the cluster has a controller for class nginx") }
        if plan.ingress.tls == .letsencrypt {
            parts.append(plan.ingress.installCertManager ? "cert-manager (unless installed) and the ClusterIssuer" : "the ClusterIssuer, on the cluster's cert-manager")
        }
        if plan.ingress.tls == .secret { parts.append("checks the TLS Secret") }
        if plan.ingress.type == .existing { parts.append("checks the IngressClass") }
        if case .managed = plan.clickhouse { parts.append("lists what the managed ClickHouse must offer") }
        return parts.isEmpty ? "nothing for these choices" : parts.joined(separator: ", ")
    }

    private static func reachingHelicone(_ plan: HeliconePlan, served: [(route: HeliconeIngress.Route, host: String)]) -> String {
        if served.isEmpty {
            return "There is no ingress: `50-verify.sh` prints the port-forward commands that reach Helicone."
        } else if served.allSatisfy({ LocalhostAccess.isLocalhost($0.host) }) {
            return LocalhostAccess.readmeStep(url: plan.webURL) + " Sign up there."
        }
        return "Point DNS for " + served.map { "`\($0.host)`" }.joined(separator: ", ")
            + " at the ingress addresses that `50-verify.sh` prints, then open \(plan.webURL) and sign up."
    }

    /// How a changed Secret reaches the pods, which read Secrets only when they start: the
    /// bundle's own through the digest on each pod template; the operator's own by hand.
    private static func restarting(_ plan: HeliconePlan, _ references: HeliconeSecrets) -> [String] {
        var lines = [
            "## When a Secret changes",
            "",
            "Pods read their Secrets when they start. After a rotation (or any change in `secrets/`), run `./install.sh --from 20`: "
                + "it applies the Secrets, and each Deployment that reads one carries the digest of what it reads on its pods "
                + "(annotation `\(HeliconeSecretsChecksum.annotation)`), so `helm upgrade` restarts exactly those whose Secrets changed.",
        ]
        let kept = HeliconeSecretsChecksum.components.filter { HeliconePostRender.runs($0, plan) }.compactMap { component -> (String, [String])? in
            let names = HeliconeSecretsChecksum.secretsRead(by: component).compactMap { references.reference(chartName: $0) }.filter(\.isExisting).map(\.name)
            return names.isEmpty ? nil : (HeliconeChart.fullname(release: plan.release, component: component), names)
        }
        if !kept.isEmpty {
            let secrets = Set(kept.flatMap(\.1)).sorted().map { "`\($0)`" }.joined(separator: ", ")
            lines += [
                "",
                "rigger can't see the Secrets you keep yourself (\(secrets)): after changing one, restart what reads it:",
                "",
                "```",
            ]
            for name in Set(kept.flatMap(\.1)).sorted() {
                let deployments = kept.filter { $0.1.contains(name) }.map { "deployment/\($0.0)" }.joined(separator: " ")
                lines.append("kubectl rollout restart --namespace \(plan.namespace) \(deployments)   # \(name)")
            }
            lines.append("```")
        }
        return lines + [""]
    }
}
