import RiggerCore

/// PostHog's HTTPRoute with `ingress.type=gateway`, sending each path where the chart's own
/// Ingress sends it: the capture endpoints to the events Service, everything else to web. Both
/// Services listen on the chart's `service.externalPort`, which rigger leaves at its 8000.
enum PostHogGateway {
    /// The chart's default `service.externalPort`.
    static let servicePort = 8000
    /// The paths the chart's Ingress sends to the events Service (each as `/p` and `/p/...`,
    /// which one PathPrefix matches).
    static let eventPaths = ["/batch", "/capture", "/decide", "/e", "/engage", "/track", "/s"]

    static func routes(_ plan: PostHogPlan) -> [GatewayRoutes.Route] {
        guard let hostname = plan.ingress.servedHostname else { return [] }
        let fullname = PostHogValuesRenderer.chartFullname(release: plan.release)
        return [GatewayRoutes.Route(
            name: fullname, hostname: hostname,
            rules: [
                GatewayRoutes.Rule(backend: GatewayRoutes.Backend(service: "\(fullname)-web", port: servicePort)),
                GatewayRoutes.Rule(pathPrefixes: eventPaths, backend: GatewayRoutes.Backend(service: "\(fullname)-events", port: servicePort)),
            ])]
    }

    /// The README's lines on the Gateway: what serves the host, and what its owner must allow.
    static func readme(_ plan: PostHogPlan) -> [String] {
        guard plan.ingress.type == .gateway, let gateway = plan.ingress.gateway, let hostname = plan.ingress.servedHostname else { return [] }
        return [
            "## Gateway",
            "",
            "`\(hostname)` is served by the HTTPRoute in `\(GatewayRoutes.path)`, which `40-install.sh` applies after the chart (the chart "
                + "renders no Ingress): the capture paths go to the Service `\(PostHogValuesRenderer.chartFullname(release: plan.release))-events`, "
                + "the rest to `\(PostHogValuesRenderer.chartFullname(release: plan.release))-web`. "
                + GatewayRoutes.ownerRequirements(gateway, namespace: plan.namespace, hosts: [hostname], tls: plan.ingress.tls) + ". "
                + "`00-preflight.sh` checks the Gateway and its listeners; `50-verify.sh` waits until the Gateway accepts the route.",
            "",
        ]
    }
}
