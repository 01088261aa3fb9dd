extension ClusterRules {
    /// With `ingress.type=gateway`: the cluster's Gateways are offered for `ingress.gateway.name`
    /// (and their namespaces for `ingress.gateway.namespace`), and what 00-preflight.sh would stop
    /// at is said first: HTTPRoutes not served, no such Gateway or listener, or no listener that
    /// admits routes from the namespace. A listener that admits by label selector is one rigger
    /// can't judge: said, never a conflict.
    mutating func gateways() {
        let nameKey = "ingress.gateway.name", namespaceKey = "ingress.gateway.namespace", listenerKey = "ingress.gateway.sectionName"
        guard text("ingress.type") == "gateway" else { return }
        note(facts.gatewayAPI, "Gateways", keys: [nameKey])
        guard let api = facts.gatewayAPI?.value else { return }
        guard api.servesHTTPRoutes else {
            warn("ingress.type", "the cluster does not serve Gateway API HTTPRoutes (\(GatewayRoutes.apiVersion)): install the Gateway API CRDs and a Gateway controller, or choose another ingress.type")
            return
        }
        field(nameKey) { field in
            field.choices = api.gateways.map { ClusterChoice($0.name, detail: "namespace \($0.namespace), class \($0.className)") }
        }
        var namespaces: [String] = []
        for gateway in api.gateways where !namespaces.contains(gateway.namespace) { namespaces.append(gateway.namespace) }
        field(namespaceKey) { $0.choices = namespaces.map { ClusterChoice($0) } }
        guard let name = text(nameKey), let namespace = text(namespaceKey) else { return }
        guard let gateway = api.gateways.first(where: { $0.name == name && $0.namespace == namespace }) else {
            warn(nameKey, "the cluster has no Gateway \(name) in namespace \(namespace); it has \(Self.list(api.gateways.map { "\($0.namespace)/\($0.name)" }))")
            return
        }
        var listeners = gateway.listeners
        if let section = text(listenerKey), !section.isEmpty {
            listeners = listeners.filter { $0.name == section }
            guard !listeners.isEmpty else {
                warn(listenerKey, "the Gateway \(namespace)/\(name) has no listener \(section); it has \(Self.list(gateway.listeners.map(\.name)))")
                return
            }
        }
        let appNamespace = facts.target.namespace
        let admitting = listeners.filter { $0.admits == .all || ($0.admits == .same && namespace == appNamespace) }
        let selecting = listeners.filter { $0.admits == .selector }
        let described = "the Gateway \(namespace)/\(name) (class \(gateway.className))"
        if !admitting.isEmpty {
            field(nameKey) { $0.info = "\(described) admits HTTPRoutes from namespace \(appNamespace) (listeners \(admitting.map(\.name).joined(separator: ", ")))" }
            // A route attaches only to a listener whose hostname takes the route's host.
            let unserved = GatewayRoutes.servedHosts(answers, catalog: app.catalog).filter { host in
                !admitting.contains { GatewayRoutes.listener(hostname: $0.hostname, serves: host) }
            }
            if !unserved.isEmpty {
                warn(
                    nameKey,
                    "no listener of \(described) that admits the routes takes \(unserved.joined(separator: ", ")) (their hostnames: "
                        + "\(admitting.map { "\($0.name) \($0.hostname ?? "any")" }.joined(separator: ", "))); its owner must add a listener for "
                        + (unserved.count == 1 ? "it" : "them"))
            }
        } else if !selecting.isEmpty {
            warn(
                nameKey,
                "listeners \(selecting.map(\.name).joined(separator: ", ")) of \(described) admit routes from the namespaces a label selector matches; "
                    + "rigger can't tell whether namespace \(appNamespace) is one (50-verify.sh says whether the routes were accepted)",
                conflict: false)
        } else {
            warn(
                nameKey,
                "no listener of \(described) admits HTTPRoutes from namespace \(appNamespace) (they admit from: "
                    + "\(listeners.map { "\($0.name) \($0.admits.rawValue)" }.joined(separator: ", "))); its owner must set allowedRoutes.namespaces.from "
                    + "to All, or to a Selector that matches the namespace")
        }
    }
}
