/// A Helm chart a bundle's 30-prerequisites.sh installs before the app's own when the cluster
/// lacks what it provides (an ingress controller, cert-manager, a database operator), pinned to
/// one version.
public struct ClusterAddOn: Sendable, Equatable {
    public let name: String
    public let repositoryURL: String
    public let version: String
    /// The release and namespace it is installed as.
    public let release: String
    public let namespace: String
    /// The images it runs, as that chart version pins them, for the README.
    public let images: [String]

    public init(name: String, repositoryURL: String, version: String, release: String, namespace: String, images: [String]) {
        self.name = name
        self.repositoryURL = repositoryURL
        self.version = version
        self.release = release
        self.namespace = namespace
        self.images = images
    }

    /// The release as the cluster probe knows it, so that a re-probe takes it for the bundle's own.
    public var owner: HelmOwner { HelmOwner(release: release, namespace: namespace) }

    /// ingress-nginx's last release: the project was retired in March 2026 (see ImageRegistryNotice).
    public static let ingressNginx = ClusterAddOn(
        name: "ingress-nginx", repositoryURL: "https://kubernetes.github.io/ingress-nginx", version: "4.15.1",
        release: "ingress-nginx", namespace: "ingress-nginx", images: ["registry.k8s.io/ingress-nginx/controller:v1.15.1"])

    /// cert-manager, from its own Helm repository; the chart's version is the app's.
    public static let certManager = ClusterAddOn(
        name: "cert-manager", repositoryURL: "https://charts.jetstack.io", version: "v1.20.2",
        release: "cert-manager", namespace: "cert-manager",
        images: ["controller", "webhook", "cainjector", "startupapicheck", "acmesolver"].map { "quay.io/jetstack/cert-manager-\($0):v1.20.2" })
}
