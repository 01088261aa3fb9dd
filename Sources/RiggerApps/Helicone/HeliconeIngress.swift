import RiggerCore

/// The chart's four Ingresses (web, Kong API, worker proxy, Studio), each set through its
/// component's `ingress` values, and what each needs outside the chart.
enum HeliconeIngress {
    /// One of the chart's Ingresses.
    enum Route: String, CaseIterable, Sendable {
        case web, api, worker, studio

        /// The chart component whose Service the Ingress points at.
        var component: String {
            switch self {
            case .web: return "web"
            case .api: return "kong"
            case .worker: return "worker"
            case .studio: return "studio"
            }
        }

        /// The answer that holds the route's host.
        var hostKey: String {
            switch self {
            case .web: return "ingress.hostname"
            case .api: return "helicone.apiHostname"
            case .worker: return "helicone.workerHostname"
            case .studio: return "helicone.studioHostname"
            }
        }

        /// The label a host other than the web one defaults to, under the web host's domain.
        var derivedLabel: String? {
            HeliconeHosts.derivedLabels.first { $0.key == hostKey }?.label
        }

        /// What the host serves, for scripts and the README.
        var purpose: String {
            switch self {
            case .web: return "the dashboard"
            case .api: return "the Supabase API (sign-in, data)"
            case .worker: return "the proxy your apps send LLM requests through"
            case .studio: return "Supabase Studio, the database admin UI"
            }
        }
    }

    /// The routes served with these answers, each with its host, in a fixed order.
    static func served(_ plan: HeliconePlan) -> [(route: Route, host: String)] {
        guard let hosts = plan.hosts else { return [] }
        return [(.web, hosts.web), (.api, hosts.api), (.worker, hosts.worker)] + (hosts.studio.map { [(.studio, $0)] } ?? [])
    }

    static func host(_ plan: HeliconePlan, _ route: Route) -> String? {
        served(plan).first { $0.route == route }?.host
    }

    /// The global static IP of a route's Google load balancer: GKE makes one load balancer per
    /// Ingress, and an address serves one load balancer, so each Ingress has its own. The web
    /// route's is `ingress.staticIpName` itself, which the shared prerequisites reserve.
    static func staticIPName(_ plan: HeliconePlan, _ route: Route) -> String {
        let base = plan.ingress.staticIPName ?? "helicone"
        return route == .web ? base : "\(base)-\(route.rawValue)"
    }

    /// The GKE ManagedCertificate of a route: one per load balancer, for its one host.
    static func managedCertificateName(_ plan: HeliconePlan, _ route: Route) -> String { "\(plan.release)-\(route.rawValue)" }

    /// The Secret cert-manager writes a route's Let's Encrypt certificate into.
    static func letsencryptSecretName(_ plan: HeliconePlan, _ route: Route) -> String { "\(plan.release)-\(route.rawValue)-tls" }

    /// The ClusterIssuer the Let's Encrypt certificates come from.
    static func clusterIssuer(_ plan: HeliconePlan) -> String { IngressAddOns.clusterIssuerName(release: plan.release) }

    /// The `<component>.ingress` values for a route.
    static func values(_ plan: HeliconePlan, _ route: Route) -> YAMLTree {
        // With a Gateway, the bundle's HTTPRoutes serve the hosts (see HeliconeGateway): no Ingress.
        guard let host = host(plan, route), plan.ingress.type != .gateway else { return .map([("enabled", .bool(false))]) }
        let ingress = plan.ingress
        var values: [(String, YAMLTree)] = [("enabled", .bool(true))]
        switch ingress.type {
        case .traefik: values.append(("className", .string(TraefikAddOns.ingressClass)))
        case .nginx: values.append(("className", .string("nginx")))
        case .existing: values.append(("className", .string(ingress.className ?? "nginx")))
        case .gcpCLB, .gateway, .none: break
        }
        values.append(("annotations", .map(annotations(plan, route))))
        switch ingress.tls {
        case .letsencrypt:
            values.append(("tls", .list([.map([("secretName", .string(letsencryptSecretName(plan, route))), ("hosts", .list([.string(host)]))])])))
        case .secret:
            if let secret = ingress.tlsSecretName {
                values.append(("tls", .list([.map([("secretName", .string(secret)), ("hosts", .list([.string(host)]))])])))
            }
        case .gcpManaged, .gateway, .none:
            values.append(("tls", .list([])))
        }
        values.append(("hosts", .list([.map([
            ("host", .string(host)),
            ("paths", .list([.map([("path", .string("/")), ("pathType", .string("Prefix"))])])),
        ])])))
        return .map(values)
    }

    /// What the controller needs to know: GKE's class, address and certificate; cert-manager's
    /// issuer; and, for ingress-nginx, room for LLM requests and their streamed answers.
    private static func annotations(_ plan: HeliconePlan, _ route: Route) -> [(String, YAMLTree)] {
        var annotations: [(String, YAMLTree)] = []
        switch plan.ingress.type {
        case .gcpCLB:
            // GKE's controller is chosen by annotation: there is no IngressClass named gce.
            annotations.append(("kubernetes.io/ingress.class", .string("gce")))
            annotations.append(("kubernetes.io/ingress.global-static-ip-name", .string(staticIPName(plan, route))))
            if plan.ingress.tls == .gcpManaged {
                annotations.append(("networking.gke.io/managed-certificates", .string(managedCertificateName(plan, route))))
            }
        case .nginx:
            if plan.ingress.tls == .letsencrypt {
                annotations.append(("cert-manager.io/cluster-issuer", .string(clusterIssuer(plan))))
            }
            switch route {
            case .worker:
                // Prompts can be large, and answers stream for minutes: nginx's 1m body limit,
                // 60s timeouts and buffering would cut them.
                annotations += [
                    ("nginx.ingress.kubernetes.io/proxy-body-size", .string("50m")),
                    ("nginx.ingress.kubernetes.io/proxy-read-timeout", .string("600")),
                    ("nginx.ingress.kubernetes.io/proxy-send-timeout", .string("600")),
                    ("nginx.ingress.kubernetes.io/proxy-buffering", .string("off")),
                ]
            case .api:
                // Storage uploads go through the API up to FILE_SIZE_LIMIT (50 MB).
                annotations.append(("nginx.ingress.kubernetes.io/proxy-body-size", .string("50m")))
            case .web, .studio:
                break
            }
        case .traefik:
            // Traefik limits neither bodies nor how long an answer streams, and doesn't buffer it.
            if plan.ingress.tls == .letsencrypt {
                annotations.append(("cert-manager.io/cluster-issuer", .string(clusterIssuer(plan))))
            }
        case .existing, .gateway, .none:
            break
        }
        return annotations
    }
}
