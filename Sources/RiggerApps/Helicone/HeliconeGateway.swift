import RiggerCore

/// Helicone's HTTPRoutes with `ingress.type=gateway`: one per host it serves (the dashboard,
/// Kong's API, the worker proxy and, when on, Studio), each to the Service and port the chart
/// renders for that component, where its own Ingress would send it.
enum HeliconeGateway {
    static func routes(_ plan: HeliconePlan) -> [GatewayRoutes.Route] {
        HeliconeIngress.served(plan).map { route, host in
            let service = HeliconeChart.fullname(release: plan.release, component: route.component)
            return GatewayRoutes.Route(
                name: service, hostname: host,
                rules: [GatewayRoutes.Rule(backend: GatewayRoutes.Backend(service: service, port: port(route)))])
        }
    }

    /// The port of a route's Service, as the chart's Ingress for it names it.
    static func port(_ route: HeliconeIngress.Route) -> Int {
        switch route {
        case .web: return HeliconeChart.webPort
        case .api: return HeliconeChart.kongPort
        case .worker: return HeliconeChart.workerPort
        case .studio: return HeliconeChart.studioPort
        }
    }

    /// The README's lines on the Gateway: what serves the hosts, and what its owner must allow.
    static func readme(_ plan: HeliconePlan) -> [String] {
        guard plan.ingress.type == .gateway, let gateway = plan.ingress.gateway else { return [] }
        let hosts = HeliconeIngress.served(plan).map(\.host)
        return [
            "- Every host is served by an HTTPRoute of `\(GatewayRoutes.path)`, which `40-install.sh` applies after the chart (the chart "
                + "renders no Ingress). " + GatewayRoutes.ownerRequirements(gateway, namespace: plan.namespace, hosts: hosts, tls: plan.ingress.tls)
                + ". The proxy's answers stream for minutes: the Gateway's request timeout, if its implementation sets one, must allow it.",
        ]
    }
}
