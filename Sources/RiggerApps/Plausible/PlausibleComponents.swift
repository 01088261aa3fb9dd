import RiggerCore

/// What a Plausible bundle runs besides the app's chart, each pinned to one version: the
/// database images rigger's manifests name, and the charts 30-prerequisites.sh installs when
/// the cluster lacks them.
enum PlausibleComponents {
    /// A chart 30-prerequisites.sh installs unless the cluster already runs what it provides.
    struct Chart: Sendable {
        let name: String
        let repositoryURL: String
        let version: String
        /// The release and namespace it is installed as.
        let release: String
        let namespace: String
        /// The images it runs, as that chart version pins them, for the README.
        let images: [String]
    }

    /// PostgreSQL 17 as CloudNativePG builds it: PostgreSQL and its contrib modules only
    /// (the "minimal" flavour), on Debian trixie. Plausible's own compose file runs 16; the
    /// IMIO chart's subchart 17.
    static let postgresqlImage = "ghcr.io/cloudnative-pg/postgresql:17.11-minimal-trixie"

    /// The ClickHouse release Plausible CE v3 is built and tested against (its compose file
    /// pins 24.12), at the last patch of that line.
    static let clickhouseImage = "clickhouse/clickhouse-server:24.12.6.70-alpine"

    /// The CloudNativePG operator. The chart supports only the operator's newest point release,
    /// so the chart version pins the operator; its image is named explicitly too.
    static let cloudNativePG = Chart(
        name: "cloudnative-pg", repositoryURL: "https://cloudnative-pg.github.io/charts", version: "0.29.0",
        release: "cnpg", namespace: "cnpg-system", images: [cloudNativePGOperatorImage])
    static let cloudNativePGOperatorRepository = "ghcr.io/cloudnative-pg/cloudnative-pg"
    static let cloudNativePGOperatorTag = "1.30.0"
    static var cloudNativePGOperatorImage: String { "\(cloudNativePGOperatorRepository):\(cloudNativePGOperatorTag)" }
    /// The oldest Kubernetes minor version that CloudNativePG chart accepts (its kubeVersion).
    static let cloudNativePGMinimumKubernetesMinor = 29

    /// ingress-nginx's last release: the project was retired in March 2026 (see ImageRegistryNotice).
    static let ingressNginx = Chart(
        name: "ingress-nginx", repositoryURL: "https://kubernetes.github.io/ingress-nginx", version: "4.15.1",
        release: "ingress-nginx", namespace: "ingress-nginx", images: ["registry.k8s.io/ingress-nginx/controller:v1.15.1"])

    /// cert-manager, from its own Helm repository; the chart's version is the app's.
    static let certManager = Chart(
        name: "cert-manager", repositoryURL: "https://charts.jetstack.io", version: "v1.20.2",
        release: "cert-manager", namespace: "cert-manager",
        images: ["controller", "webhook", "cainjector", "startupapicheck", "acmesolver"].map { "quay.io/jetstack/cert-manager-\($0):v1.20.2" })

    /// The oldest Kubernetes minor version the app's chart needs: it renders networking.k8s.io/v1
    /// Ingresses and, with autoscaling, autoscaling/v2 HorizontalPodAutoscalers.
    static let chartMinimumKubernetesMinor = 23
}
