extension InstallScripts {
    /// 00-preflight.sh's check of what the install uses from the cluster rather than installs: the
    /// ingress-nginx behind the IngressClass the Ingress names, and cert-manager, by the version
    /// their objects are labelled with, against the advisories rigger knows. `rigger check`, `generate
    /// --probe` and the wizard say the same (`ClusterRules`). It warns rather than stops: the fix
    /// is an upgrade of a release the bundle doesn't own.
    func addClusterAdvisoryChecks(to script: inout ShellScript) {
        let className: String?
        switch ingress.type {
        case .nginx: className = IngressAddOns.ingressClass
        case .existing: className = ingress.className
        case .traefik, .gcpCLB, .gateway, .none: className = nil
        }
        let checksCertManager = ingress.tls == .letsencrypt
        guard className != nil || checksCertManager else { return }
        let table = AdvisoryTable(SecurityAdvisories.shared)
        script.add(
            "",
            "# What the install uses from the cluster, against the advisories rigger knows (its table as of \(SecurityAdvisories.reviewed)):",
            "# a warning, since the fix is an upgrade of that release.",
            "version_before() {",
            "  [ \"$1\" != \"$2\" ] && [ \"$(printf '%s\\n%s\\n' \"$1\" \"$2\" | sort -V | head -n 1)\" = \"$1\" ]",
            "}",
            "advise() {",
            "  # WHAT VERSION INTRODUCED FIXED ADVISORY: warns when VERSION is from INTRODUCED (or any) up to FIXED.",
            "  if [ -n \"$3\" ] && version_before \"${2#v}\" \"${3#v}\"; then return 0; fi",
            "  if version_before \"${2#v}\" \"${4#v}\"; then printf 'warning: %s runs %s: %s\\n' \"$1\" \"$2\" \"$5\" >&2; fi",
            "  return 0",
            "}")
        if let className {
            script.variable("INGRESS_CLASS_USED", className)
            script.add(
                "ingress_controller=\"$(kube get ingressclass \"$INGRESS_CLASS_USED\" -o jsonpath='{.spec.controller}' 2>/dev/null || true)\"",
                "ingress_version=\"$(kube get ingressclass \"$INGRESS_CLASS_USED\" -o jsonpath='{.metadata.labels.app\\.kubernetes\\.io/version}' 2>/dev/null || true)\"",
                "if [ \"$ingress_controller\" = '\(IngressClassFact.ingressNginxController)' ] && [ -n \"$ingress_version\" ]; then",
                "  echo \"the IngressClass $INGRESS_CLASS_USED is served by ingress-nginx $ingress_version\"")
            script.add(advise("the ingress-nginx of IngressClass $INGRESS_CLASS_USED", version: "$ingress_version", SecurityAdvisories.ingressNginx, table))
            script.add("fi")
        }
        if checksCertManager {
            script.add(
                "cert_manager_version=\"$(kube get crd certificates.cert-manager.io -o jsonpath='{.metadata.labels.app\\.kubernetes\\.io/version}' 2>/dev/null || true)\"",
                "if [ -n \"$cert_manager_version\" ]; then",
                "  echo \"cert-manager $cert_manager_version is installed\"")
            script.add(advise("cert-manager", version: "$cert_manager_version", SecurityAdvisories.certManager, table))
            script.add("fi")
        }
    }

    /// Each advisory of the component as its text, then one `advise` line per stretch it affects.
    private func advise(_ what: String, version: String, _ component: AdvisoryComponent, _ table: AdvisoryTable) -> [String] {
        table.advisories.filter { $0.component == component }.flatMap { advisory in
            ["  advisory=" + ShellQuote.quote("\(advisory.label): \(advisory.impact); fixed in \(advisory.fixedText)")]
                + advisory.affected.map { stretch in
                    "  advise \"\(what)\" \"\(version)\" \(ShellQuote.quote(stretch.introduced ?? "")) \(ShellQuote.quote(stretch.fixed)) \"$advisory\""
                }
        }
    }
}
