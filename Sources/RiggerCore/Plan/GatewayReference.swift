/// The Gateway API Gateway an app's HTTPRoutes attach to (`ingress.type=gateway`).
public struct GatewayReference: Sendable, Equatable {
    public let name: String
    public let namespace: String
    /// One listener of the Gateway; nil attaches to every listener that matches the host.
    public let sectionName: String?

    public init(name: String, namespace: String, sectionName: String?) {
        self.name = name
        self.namespace = namespace
        self.sectionName = sectionName
    }

    /// Reads `ingress.gateway.*` (see `CommonQuestions.gateway`).
    init(_ read: PlanReader) throws(PlanError) {
        name = try read.string("ingress.gateway.name")
        namespace = try read.string("ingress.gateway.namespace")
        sectionName = read.optionalString("ingress.gateway.sectionName").flatMap { $0.isEmpty ? nil : $0 }
    }

    /// "namespace/name", with the listener when one is named.
    public var description: String { "\(namespace)/\(name)" + (sectionName.map { " (listener \($0))" } ?? "") }
}
