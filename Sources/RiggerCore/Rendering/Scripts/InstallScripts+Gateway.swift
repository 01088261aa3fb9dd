extension InstallScripts {
    /// With `ingress.type=gateway`, 00-preflight.sh checks that the cluster serves HTTPRoutes of
    /// `gateway.networking.k8s.io/v1`, that the Gateway exists, and that a listener of it (the one
    /// named, if one is) admits routes from the app's namespace: `All` does, `Same` only from the
    /// Gateway's own namespace; a `Selector` matches labels rigger does not evaluate, which it says.
    func gatewayPreflight() -> ScriptSection? {
        guard ingress.type == .gateway, let gateway = ingress.gateway else { return nil }
        return ScriptSection(
            variables: [
                ("NAMESPACE", cluster.namespace), ("GATEWAY_NAME", gateway.name), ("GATEWAY_NAMESPACE", gateway.namespace),
                ("GATEWAY_LISTENER", gateway.sectionName ?? ""),
            ],
            lines: [
                "",
                "# The HTTPRoutes attach to the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME, which its owner runs with its listeners and certificates.",
                "served=\"$(kube get crd \(GatewayRoutes.httpRouteCRD) -o jsonpath='{.spec.versions[?(@.name==\"v1\")].served}' 2>/dev/null || true)\"",
                "[ \"$served\" = \"true\" ] || fail \"the cluster does not serve Gateway API HTTPRoutes (\(GatewayRoutes.apiVersion)); install the Gateway API CRDs (v1.0 or later) and a Gateway controller, or regenerate with another ingress.type\"",
                "echo \"Gateway API HTTPRoutes (\(GatewayRoutes.apiVersion)) are served\"",
                "kube get gateway --namespace \"$GATEWAY_NAMESPACE\" \"$GATEWAY_NAME\" >/dev/null 2>&1 \\",
                "  || fail \"the Gateway $GATEWAY_NAME is not in namespace $GATEWAY_NAMESPACE; 'kubectl get gateways --all-namespaces' lists those there are\"",
                "listeners=\"$(kube get gateway --namespace \"$GATEWAY_NAMESPACE\" \"$GATEWAY_NAME\" -o jsonpath='{range .spec.listeners[*]}{.name}{\" \"}{.allowedRoutes.namespaces.from}{\"\\n\"}{end}')\" \\",
                "  || fail \"could not read the listeners of the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME\"",
                "admitting=\"\"",
                "selecting=\"\"",
                "named=\"\"",
                "while read -r listener from; do",
                "  [ -n \"$listener\" ] || continue",
                "  if [ -n \"$GATEWAY_LISTENER\" ] && [ \"$listener\" != \"$GATEWAY_LISTENER\" ]; then continue; fi",
                "  named=\"$named $listener\"",
                "  # A listener without allowedRoutes admits routes from its own namespace only (Same).",
                "  case \"${from:-Same}\" in",
                "    All) admitting=\"$admitting $listener\" ;;",
                "    Same) if [ \"$GATEWAY_NAMESPACE\" = \"$NAMESPACE\" ]; then admitting=\"$admitting $listener\"; fi ;;",
                "    Selector) selecting=\"$selecting $listener\" ;;",
                "  esac",
                "done <<<\"$listeners\"",
                "if [ -n \"$GATEWAY_LISTENER\" ] && [ -z \"$named\" ]; then",
                "  fail \"the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME has no listener $GATEWAY_LISTENER; 'kubectl get gateway --namespace $GATEWAY_NAMESPACE $GATEWAY_NAME -o yaml' shows its listeners\"",
                "fi",
                "if [ -n \"$admitting\" ]; then",
                "  echo \"the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME admits HTTPRoutes from namespace $NAMESPACE (listeners:$admitting)\"",
                "elif [ -n \"$selecting\" ]; then",
                "  echo \"warning: listeners$selecting of the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME admit routes from the namespaces a label selector matches; rigger can't tell whether namespace $NAMESPACE is one: compare 'kubectl get gateway --namespace $GATEWAY_NAMESPACE $GATEWAY_NAME -o yaml' with 'kubectl get namespace $NAMESPACE --show-labels' (50-verify.sh says whether the routes were accepted)\" >&2",
                "else",
                "  fail \"no listener of the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME admits HTTPRoutes from namespace $NAMESPACE; its owner must set allowedRoutes.namespaces.from to All, or to a Selector that matches the namespace\"",
                "fi",
            ])
    }

    /// With `ingress.type=gateway`, 40-install.sh applies the HTTPRoutes once the chart is
    /// installed: they send traffic to the chart's Services, which then exist and are ready.
    func gatewayApply() -> [String] {
        guard ingress.type == .gateway else { return [] }
        return [
            "",
            "# The HTTPRoutes go after the chart: they send the hosts' traffic to its Services, now ready.",
            "kube apply --namespace \"$NAMESPACE\" -f \(GatewayRoutes.path) || fail \"could not apply \(GatewayRoutes.path)\"",
        ]
    }

    /// With `ingress.type=gateway`, 50-verify.sh waits for the Gateway to accept every route, then
    /// shows the Gateway's address and the DNS record each route's host needs.
    func gatewayVerify() -> ScriptSection? {
        guard ingress.type == .gateway, let gateway = ingress.gateway else { return nil }
        return ScriptSection(
            variables: [("GATEWAY_NAME", gateway.name), ("GATEWAY_NAMESPACE", gateway.namespace)],
            lines: [
                "",
                "# Each HTTPRoute is accepted once a listener of the Gateway admits it.",
                "routes=\"$(kube get --namespace \"$NAMESPACE\" -f \(GatewayRoutes.path) -o name)\" || fail \"could not read the HTTPRoutes of \(GatewayRoutes.path); run ./install.sh --from 40\"",
                "for route in $routes; do",
                "  accepted=\"\"",
                "  for _ in $(seq 1 30); do",
                "    accepted=\"$(kube get --namespace \"$NAMESPACE\" \"$route\" -o jsonpath='{.status.parents[*].conditions[?(@.type==\"Accepted\")].status}' 2>/dev/null || true)\"",
                "    case \"$accepted\" in *True*) break ;; esac",
                "    sleep 10",
                "  done",
                "  case \"$accepted\" in",
                "    *True*) echo \"$route is accepted by the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME\" ;;",
                "    *) fail \"the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME has not accepted $route after 5 minutes; see: kubectl describe --namespace $NAMESPACE $route\" ;;",
                "  esac",
                "done",
                "address=\"$(kube get gateway --namespace \"$GATEWAY_NAMESPACE\" \"$GATEWAY_NAME\" -o jsonpath='{.status.addresses[0].value}' 2>/dev/null || true)\"",
                "[ -n \"$address\" ] || fail \"the Gateway $GATEWAY_NAMESPACE/$GATEWAY_NAME has no address yet; see: kubectl describe gateway --namespace $GATEWAY_NAMESPACE $GATEWAY_NAME\"",
                "case \"$address\" in",
                "  *[!0-9.]*) record=\"CNAME\" ;;",
                "  *) record=\"A\" ;;",
                "esac",
                "echo \"The Gateway's address is $address. Create (or check) these DNS records:\"",
                "for route in $routes; do",
                "  for host in $(kube get --namespace \"$NAMESPACE\" \"$route\" -o jsonpath='{.spec.hostnames[*]}'); do",
                "    echo \"  $host  $record  $address\"",
                "  done",
                "done",
            ])
    }
}
