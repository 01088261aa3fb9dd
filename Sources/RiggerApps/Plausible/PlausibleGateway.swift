import RiggerCore

/// Plausible's HTTPRoute with `ingress.type=gateway`: the chart's one Service (named by
/// `fullnameOverride`, port `service.port`) serves every path of the host.
enum PlausibleGateway {
    static func routes(_ plan: PlausiblePlan) -> [GatewayRoutes.Route] {
        guard let hostname = plan.ingress.servedHostname else { return [] }
        let service = PlausibleNames.app(plan.release)
        return [GatewayRoutes.Route(
            name: service, hostname: hostname,
            rules: [GatewayRoutes.Rule(backend: GatewayRoutes.Backend(service: service, port: PlausibleNames.httpPort))])]
    }
}
