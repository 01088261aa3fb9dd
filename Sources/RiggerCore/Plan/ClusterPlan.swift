/// Where the cloud runs the cluster; presets and ingress choices follow it.
public enum Cloud: String, Sendable { case gcp, aws, other }

/// The typed answers of the cluster step, which every app asks alike.
public struct ClusterPlan: Sendable, Equatable {
    public let cloud: Cloud
    public let namespace: String
    public let release: String
    public let kubeContext: String?
    public let chartVersion: String
    public let imageTag: String
    public let storageClass: String?
    /// The cloud's secret store that holds the secrets; nil when Secret manifests do.
    public let secretStore: SecretStorePlan?

    /// Reads the common cluster answers (see `CommonQuestions.cluster`).
    public init(_ read: PlanReader) throws(PlanError) {
        cloud = try read.choice("cloud", as: Cloud.self)
        namespace = try read.string("namespace")
        release = try read.string("release")
        kubeContext = read.optionalString("kubeContext")
        chartVersion = try read.string("chart.version")
        imageTag = try read.string("image.tag")
        storageClass = read.optionalString("storageClass")
        secretStore = try SecretStorePlan.read(read, namespace: namespace, release: release)
    }
}
