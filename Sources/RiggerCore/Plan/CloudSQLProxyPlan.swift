/// The Cloud SQL Auth Proxy v2 a bundle runs in the namespace for an app that reaches Cloud SQL
/// through it: which instance, over which address, as which Google service account.
public struct CloudSQLProxyPlan: Sendable, Equatable {
    /// The instance connection name, PROJECT:REGION:INSTANCE.
    public let instance: String
    /// Whether the proxy dials the instance's private IP (`--private-ip`) rather than its public one.
    public let privateIP: Bool
    /// The Google service account (with `roles/cloudsql.client`) that the proxy's Kubernetes
    /// service account is bound to through Workload Identity.
    public let googleServiceAccount: String
    public let release: String
    public let namespace: String

    /// The port the proxy listens on in the pod and its Service: PostgreSQL's own.
    public static let port = 5432

    public init(_ read: PlanReader) throws(PlanError) {
        instance = try read.string("postgresql.cloudSQL.instance")
        privateIP = try read.bool("postgresql.cloudSQL.privateIP")
        googleServiceAccount = try read.string("postgresql.cloudSQL.serviceAccount")
        release = try read.string("release")
        namespace = try read.string("namespace")
    }

    /// The Deployment, Service and Kubernetes service account's name.
    public var serviceName: String { "\(release)-cloud-sql-proxy" }
    /// The Google project the instance is in (the part before REGION; a domain-scoped project keeps its domain).
    public var project: String {
        let parts = instance.split(separator: ":").map(String.init)
        return parts.dropLast(2).joined(separator: ":")
    }
}
