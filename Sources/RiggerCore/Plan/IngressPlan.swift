/// The typed answers of the ingress step, which every app asks alike and maps onto its chart.
public struct IngressPlan: Sendable, Equatable {
    public enum Kind: String, Sendable { case gcpCLB = "gcp-clb", traefik, nginx, existing, gateway, none }
    /// `gateway`: the Gateway's own HTTPS listener terminates TLS, with its owner's certificate.
    public enum TLS: String, Sendable { case gcpManaged = "gcp-managed", letsencrypt, secret, gateway, none }

    public let type: Kind
    public let hostname: String?
    public let tls: TLS
    public let className: String?
    public let staticIPName: String?
    /// The GCP project the static IP is in; nil takes gcloud's configured one.
    public let gcpProject: String?
    public let letsencryptEmail: String?
    public let tlsSecretName: String?
    /// Whether the install brings its own cert-manager for Let's Encrypt (false without
    /// Let's Encrypt, or when the cluster already runs one).
    public let installCertManager: Bool
    /// The Gateway the app's HTTPRoutes attach to, with `ingress.type=gateway`.
    public let gateway: GatewayReference?

    /// Reads the common ingress answers (see `CommonQuestions.ingress`).
    public init(_ read: PlanReader) throws(PlanError) {
        type = try read.choice("ingress.type", as: Kind.self)
        hostname = read.optionalString("ingress.hostname")
        tls = type == .none ? .none : try read.choice("ingress.tls", as: TLS.self)
        className = read.optionalString("ingress.className")
        staticIPName = read.optionalString("ingress.staticIpName")
        gcpProject = read.optionalString("ingress.gcpProject").flatMap { $0.isEmpty ? nil : $0 }
        letsencryptEmail = read.optionalString("ingress.letsencryptEmail")
        tlsSecretName = read.optionalString("ingress.tlsSecretName")
        installCertManager = tls == .letsencrypt && (read.answers["ingress.installCertManager"]?.boolValue ?? true)
        gateway = type == .gateway ? try GatewayReference(read) : nil
    }

    /// The URL the app is reached at, when it has a hostname.
    public var siteURL: String? {
        hostname.map { (tls == .none ? "http://" : "https://") + $0 }
    }

    /// The hostname when there is an ingress to serve it.
    public var servedHostname: String? { type == .none ? nil : hostname }
}
