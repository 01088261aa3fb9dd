extension InstallScripts {
    /// 50-verify.sh: waits for every rollout, then shows the address, the DNS record to create and
    /// the certificate's state; without an ingress, the port-forward that reaches the app through
    /// `webService` on `webPort`. `managedCertificate` names the GKE ManagedCertificate, if any.
    /// `extra` are the app's own lines (more hosts, more port-forwards), shown after the site's.
    /// On `*.localhost` hosts no DNS record is made: `localController` is the ingress controller's
    /// Service a port-forward reaches instead (nil: the operator's own controller).
    public func verify(
        webService: String, webPort: Int, managedCertificate: String?, extra: [ScriptSection] = [],
        localController: LocalhostAccess.Controller? = nil
    ) -> ShellScript {
        let local = ingress.type != .gateway && ingress.servedHostname.map(LocalhostAccess.isLocalhost) ?? false
        let shows = local ? LocalhostAccess.verifySummary : "the address and the DNS record to create"
        var script = script("50-verify", "Waits for every rollout, then shows \(shows).")
        script.variable("NAMESPACE", cluster.namespace)
        script.add(
            "",
            "kube get deployments,statefulsets --namespace \"$NAMESPACE\" -o name | while read -r workload; do",
            "  kube rollout status --namespace \"$NAMESPACE\" \"$workload\" --timeout=15m || fail \"$workload did not finish rolling out\"",
            "done")
        guard let hostname = ingress.servedHostname, let siteURL = ingress.siteURL else {
            script.variable("WEB_SERVICE", webService)
            script.add(
                "echo \"\(appTitle) is running. It has no ingress; reach it with:\"",
                "echo \"  kubectl port-forward --namespace $NAMESPACE svc/$WEB_SERVICE \(webPort):\(webPort)\"")
            for section in extra { section.append(to: &script) }
            return script
        }
        if let gateway = gatewayVerify() {
            // The Gateway has the one address of every host; its owner's listeners serve them.
            gateway.append(to: &script)
            for section in extra { section.append(to: &script) }
            script.variable("SITE_URL", siteURL)
            script.add("echo \"Then open $SITE_URL\"")
            return script
        }
        if LocalhostAccess.isLocalhost(hostname) {
            script.variable("SITE_URL", siteURL)
            script.add(LocalhostAccess.verifyLines(controller: localController))
            for section in extra { section.append(to: &script) }
            script.add("echo \"Then open $SITE_URL\"")
            return script
        }
        script.variable("SITE_HOST", hostname)
        script.variable("SITE_URL", siteURL)
        script.add(
            "address=\"\"",
            "# The Ingress that serves the site's host: an app may have more, each with an address of its own.",
            "site=\"{.items[?(@.spec.rules[0].host==\\\"$SITE_HOST\\\")].status.loadBalancer.ingress[0]\"",
            "for _ in $(seq 1 60); do",
            "  address=\"$(kube get ingress --namespace \"$NAMESPACE\" -o jsonpath=\"${site}.ip}${site}.hostname}\" 2>/dev/null || true)\"",
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
        for section in extra { section.append(to: &script) }
        switch ingress.tls {
        case .gcpManaged:
            if let managedCertificate {
                script.variable("MANAGED_CERTIFICATE", managedCertificate)
                script.add(
                    "echo \"Google-managed certificate (Active once DNS resolves; it can take up to an hour):\"",
                    "kube get managedcertificate --namespace \"$NAMESPACE\" \"$MANAGED_CERTIFICATE\" -o jsonpath='{.status.certificateStatus}{\"\\n\"}' || true")
            }
        case .letsencrypt:
            script.add(
                "echo \"Let's Encrypt certificate (Ready once DNS resolves):\"",
                "kube get certificate --namespace \"$NAMESPACE\" 2>/dev/null || true")
        case .secret, .gateway, .none:
            break
        }
        script.add("echo \"Then open $SITE_URL\"")
        return script
    }
}
