extension InstallScripts {
    /// The cloud's command-line tool that 20-secrets.sh writes the store with, and how to get it.
    static func storeTool(_ store: SecretStorePlan) -> (tool: String, hint: String) {
        switch store.provider {
        case .aws: return ("aws", "install the AWS CLI v2")
        case .gcp: return ("gcloud", "install the Google Cloud CLI")
        }
    }

    /// The variable prefix of a Secret in the scripts, e.g. `OBJECT_STORAGE`.
    static func variablePrefix(_ manifest: SecretManifest) -> String {
        manifest.purpose.uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }

    /// 20-secrets.sh with a cloud secret store: each Secret's values go into the store with the
    /// cloud's CLI, read from its 0600 local copy (`file://`, `--data-file`), never from a command
    /// line; then the ExternalSecrets (and the SecretStore) are applied and each is waited for
    /// until Ready with its Secret in the namespace.
    ///
    /// A value already in the store is compared with the bundle's without being shown (`cmp` on
    /// files in a private temporary folder). The same: nothing is written. Different, while the
    /// store still holds what this bundle last wrote there (its SHA-256, kept under .rigger/): the
    /// bundle's value was rotated or supplied anew, and one new version is written. Different
    /// otherwise: someone changed it in the store, and the script stops, naming it, rather than
    /// overwrite a production credential. After a rotation, once the operator has synced the new
    /// value, the Deployments and StatefulSets whose pods read that Secret restart: pods read a
    /// Secret's values only when they start.
    func applySecretsToStore(_ store: SecretStorePlan) -> ShellScript {
        let tool = Self.storeTool(store)
        var script = ShellScript(
            name: "20-secrets",
            summary: [
                "Puts the bundle's secrets into \(store.title) and waits until the External Secrets Operator has made",
                "the Secrets the chart reads from them; they must exist before the chart is installed.",
            ])
        script.bundlePrelude(kubeContext: cluster.kubeContext, tools: [("kube", "install kubectl 1.\(minimumKubernetesMinor) or newer"), tool])
        script.variable("NAMESPACE", cluster.namespace)
        switch store.provider {
        case .aws(let region, _): script.variable("STORE_REGION", region)
        case .gcp(let project, _): script.variable("STORE_PROJECT", project)
        }
        let reference = store.storeReference(release: cluster.release)
        script.variable("STORE_KIND", reference.kind)
        script.variable("STORE_NAME", reference.name)
        script.add("")
        let manifests = secrets.manifests
        guard !manifests.isEmpty else {
            script.add("echo \"no secrets to put into the store: every secret comes from a Secret already in namespace $NAMESPACE\"")
            return script
        }
        script.add(contentsOf: Self.placeholderCheck)
        script.add(
            "",
            "# How long to wait for the store and each ExternalSecret to be Ready, in seconds.",
            "SYNC_TIMEOUT=\"${RIGGER_SYNC_TIMEOUT:-180}\"",
            "# Values are compared in files of a private folder and never printed.",
            "umask 077",
            "work=\"$(mktemp -d)\"",
            "trap 'rm -rf \"$work\"' EXIT",
            "# The SHA-256 of what this bundle last wrote for each secret in the store, never the value.",
            "state=.rigger/secret-store",
            "mkdir -p \"$state\"",
            "synced_since=()",
            "rotated=()",
            "",
            "digest() { sha256sum \"$1\" | cut -d ' ' -f 1; }",
            "state_file() { printf '%s/%s.sha256' \"$state\" \"$(printf '%s' \"$1\" | tr '/' '%')\"; }",
            "")
        script.add(contentsOf: Self.storeFunctions(store))
        script.add(
            "",
            "# Puts the value of the local copy $2 into the store's secret $1, unless the store holds it already.",
            "put_secret() {",
            "  local name=\"$1\" file=\"$2\" current=\"$work/current\" recorded",
            "  [ -f \"$file\" ] || fail \"$file is missing; regenerate the bundle\"",
            "  recorded=\"$(state_file \"$name\")\"",
            "  if ! read_store \"$name\" \"$current\"; then",
            "    create_in_store \"$name\" \"$file\" || fail \"could not create $name in the store\"",
            "    echo \"$name: created in the store from $file\"",
            "    synced_since+=(\"$name\")",
            "  elif cmp -s \"$file\" \"$current\"; then",
            "    echo \"$name: the store holds the bundle's value\"",
            "  elif { [ -f \"$recorded\" ] && [ \"$(digest \"$current\")\" = \"$(cat \"$recorded\")\" ]; } || [[ \" ${RIGGER_REPLACE_IN_STORE:-} \" == *\" $name \"* ]]; then",
            "    # The store holds what this bundle last wrote there: the bundle's value was rotated since.",
            "    add_version \"$name\" \"$file\" || fail \"could not write a new version of $name to the store\"",
            "    echo \"$name: a new version written from $file\"",
            "    synced_since+=(\"$name\")",
            "    rotated+=(\"$name\")",
            "  else",
            "    fail \"the store's value of $name differs from the bundle's ($file), and this bundle did not write it there: it was changed in the store. Nothing was overwritten. To keep the store's value, supply it to the bundle (rigger generate --secret KEY=@FILE) and run this again; to replace it with the bundle's, run: RIGGER_REPLACE_IN_STORE='$name' scripts/20-secrets.sh\"",
            "  fi",
            "  digest \"$file\" >\"$recorded\"",
            "}",
            "")
        for manifest in manifests {
            let prefix = Self.variablePrefix(manifest)
            script.variable("\(prefix)_STORE_NAME", store.remoteName(secretName: manifest.name))
            script.variable("\(prefix)_STORE_COPY", ExternalSecrets.storeCopyPath(of: manifest))
            script.add("put_secret \"$\(prefix)_STORE_NAME\" \"$\(prefix)_STORE_COPY\"")
        }
        script.add("")
        if store.clusterSecretStore == nil {
            switch store.provider {
            case .aws(_, .irsa(let serviceAccount)), .gcp(_, .some(let serviceAccount)):
                script.variable("STORE_SERVICE_ACCOUNT", serviceAccount)
                script.add(
                    "kube get serviceaccount \"$STORE_SERVICE_ACCOUNT\" --namespace \"$NAMESPACE\" >/dev/null 2>&1 \\",
                    "  || fail \"the service account $STORE_SERVICE_ACCOUNT is not in namespace $NAMESPACE; create it with the cloud identity that may read the secrets (see README.md), then run this again\"")
            default: break
            }
            script.add(
                "kube apply --namespace \"$NAMESPACE\" -f \(ExternalSecrets.storePath) || fail \"could not apply \(ExternalSecrets.storePath)\"")
        }
        script.add(
            "",
            "# Waits until the $1 named $2 is Ready (and, given a time $3, has read the store since then).",
            "wait_ready() {",
            "  local kind=\"$1\" name=\"$2\" since=\"${3:-}\" deadline=$((SECONDS + SYNC_TIMEOUT)) status ready refreshed",
            "  local scope=(--namespace \"$NAMESPACE\")",
            "  if [ \"$kind\" = ClusterSecretStore ]; then scope=(); fi",
            "  while :; do",
            "    status=\"$(kube get \"$kind\" \"$name\" \"${scope[@]}\" -o 'jsonpath={.status.conditions[?(@.type==\"Ready\")].status} {.status.refreshTime}' 2>/dev/null || true)\"",
            "    ready=\"${status%% *}\"",
            "    refreshed=\"${status#* }\"",
            "    if [ \"$ready\" = True ] && { [ -z \"$since\" ] || [[ ! \"$refreshed\" < \"$since\" ]]; }; then",
            "      echo \"$kind $name is Ready\"",
            "      return 0",
            "    fi",
            "    [ \"$SECONDS\" -lt \"$deadline\" ] || fail \"the $kind $name is not Ready after ${SYNC_TIMEOUT}s; 'kubectl describe $kind $name ${scope[*]}' says why\"",
            "    sleep 2",
            "  done",
            "}",
            "wait_ready \"$STORE_KIND\" \"$STORE_NAME\"",
            "")
        for manifest in manifests {
            let prefix = Self.variablePrefix(manifest)
            script.variable("\(prefix)_SECRET", manifest.name)
            script.add(
                "kube apply --namespace \"$NAMESPACE\" -f \(ExternalSecrets.path(of: manifest)) || fail \"could not apply \(ExternalSecrets.path(of: manifest))\"",
                "sync_secret \"$\(prefix)_SECRET\" \"$\(prefix)_STORE_NAME\"")
        }
        // The function is declared before its first use, right after wait_ready.
        script.insertBeforeFirst(
            "kube apply --namespace \"$NAMESPACE\" -f \(ExternalSecrets.path(of: manifests[0]))",
            lines: [
                "# Asks the operator to read the store again at once where this run wrote a value, then waits",
                "# for the ExternalSecret $1 and its Secret.",
                "sync_secret() {",
                "  local since=\"\"",
                "  if [[ \" ${synced_since[*]:-} \" == *\" $2 \"* ]]; then",
                "    since=\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"",
                "    kube annotate externalsecret \"$1\" --namespace \"$NAMESPACE\" --overwrite \"force-sync=$since\" >/dev/null || fail \"could not ask for a sync of the ExternalSecret $1\"",
                "  fi",
                "  wait_ready ExternalSecret \"$1\" \"$since\"",
                "  kube get secret \"$1\" --namespace \"$NAMESPACE\" >/dev/null 2>&1 || fail \"the ExternalSecret $1 is Ready but the Secret $1 is not in namespace $NAMESPACE\"",
                "  if [[ \" ${rotated[*]:-} \" == *\" $2 \"* ]]; then restart_readers \"$1\"; fi",
                "}",
                "# Pods read a Secret's values when they start: after a rotation, the Deployments and StatefulSets",
                "# whose pods read the Secret $1 (env, envFrom or a volume) restart to take the new values.",
                "restart_readers() {",
                "  local pattern workload",
                "  pattern=\"(\\\"secretName\\\":|Ref\\\":\\{(\\\"key\\\":\\\"[^\\\"]*\\\",)?\\\"name\\\":)\\\"${1//./\\\\.}\\\"\"",
                "  kube get deployments,statefulsets --namespace \"$NAMESPACE\" -o 'jsonpath={range .items[*]}{.kind}/{.metadata.name}{\"\\t\"}{.spec.template.spec}{\"\\n\"}{end}' >\"$work/workloads\" \\",
                "    || fail \"could not list the workloads that read the Secret $1; restart them to take its new values\"",
                "  grep -E \"$pattern\" \"$work/workloads\" | cut -f 1 >\"$work/readers\" || true",
                "  while read -r workload; do",
                "    kube rollout restart \"$workload\" --namespace \"$NAMESPACE\" >/dev/null </dev/null || fail \"could not restart $workload, which reads the rotated Secret $1\"",
                "    echo \"$workload restarted: it reads the rotated Secret $1\"",
                "  done <\"$work/readers\"",
                "}",
            ])
        script.add("echo \"every Secret the chart reads is in namespace $NAMESPACE, synced from \(store.title)\"")
        return script
    }

    /// `read_store NAME FILE` (1 when the store has no such secret), `create_in_store NAME FILE`
    /// and `add_version NAME FILE`, in the cloud's CLI: values pass through files only.
    static func storeFunctions(_ store: SecretStorePlan) -> [String] {
        switch store.provider {
        case .aws:
            return [
                "export AWS_PAGER=\"\"",
                "read_store() {",
                "  if aws secretsmanager get-secret-value --region \"$STORE_REGION\" --secret-id \"$1\" --query SecretString --output text >\"$2\" 2>\"$work/error\"; then",
                "    # The CLI ends its text with a line break that the value doesn't have.",
                "    truncate -s -1 \"$2\"",
                "    return 0",
                "  fi",
                "  grep -q ResourceNotFoundException \"$work/error\" && return 1",
                "  cat \"$work/error\" >&2",
                "  fail \"could not read $1 from AWS Secrets Manager in $STORE_REGION\"",
                "}",
                "create_in_store() {",
                "  aws secretsmanager create-secret --region \"$STORE_REGION\" --name \"$1\" --secret-string \"file://$2\" >/dev/null",
                "}",
                "add_version() {",
                "  aws secretsmanager put-secret-value --region \"$STORE_REGION\" --secret-id \"$1\" --secret-string \"file://$2\" >/dev/null",
                "}",
            ]
        case .gcp:
            return [
                "read_store() {",
                "  if gcloud secrets versions access latest --secret \"$1\" --project \"$STORE_PROJECT\" --out-file \"$2\" 2>\"$work/error\"; then",
                "    return 0",
                "  fi",
                "  grep -q NOT_FOUND \"$work/error\" && return 1",
                "  cat \"$work/error\" >&2",
                "  fail \"could not read $1 from Google Secret Manager in project $STORE_PROJECT\"",
                "}",
                "create_in_store() {",
                "  if gcloud secrets describe \"$1\" --project \"$STORE_PROJECT\" >/dev/null 2>&1; then",
                "    add_version \"$1\" \"$2\"",
                "  else",
                "    gcloud secrets create \"$1\" --project \"$STORE_PROJECT\" --replication-policy automatic --data-file \"$2\" --quiet >/dev/null",
                "  fi",
                "}",
                "add_version() {",
                "  gcloud secrets versions add \"$1\" --project \"$STORE_PROJECT\" --data-file \"$2\" --quiet >/dev/null",
                "}",
            ]
        }
    }
}

extension InstallScripts {
    /// The CustomResourceDefinitions the bundle's ESO manifests need, each served at v1.
    static func storeDefinitions(_ store: SecretStorePlan) -> [String] {
        ["externalsecrets.external-secrets.io", store.clusterSecretStore == nil ? "secretstores.external-secrets.io" : "clustersecretstores.external-secrets.io"]
    }

    /// 00-preflight.sh's checks of a cloud secret store: the cloud's CLI, the External Secrets
    /// Operator's CustomResourceDefinitions serving v1, and the store: the ClusterSecretStore
    /// named is Ready; for the bundle's own SecretStore, its service account is in the namespace
    /// (once the namespace is), and the store is Ready when an earlier run applied it.
    func secretStoreChecks(_ store: SecretStorePlan) -> ScriptSection {
        let tool = Self.storeTool(store)
        let reference = store.storeReference(release: cluster.release)
        var variables: [(String, String)] = [("NAMESPACE", cluster.namespace), ("STORE_KIND", reference.kind), ("STORE_NAME", reference.name)]
        var lines = [
            "",
            "# The secrets live in \(store.title): 20-secrets.sh writes them with \(tool.tool), and the External Secrets Operator syncs them.",
            "command -v \(tool.tool) >/dev/null 2>&1 || fail \"\(tool.tool) is not on PATH; 20-secrets.sh writes the secrets with it (\(tool.hint))\"",
            "for crd in \(Self.storeDefinitions(store).joined(separator: " ")); do",
            "  served=\"$(kube get customresourcedefinition \"$crd\" -o 'jsonpath={.spec.versions[?(@.served==true)].name}' 2>/dev/null || true)\"",
            "  case \" $served \" in",
            "    *\" v1 \"*) echo \"$crd serves v1\" ;;",
            "    \"  \") fail \"the External Secrets Operator is not installed ($crd is missing); install it (v0.17 or newer), then run this again\" ;;",
            "    *) fail \"$crd serves $served but not v1, which this bundle's manifests use; upgrade the External Secrets Operator to v0.17 or newer\" ;;",
            "  esac",
            "done",
            "store_scope=(--namespace \"$NAMESPACE\")",
            "if [ \"$STORE_KIND\" = ClusterSecretStore ]; then store_scope=(); fi",
            "store_ready=\"$(kube get \"$STORE_KIND\" \"$STORE_NAME\" \"${store_scope[@]}\" -o 'jsonpath={.status.conditions[?(@.type==\"Ready\")].status}' 2>/dev/null || true)\"",
        ]
        if store.clusterSecretStore != nil {
            lines += [
                "[ \"$store_ready\" = True ] || fail \"the ClusterSecretStore $STORE_NAME is not Ready${store_ready:+ (Ready: $store_ready)}; 'kubectl describe clustersecretstore $STORE_NAME' says why\"",
                "echo \"ClusterSecretStore $STORE_NAME is Ready\"",
            ]
        } else {
            var serviceAccount: String?
            switch store.provider {
            case .aws(_, .irsa(let name)), .gcp(_, .some(let name)): serviceAccount = name
            default: serviceAccount = nil
            }
            if let serviceAccount {
                variables.append(("STORE_SERVICE_ACCOUNT", serviceAccount))
                lines += [
                    "if kube get namespace \"$NAMESPACE\" >/dev/null 2>&1; then",
                    "  kube get serviceaccount \"$STORE_SERVICE_ACCOUNT\" --namespace \"$NAMESPACE\" >/dev/null 2>&1 \\",
                    "    || fail \"the service account $STORE_SERVICE_ACCOUNT is not in namespace $NAMESPACE; the SecretStore signs in to the cloud as it (see README.md)\"",
                    "  echo \"service account $STORE_SERVICE_ACCOUNT is there\"",
                    "else",
                    "  echo \"namespace $NAMESPACE does not exist yet: create the service account $STORE_SERVICE_ACCOUNT in it before 20-secrets.sh (see README.md)\"",
                    "fi",
                ]
            }
            lines += [
                "case \"$store_ready\" in",
                "  True) echo \"SecretStore $STORE_NAME is Ready\" ;;",
                "  \"\") echo \"SecretStore $STORE_NAME is not applied yet: 20-secrets.sh applies it and waits until it is Ready\" ;;",
                "  *) fail \"the SecretStore $STORE_NAME is not Ready (Ready: $store_ready); 'kubectl describe secretstore $STORE_NAME --namespace $NAMESPACE' says why\" ;;",
                "esac",
            ]
        }
        return ScriptSection(variables: variables, lines: lines)
    }
}
