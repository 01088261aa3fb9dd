import RiggerCore

/// Writes the numbered install scripts and install.sh for a PostHog plan: a pure function, no I/O.
enum PostHogScriptsRenderer {
    /// The oldest Kubernetes minor version the chart accepts (its kubeVersion is ">= 1.24-0").
    public static let minimumKubernetesMinor = 24

    /// Every script, by path under the bundle.
    static func scripts(plan: PostHogPlan, secrets: PostHogSecrets, chart: ChartReference) -> [BundleFile] {
        [
            preflight(plan, secrets),
            namespace(plan),
            applySecrets(plan, secrets),
            prerequisites(plan, secrets),
            install(plan, chart: chart),
            verify(plan),
        ].map { BundleFile(path: "scripts/\($0.name).sh", contents: $0.text, mode: BundleFile.executable) }
            + [BundleFile(path: "install.sh", contents: installAll().text, mode: BundleFile.executable)]
    }

    private static func hasVolumes(_ plan: PostHogPlan) -> Bool {
        if case .inCluster = plan.postgresql { return true }
        if case .inCluster = plan.redis { return true }
        if case .inCluster = plan.kafka { return true }
        if case .inCluster = plan.clickhouse { return true }
        if case .inCluster = plan.objectStorage { return true }
        return plan.zookeeperStorage != nil
    }

    private static let placeholderCheck = [
        "placeholders=\"$(grep -l '\(SecretSet.placeholderMarker)' secrets/*.secret.yaml 2>/dev/null || true)\"",
        "if [ -n \"$placeholders\" ]; then",
        "  printf 'These secrets are still placeholders:\\n' >&2",
        "  grep -ho '\(SecretSet.placeholderMarker) supply [A-Za-z.]*' secrets/*.secret.yaml | sed 's/.* supply /  /' >&2",
        "  fail \"supply each with: rigger generate --out <this folder> --secret KEY=@FILE, then run install.sh again\"",
        "fi",
    ]

    static func preflight(_ plan: PostHogPlan, _ secrets: PostHogSecrets) -> ShellScript {
        var script = ShellScript(
            name: "00-preflight",
            summary: ["Checks the tools, the cluster and the bundle before anything is changed."])
        script.bundlePrelude(kubeContext: plan.kubeContext)
        // Only a bundle with volumes has a storage class to check.
        if hasVolumes(plan) { script.variable("STORAGE_CLASS", plan.storageClass ?? "") }
        script.add(
            "",
            "command -v kubectl >/dev/null 2>&1 || fail \"kubectl is not on PATH; install kubectl 1.\(minimumKubernetesMinor) or newer\"",
            "command -v helm >/dev/null 2>&1 || fail \"helm is not on PATH; install Helm 3\"",
            "helm_version=\"$(helm version --template '{{.Version}}' 2>/dev/null || true)\"",
            "case \"$helm_version\" in",
            "  v3.*) echo \"helm $helm_version\" ;;",
            "  *) fail \"Helm 3 is needed; found '${helm_version:-an unknown version}'\" ;;",
            "esac",
            "",
            "current_context=\"$(kubectl config current-context 2>/dev/null || true)\"",
            "[ -n \"$current_context\" ] || fail \"kubectl has no current context; select the cluster with: kubectl config use-context NAME\"",
            "if [ -n \"$KUBE_CONTEXT\" ] && [ \"$current_context\" != \"$KUBE_CONTEXT\" ]; then",
            "  fail \"the current kube context is '$current_context', but this bundle is for '$KUBE_CONTEXT'; run: kubectl config use-context '$KUBE_CONTEXT'\"",
            "fi",
            "echo \"kube context $current_context\"",
            "",
            "version_json=\"$(kube get --raw /version 2>/dev/null)\" || fail \"the cluster does not answer; check the kube context and your credentials\"",
            "major=\"$(printf '%s\\n' \"$version_json\" | sed -n 's/.*\"major\": *\"\\([0-9]*\\).*/\\1/p' | head -n 1)\"",
            "minor=\"$(printf '%s\\n' \"$version_json\" | sed -n 's/.*\"minor\": *\"\\([0-9]*\\).*/\\1/p' | head -n 1)\"",
            "if [ \"${major:-0}\" -ne 1 ] || [ \"${minor:-0}\" -lt \(minimumKubernetesMinor) ]; then",
            "  fail \"the PostHog chart needs Kubernetes 1.\(minimumKubernetesMinor) or newer; the cluster runs ${major:-?}.${minor:-?}\"",
            "fi",
            "echo \"kubernetes $major.$minor\"")
        if hasVolumes(plan) {
            script.add(
                "",
                "if [ -n \"$STORAGE_CLASS\" ]; then",
                "  kube get storageclass \"$STORAGE_CLASS\" >/dev/null 2>&1 || fail \"the storage class '$STORAGE_CLASS' does not exist; 'kubectl get storageclass' lists those that do\"",
                "  echo \"storage class $STORAGE_CLASS\"",
                "else",
                "  default_class=\"$(kube get storageclass -o jsonpath='{range .items[?(@.metadata.annotations.storageclass\\.kubernetes\\.io/is-default-class==\"true\")]}{.metadata.name}{\" \"}{end}')\"",
                "  [ -n \"$default_class\" ] || fail \"the cluster has no default storage class; set storageClass in the answers and regenerate\"",
                "  echo \"default storage class $default_class\"",
                "fi")
        }
        if !secrets.all.isEmpty {
            script.add("", "[ -d secrets ] || fail \"the secrets/ folder is missing; regenerate the bundle\"")
            script.add(contentsOf: placeholderCheck)
        }
        addExistingSecretChecks(plan, secrets, to: &script)
        script.add("echo \"preflight checks passed\"")
        return script
    }

    static func namespace(_ plan: PostHogPlan) -> ShellScript {
        var script = ShellScript(name: "10-namespace", summary: ["Creates the namespace when it doesn't exist yet."])
        script.bundlePrelude(kubeContext: plan.kubeContext)
        script.variable("NAMESPACE", plan.namespace)
        script.add(
            "",
            "if kube get namespace \"$NAMESPACE\" >/dev/null 2>&1; then",
            "  echo \"namespace $NAMESPACE exists\"",
            "else",
            "  kube create namespace \"$NAMESPACE\" || fail \"could not create the namespace $NAMESPACE\"",
            "fi")
        return script
    }

    static func applySecrets(_ plan: PostHogPlan, _ secrets: PostHogSecrets) -> ShellScript {
        var script = ShellScript(
            name: "20-secrets",
            summary: ["Applies the Secrets the chart reads; they must exist before the chart is installed."])
        script.bundlePrelude(kubeContext: plan.kubeContext)
        script.variable("NAMESPACE", plan.namespace)
        script.add("")
        guard !secrets.all.isEmpty else {
            script.add("echo \"no Secrets to apply: every secret comes from a Secret already in namespace $NAMESPACE\"")
            return script
        }
        script.add(contentsOf: placeholderCheck)
        script.add(
            "for manifest in secrets/*.secret.yaml; do",
            "  kube apply --namespace \"$NAMESPACE\" -f \"$manifest\" || fail \"could not apply $manifest\"",
            "done")
        return script
    }

    /// Checks that each Secret the operator named is in the namespace with every key the chart reads.
    private static func addExistingSecretChecks(_ plan: PostHogPlan, _ secrets: PostHogSecrets, to script: inout ShellScript) {
        let existing = secrets.existing
        guard !existing.isEmpty else { return }
        script.variable("NAMESPACE", plan.namespace)
        script.add(
            "",
            "# Secrets this bundle doesn't write: they must already be in the namespace.",
            "require_secret_key() {",
            "  value=\"$(kube get secret --namespace \"$NAMESPACE\" \"$1\" -o \"go-template={{index .data \\\"$2\\\"}}\" 2>/dev/null || true)\"",
            "  if [ -z \"$value\" ] || [ \"$value\" = \"<no value>\" ]; then",
            "    fail \"the Secret $1 in namespace $NAMESPACE has no key $2; create it with: kubectl create secret generic '$1' --namespace '$NAMESPACE' --from-file='$2'=FILE\"",
            "  fi",
            "  echo \"Secret $1 has key $2\"",
            "}")
        for reference in existing {
            let variable = reference.purpose.uppercased().replacingOccurrences(of: "-", with: "_") + "_SECRET"
            script.variable(variable, reference.name)
            for (index, entry) in reference.dataKeys.enumerated() {
                let keyVariable = variable + "_KEY" + (reference.dataKeys.count > 1 ? "_\(index + 1)" : "")
                script.variable(keyVariable, entry)
                script.add("require_secret_key \"$\(variable)\" \"$\(keyVariable)\"")
            }
        }
    }

    static func prerequisites(_ plan: PostHogPlan, _ secrets: PostHogSecrets) -> ShellScript {
        var script = ShellScript(
            name: "30-prerequisites",
            summary: ["Prepares what the choices need before the chart: addresses, certificates, classes."])
        script.bundlePrelude(kubeContext: plan.kubeContext)
        var didSomething = false
        let ingress = plan.ingress
        if ingress.type == .gcpCLB, let ipName = ingress.staticIPName {
            didSomething = true
            script.variable("STATIC_IP_NAME", ipName)
            script.variable("SITE_HOST", ingress.hostname ?? "")
            script.add(
                "",
                "# The Google load balancer takes a global static IP by name; it must exist before the Ingress.",
                "command -v gcloud >/dev/null 2>&1 || fail \"gcloud is not on PATH; reserve the address yourself with: gcloud compute addresses create '$STATIC_IP_NAME' --global\"",
                "if gcloud compute addresses describe \"$STATIC_IP_NAME\" --global >/dev/null 2>&1; then",
                "  echo \"global static IP $STATIC_IP_NAME exists\"",
                "else",
                "  gcloud compute addresses create \"$STATIC_IP_NAME\" --global || fail \"could not reserve the global static IP $STATIC_IP_NAME\"",
                "fi",
                "address=\"$(gcloud compute addresses describe \"$STATIC_IP_NAME\" --global --format='value(address)')\"",
                "echo \"Create this DNS record now (the Google-managed certificate is issued only once it resolves):\"",
                "echo \"  $SITE_HOST  A  $address\"")
        }
        if ingress.tls == .secret, let secretName = ingress.tlsSecretName {
            didSomething = true
            script.variable("NAMESPACE", plan.namespace)
            script.variable("TLS_SECRET", secretName)
            script.add(
                "",
                "if ! kube get secret --namespace \"$NAMESPACE\" \"$TLS_SECRET\" >/dev/null 2>&1; then",
                "  fail \"the TLS Secret $TLS_SECRET is not in namespace $NAMESPACE; create it with: kubectl create secret tls '$TLS_SECRET' --namespace '$NAMESPACE' --cert=FULLCHAIN.pem --key=KEY.pem\"",
                "fi",
                "echo \"TLS Secret $TLS_SECRET exists\"")
        }
        if ingress.type == .existing, let className = ingress.className {
            didSomething = true
            script.variable("INGRESS_CLASS", className)
            script.add(
                "",
                "kube get ingressclass \"$INGRESS_CLASS\" >/dev/null 2>&1 || fail \"the cluster has no IngressClass $INGRESS_CLASS; 'kubectl get ingressclass' lists those it has\"",
                "echo \"IngressClass $INGRESS_CLASS exists\"")
        }
        if ingress.tls == .letsencrypt {
            didSomething = true
            script.variable("RELEASE", plan.release)
            script.add(
                "",
                "# The chart installs cert-manager with its CRDs; a cert-manager from elsewhere would clash.",
                "owner=\"$(kube get crd certificates.cert-manager.io -o jsonpath='{.metadata.annotations.meta\\.helm\\.sh/release-name}' 2>/dev/null || true)\"",
                "if kube get crd certificates.cert-manager.io >/dev/null 2>&1 && [ \"$owner\" != \"$RELEASE\" ]; then",
                "  fail \"cert-manager is already installed in this cluster (not by release $RELEASE); use it through ingress.tls=secret or remove it first\"",
                "fi",
                "echo \"cert-manager will be installed with the chart; Let's Encrypt issues the certificate once DNS points at the ingress (see 50-verify.sh)\"")
        }
        var reminders: [String] = []
        if case .managed(let postgres) = plan.postgresql {
            reminders.append("PostgreSQL at \(postgres.host):\(postgres.port): database '\(postgres.database)' must exist, owned by user '\(postgres.username)', reachable from the cluster")
        }
        if case .managed(let host, let port, _) = plan.redis {
            reminders.append("Redis at \(host):\(port) must be reachable from the cluster")
        }
        if case .managed(let brokers, _) = plan.kafka {
            reminders.append("Kafka brokers \(brokers.joined(separator: ",")) must be reachable from the cluster, with topic auto-creation allowed")
        }
        if case .managed(let connection, let host, _, _) = plan.clickhouse {
            reminders.append("ClickHouse at \(host): cluster '\(connection.cluster)' and user '\(connection.user)' must exist")
        }
        if case .managed(_, let bucket, _) = plan.objectStorage {
            reminders.append("the bucket '\(bucket)' must exist and the access key in \(secrets.objectStorage.map { $0.manifest?.path ?? "the Secret \($0.name)" } ?? "secrets/") must be able to write to it")
        }
        if !reminders.isEmpty {
            didSomething = true
            script.add("", "echo \"Managed services this bundle expects (rigger cannot check them from here):\"")
            for (index, reminder) in reminders.enumerated() {
                script.variable("MANAGED_\(index + 1)", reminder)
                script.add("echo \"  - $MANAGED_\(index + 1)\"")
            }
        }
        if !didSomething {
            script.add("", "echo \"nothing to prepare for these choices\"")
        }
        return script
    }

    static func install(_ plan: PostHogPlan, chart: ChartReference) -> ShellScript {
        var script = ShellScript(
            name: "40-install",
            summary: ["Installs or upgrades the PostHog release with values.yaml; safe to run again."])
        script.bundlePrelude(kubeContext: plan.kubeContext)
        script.variable("NAMESPACE", plan.namespace)
        script.variable("RELEASE", plan.release)
        script.variable("CHART_VERSION", plan.chartVersion)
        if case .repository(let name, let url) = chart.source {
            script.variable("REPO_NAME", name)
            script.variable("REPO_URL", url)
        }
        script.add(
            "",
            "helm repo add \"$REPO_NAME\" \"$REPO_URL\" --force-update >/dev/null || fail \"could not add the Helm repository $REPO_URL\"",
            "helm repo update \"$REPO_NAME\" || fail \"could not update the Helm repository $REPO_NAME\"",
            "context_args=()",
            "if [ -n \"$KUBE_CONTEXT\" ]; then context_args=(--kube-context \"$KUBE_CONTEXT\"); fi",
            "helm upgrade --install \"$RELEASE\" \"$REPO_NAME/posthog\" \\",
            "  \"${context_args[@]}\" \\",
            "  --version \"$CHART_VERSION\" \\",
            "  --namespace \"$NAMESPACE\" \\",
            "  -f values.yaml \\",
            "  --timeout 30m \\",
            "  --wait || fail \"helm could not install $RELEASE; 'kubectl get pods --namespace $NAMESPACE' shows what is failing, then run ./install.sh --from 40\"")
        return script
    }

    static func verify(_ plan: PostHogPlan) -> ShellScript {
        var script = ShellScript(
            name: "50-verify",
            summary: ["Waits for every rollout, then shows the address and the DNS record to create."])
        script.bundlePrelude(kubeContext: plan.kubeContext)
        script.variable("NAMESPACE", plan.namespace)
        script.add(
            "",
            "kube get deployments,statefulsets --namespace \"$NAMESPACE\" -o name | while read -r workload; do",
            "  kube rollout status --namespace \"$NAMESPACE\" \"$workload\" --timeout=15m || fail \"$workload did not finish rolling out\"",
            "done")
        guard plan.ingress.type != .none, let hostname = plan.ingress.hostname, let siteURL = plan.ingress.siteURL else {
            script.variable("WEB_SERVICE", PostHogValuesRenderer.chartFullname(release: plan.release) + "-web")
            script.add(
                "echo \"PostHog is running. It has no ingress; reach it with:\"",
                "echo \"  kubectl port-forward --namespace $NAMESPACE svc/$WEB_SERVICE 8000:8000\"")
            return script
        }
        script.variable("SITE_HOST", hostname)
        script.variable("SITE_URL", siteURL)
        script.add(
            "address=\"\"",
            "for _ in $(seq 1 60); do",
            "  address=\"$(kube get ingress --namespace \"$NAMESPACE\" -o jsonpath='{.items[0].status.loadBalancer.ingress[0].ip}{.items[0].status.loadBalancer.ingress[0].hostname}' 2>/dev/null || true)\"",
            "  [ -n \"$address\" ] && break",
            "  sleep 10",
            "done",
            "[ -n \"$address\" ] || fail \"the ingress has no address after 10 minutes; see: kubectl describe ingress --namespace $NAMESPACE\"",
            "case \"$address\" in",
            "  *[!0-9.]*) record=\"CNAME\" ;;",
            "  *) record=\"A\" ;;",
            "esac",
            "echo \"The ingress address is $address. Create (or check) this DNS record:\"",
            "echo \"  $SITE_HOST  $record  $address\"")
        switch plan.ingress.tls {
        case .gcpManaged:
            script.variable("RELEASE", plan.release)
            script.add(
                "echo \"Google-managed certificate (Active once DNS resolves; it can take up to an hour):\"",
                "kube get managedcertificate --namespace \"$NAMESPACE\" \"$RELEASE-gke-cert\" -o jsonpath='{.status.certificateStatus}{\"\\n\"}' || true")
        case .letsencrypt:
            script.add(
                "echo \"Let's Encrypt certificate (Ready once DNS resolves):\"",
                "kube get certificate --namespace \"$NAMESPACE\" 2>/dev/null || true")
        case .secret, .none:
            break
        }
        script.add("echo \"Then open $SITE_URL\"")
        return script
    }

    static func installAll() -> ShellScript {
        var script = ShellScript(
            name: "install",
            summary: [
                "Runs scripts/NN-*.sh in order and stops at the first failure.",
                "Usage: ./install.sh [--from NN] [--dry-run]",
            ])
        script.add(
            "cd \"$(dirname \"$0\")\"",
            "usage() {",
            "  echo \"usage: ./install.sh [--from NN] [--dry-run]\"",
            "  echo \"  --from NN   start at step NN (e.g. 40) after fixing what stopped an earlier run\"",
            "  echo \"  --dry-run   print the steps that would run, and run none\"",
            "}",
            "from=\"00\"",
            "dry_run=0",
            "while [ \"$#\" -gt 0 ]; do",
            "  case \"$1\" in",
            "    --from)",
            "      [ \"$#\" -ge 2 ] || { usage >&2; exit 2; }",
            "      from=\"$2\"",
            "      shift 2",
            "      ;;",
            "    --from=*) from=\"${1#--from=}\"; shift ;;",
            "    --dry-run) dry_run=1; shift ;;",
            "    -h | --help) usage; exit 0 ;;",
            "    *) echo \"install.sh: unknown argument: $1\" >&2; usage >&2; exit 2 ;;",
            "  esac",
            "done",
            "case \"$from\" in",
            "  [0-9][0-9]) ;;",
            "  *) echo \"install.sh: --from takes a two-digit step such as 40, not '$from'\" >&2; exit 2 ;;",
            "esac",
            "ran=0",
            "for script in scripts/[0-9][0-9]-*.sh; do",
            "  name=\"$(basename \"$script\")\"",
            "  step=\"${name%%-*}\"",
            "  if [ \"$((10#$step))\" -lt \"$((10#$from))\" ]; then continue; fi",
            "  ran=1",
            "  if [ \"$dry_run\" -eq 1 ]; then",
            "    echo \"would run $script\"",
            "    continue",
            "  fi",
            "  echo \"==> $script\"",
            "  if ! \"$script\"; then",
            "    echo \"install.sh: $script failed. Fix what it reported, then resume with: ./install.sh --from $step\" >&2",
            "    exit 1",
            "  fi",
            "done",
            "if [ \"$ran\" -eq 0 ]; then",
            "  echo \"install.sh: there is no step $from or later\" >&2",
            "  exit 2",
            "fi",
            "if [ \"$dry_run\" -eq 0 ]; then echo \"All steps finished.\"; fi")
        return script
    }
}

extension ShellScript {
    mutating func add(contentsOf lines: [String]) {
        for line in lines { add(line) }
    }
}
