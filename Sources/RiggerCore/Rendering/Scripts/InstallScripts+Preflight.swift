extension InstallScripts {
    /// 00-preflight.sh: the tools, the kube context, the cluster version, the storage class, no
    /// placeholder secrets, each Secret the operator keeps with its keys, the cloud secret store
    /// (`secretStoreChecks`), the advisories of the
    /// ingress controller and cert-manager the install uses from the cluster, the app's own `extra`
    /// checks, every image the install pulls (from the chart as rendered, and from the bundle's own
    /// `manifestFiles`, a glob) against the table of retired registries, and last `rigger check .`
    /// when rigger is on PATH.
    public func preflight(extra: [ScriptSection] = [], manifestFiles: String? = nil) -> ShellScript {
        var script = script("00-preflight", "Checks the tools, the cluster and the bundle before anything is changed.")
        // Only a bundle with volumes has a storage class to check.
        if hasVolumes { script.variable("STORAGE_CLASS", cluster.storageClass ?? "") }
        script.add(
            "",
            "command -v kubectl >/dev/null 2>&1 || fail \"kubectl is not on PATH; install kubectl 1.\(minimumKubernetesMinor) or newer\"",
            "command -v helm >/dev/null 2>&1 || fail \"helm is not on PATH; install Helm 3 or 4\"",
            "helm_version=\"$(helm version --template '{{.Version}}' 2>/dev/null || true)\"",
            "case \"$helm_version\" in",
            "  v3.* | v4.*) echo \"helm $helm_version\" ;;",
            "  *) fail \"Helm 3 or 4 is needed; found '${helm_version:-an unknown version}'\" ;;",
            "esac")
        if !postRender.isEmpty { addKustomizeCheck(to: &script) }
        script.add(
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
            "  fail \"the \(appTitle) chart needs Kubernetes 1.\(minimumKubernetesMinor) or newer; the cluster runs ${major:-?}.${minor:-?}\"",
            "fi",
            "echo \"kubernetes $major.$minor\"")
        if hasVolumes {
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
        if !secrets.manifests.isEmpty {
            script.add("", "[ -d secrets ] || fail \"the secrets/ folder is missing; regenerate the bundle\"")
            script.add(contentsOf: Self.placeholderCheck)
        }
        addExistingSecretChecks(to: &script)
        if let store = cluster.secretStore { secretStoreChecks(store).append(to: &script) }
        addClusterAdvisoryChecks(to: &script)
        gatewayPreflight()?.append(to: &script)
        for section in extra { section.append(to: &script) }
        addImageCheck(to: &script, manifestFiles: manifestFiles)
        addRiggerCheck(to: &script)
        script.add("echo \"preflight checks passed\"")
        return script
    }

    /// The bundle's post-renderer runs the host's `kubectl kustomize`: a kubectl too old for its
    /// kustomization is stopped here, with the version it needs, rather than inside Helm. kubectl
    /// prints its kustomize's version from 1.24 on; the minor version says it for older ones.
    private func addKustomizeCheck(to script: inout ShellScript) {
        let minor = PostRender.minimumKubectlMinor, kustomize = PostRender.minimumKustomize
        script.add(
            "",
            "client_json=\"$(kubectl version --client -o json 2>/dev/null || true)\"",
            "kubectl_minor=\"$(printf '%s\\n' \"$client_json\" | sed -n 's/.*\"minor\": *\"\\([0-9]*\\).*/\\1/p' | head -n 1)\"",
            "kustomize_version=\"$(printf '%s\\n' \"$client_json\" | sed -n 's/.*\"kustomizeVersion\": *\"\\([^\"]*\\)\".*/\\1/p' | head -n 1)\"",
            "if [ \"${kubectl_minor:-0}\" -lt \(minor) ]; then",
            "  fail \"the bundle's post-renderer needs kubectl 1.\(minor) or newer, whose built-in kustomize (\(kustomize) or newer) reads the bundle's kustomization; this kubectl is 1.${kubectl_minor:-?}${kustomize_version:+ with kustomize $kustomize_version}\"",
            "fi",
            "echo \"kubectl 1.$kubectl_minor${kustomize_version:+, kustomize $kustomize_version} (the post-renderer needs kustomize \(kustomize) or newer)\"")
    }

    /// Runs `rigger check .` where rigger is installed: the real chart, every Secret a workload
    /// reads, and the cluster's server-side dry run. The bundle still works where rigger isn't.
    private func addRiggerCheck(to script: inout ShellScript) {
        script.add(
            "",
            "if command -v rigger >/dev/null 2>&1; then",
            "  echo \"rigger is on PATH: running 'rigger check .' (the real chart, the Secrets workloads read, the cluster's dry run)\"",
            "  rigger check . || fail \"rigger check found what would stop the install (above); fix it or regenerate the bundle, then run this again\"",
            "else",
            "  echo \"rigger is not on PATH: skipping 'rigger check .' (the checks above still ran)\"",
            "fi")
    }

    /// Checks that each Secret the operator named is in the namespace with every key the chart reads.
    private func addExistingSecretChecks(to script: inout ShellScript) {
        let existing = secrets.existing
        guard !existing.isEmpty else { return }
        script.variable("NAMESPACE", cluster.namespace)
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
            for (index, dataKey) in reference.dataKeys.enumerated() {
                let keyVariable = variable + "_KEY" + (reference.dataKeys.count > 1 ? "_\(index + 1)" : "")
                script.variable(keyVariable, dataKey)
                script.add("require_secret_key \"$\(variable)\" \"$\(keyVariable)\"")
            }
        }
    }
}
