extension InstallScripts {
    /// 30-prerequisites.sh: what the ingress choices need before the chart (the GKE static IP, the
    /// TLS Secret, the existing IngressClass), then the app's own `sections`, then `reminders` of
    /// what the managed services must offer, which rigger can't check from here.
    public func prerequisites(sections: [ScriptSection], reminders: [String]) -> ShellScript {
        var script = script("30-prerequisites", "Prepares what the choices need before the chart: addresses, certificates, classes.")
        var didSomething = false
        if ingress.type == .gcpCLB, let ipName = ingress.staticIPName {
            didSomething = true
            script.variable("STATIC_IP_NAME", ipName)
            script.variable("SITE_HOST", ingress.hostname ?? "")
            script.variable("GCP_PROJECT", ingress.gcpProject ?? "")
            script.add(
                "",
                "# The Google load balancer takes a global static IP by name; it must exist before the Ingress.",
                "command -v gcloud >/dev/null 2>&1 || fail \"gcloud is not on PATH; reserve the address yourself with: gcloud compute addresses create '$STATIC_IP_NAME' --global\"",
                "# Empty: gcloud's configured project. Either way it is named before anything is created in it,",
                "# and the app's own gcloud calls below take the same GCP_PROJECT.",
                "if [ -z \"$GCP_PROJECT\" ]; then",
                "  GCP_PROJECT=\"$(gcloud config get-value project 2>/dev/null || true)\"",
                "  [ -n \"$GCP_PROJECT\" ] || fail \"gcloud has no project configured; regenerate with --set ingress.gcpProject=PROJECT_ID, or run: gcloud config set project PROJECT_ID\"",
                "  echo \"GCP project: $GCP_PROJECT (gcloud's configured project; set ingress.gcpProject to pin another)\"",
                "else",
                "  echo \"GCP project: $GCP_PROJECT (ingress.gcpProject)\"",
                "fi",
                "if gcloud --project \"$GCP_PROJECT\" compute addresses describe \"$STATIC_IP_NAME\" --global >/dev/null 2>&1; then",
                "  echo \"global static IP $STATIC_IP_NAME exists in project $GCP_PROJECT\"",
                "else",
                "  echo \"reserving the global static IP $STATIC_IP_NAME in project $GCP_PROJECT\"",
                "  gcloud --project \"$GCP_PROJECT\" compute addresses create \"$STATIC_IP_NAME\" --global || fail \"could not reserve the global static IP $STATIC_IP_NAME in project $GCP_PROJECT\"",
                "fi",
                "address=\"$(gcloud --project \"$GCP_PROJECT\" compute addresses describe \"$STATIC_IP_NAME\" --global --format='value(address)')\"",
                "echo \"Create this DNS record now (the Google-managed certificate is issued only once it resolves):\"",
                "echo \"  $SITE_HOST  A  $address\"")
        }
        if ingress.tls == .secret, let secretName = ingress.tlsSecretName {
            didSomething = true
            script.variable("NAMESPACE", cluster.namespace)
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
        for section in sections {
            didSomething = true
            section.append(to: &script)
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
}
