/// The Gateway API HTTPRoutes of `ingress.type=gateway`: one per host the app serves, attached
/// to the Gateway the answers name and sending each path to a Service of the app's chart. The
/// app says which Services and ports its chart renders (its `GatewayRoutes.Route`s); the core
/// writes the routes, applies them after the chart and checks the Gateway before the install.
///
/// The Gateway, its listeners and their certificates are its owner's: rigger neither writes nor
/// changes them, and installs no ingress controller or cert-manager for them.
public enum GatewayRoutes {
    /// The bundle file that holds the routes.
    public static let path = "manifests/httproutes.yaml"
    /// The API group and version of what rigger writes (the Gateway API's standard channel).
    public static let group = "gateway.networking.k8s.io"
    public static let apiVersion = "\(group)/v1"
    /// The CustomResourceDefinition that must serve `apiVersion` for the routes to apply.
    public static let httpRouteCRD = "httproutes.\(group)"
    /// What the routes file is, for a bundle README's list of files.
    public static let filePurpose = "the Gateway API `HTTPRoute`s that attach the app's hosts to the Gateway, applied by `40-install.sh` after the chart"

    /// A Service port of the app's chart that a route sends traffic to.
    public struct Backend: Sendable, Equatable {
        public let service: String
        public let port: Int

        public init(service: String, port: Int) {
            self.service = service
            self.port = port
        }
    }

    /// The requests whose path starts with one of `pathPrefixes` (whole path segments, as Gateway
    /// API's PathPrefix matches) go to `backend`; `["/"]` takes every request.
    public struct Rule: Sendable, Equatable {
        public let pathPrefixes: [String]
        public let backend: Backend

        public init(pathPrefixes: [String] = ["/"], backend: Backend) {
            self.pathPrefixes = pathPrefixes
            self.backend = backend
        }
    }

    /// One HTTPRoute: its name, the host it serves and its rules. A request matches the rule
    /// with the longest matching prefix, whatever their order.
    public struct Route: Sendable, Equatable {
        public let name: String
        public let hostname: String
        public let rules: [Rule]

        public init(name: String, hostname: String, rules: [Rule]) {
            self.name = name
            self.hostname = hostname
            self.rules = rules
        }
    }

    /// The HTTPRoutes as YAML documents, in the app's namespace, with the app's `labels`.
    public static func documents(_ routes: [Route], gateway: GatewayReference, namespace: String, labels: YAMLTree) -> [YAMLTree] {
        var parent: [(String, YAMLTree)] = [
            ("group", .string(group)), ("kind", .string("Gateway")),
            ("namespace", .string(gateway.namespace)), ("name", .string(gateway.name)),
        ]
        if let section = gateway.sectionName { parent.append(("sectionName", .string(section))) }
        return routes.map { route in
            .map([
                ("apiVersion", .string(apiVersion)),
                ("kind", .string("HTTPRoute")),
                ("metadata", .map([("name", .string(route.name)), ("namespace", .string(namespace)), ("labels", labels)])),
                ("spec", .map([
                    ("parentRefs", .list([.map(parent)])),
                    ("hostnames", .list([.string(route.hostname)])),
                    ("rules", .list(route.rules.map { rule in
                        .map([
                            ("matches", .list(rule.pathPrefixes.map { prefix in
                                .map([("path", .map([("type", .string("PathPrefix")), ("value", .string(prefix))]))])
                            })),
                            ("backendRefs", .list([.map([("name", .string(rule.backend.service)), ("port", .int(rule.backend.port))])])),
                        ])
                    })),
                ])),
            ])
        }
    }

    /// The routes file of a bundle, or nil when the ingress is no Gateway's.
    public static func file(_ routes: [Route], ingress: IngressPlan, namespace: String, labels: YAMLTree) throws -> BundleFile? {
        guard ingress.type == .gateway, let gateway = ingress.gateway, !routes.isEmpty else { return nil }
        return try BundleFile.manifest(path: path, documents: documents(routes, gateway: gateway, namespace: namespace, labels: labels))
    }

    /// What the Gateway's owner must allow, for the review and the README: a listener for each
    /// host and routes from the app's namespace; TLS is the Gateway's.
    public static func ownerRequirements(_ gateway: GatewayReference, namespace: String, hosts: [String], tls: IngressPlan.TLS) -> String {
        let listener = tls == .none ? "an HTTP listener" : "an HTTPS listener with a certificate"
        let section = gateway.sectionName.map { " (listener \($0))" } ?? ""
        let from = gateway.namespace == namespace
            ? "allowedRoutes.namespaces.from Same (the default), All, or a Selector that matches namespace \(namespace)"
            : "allowedRoutes.namespaces.from All, or a Selector that matches namespace \(namespace)"
        return "TLS belongs to the Gateway \(gateway.namespace)/\(gateway.name)\(section): rigger installs no ingress controller "
            + "and no cert-manager for it. Its owner must give it \(listener) for \(hosts.joined(separator: ", ")) and let HTTPRoutes "
            + "attach from namespace \(namespace): \(from)"
    }

    /// Every host name the answers serve: each DNS name the ingress step asks that applies.
    public static func servedHosts(_ answers: ResolvedAnswers, catalog: QuestionCatalog) -> [String] {
        let lookup = answers.lookup
        return catalog.questions.compactMap { question -> String? in
            guard question.step == .ingress, case .text(.dnsName) = question.kind, question.appliesWhen.holds(lookup) else { return nil }
            return answers[question.key]?.description
        }
    }

    /// Whether a listener's `hostname` takes routes for `host`: any host without one, the same
    /// name, or with a wildcard (`*.example.com`) any name under it (not example.com itself).
    public static func listener(hostname: String?, serves host: String) -> Bool {
        guard let hostname, !hostname.isEmpty else { return true }
        guard hostname.hasPrefix("*.") else { return hostname == host }
        let suffix = hostname.dropFirst()
        return host.hasSuffix(suffix) && host.count > suffix.count
    }

    /// The review's and `generate`'s line on what the Gateway's owner must allow, with
    /// `ingress.type=gateway`: the hosts are every DNS name the ingress step's answers serve.
    public static func warnings(_ answers: ResolvedAnswers, catalog: QuestionCatalog) -> [String] {
        guard answers["ingress.type"]?.description == "gateway",
            let name = answers["ingress.gateway.name"]?.description, let namespace = answers["ingress.gateway.namespace"]?.description,
            let appNamespace = answers["namespace"]?.description
        else { return [] }
        let hosts = servedHosts(answers, catalog: catalog)
        let section = answers["ingress.gateway.sectionName"].map(\.description).flatMap { $0.isEmpty ? nil : $0 }
        let tls: IngressPlan.TLS = answers["ingress.tls"]?.description == "none" ? .none : .gateway
        return [ownerRequirements(
            GatewayReference(name: name, namespace: namespace, sectionName: section), namespace: appNamespace, hosts: hosts, tls: tls)]
    }
}
