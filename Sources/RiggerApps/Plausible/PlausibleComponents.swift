import RiggerCore

/// What a Plausible bundle runs besides the app's chart, each pinned to one version: the
/// database images rigger's manifests name, and the charts 30-prerequisites.sh installs when
/// the cluster lacks them.
enum PlausibleComponents {
    /// PostgreSQL 17 as CloudNativePG builds it: PostgreSQL and its contrib modules only
    /// (the "minimal" flavour), on Debian trixie. Plausible's own compose file runs 16; the
    /// IMIO chart's subchart 17.
    static let postgresqlImage = "ghcr.io/cloudnative-pg/postgresql:17.11-minimal-trixie"

    /// The ClickHouse release Plausible CE v3 is built and tested against (its compose file
    /// pins 24.12), at the last patch of that line.
    static let clickhouseImage = "clickhouse/clickhouse-server:24.12.6.70-alpine"

    /// The CloudNativePG operator. The chart supports only the operator's newest point release,
    /// so the chart version pins the operator; its image is named explicitly too.
    static let cloudNativePG = ClusterAddOn(
        name: "cloudnative-pg", repositoryURL: "https://cloudnative-pg.github.io/charts", version: "0.29.0",
        release: "cnpg", namespace: "cnpg-system", images: [cloudNativePGOperatorImage])
    static let cloudNativePGOperatorRepository = "ghcr.io/cloudnative-pg/cloudnative-pg"
    static let cloudNativePGOperatorTag = "1.30.0"
    static var cloudNativePGOperatorImage: String { "\(cloudNativePGOperatorRepository):\(cloudNativePGOperatorTag)" }
    /// The oldest Kubernetes minor version that CloudNativePG chart accepts (its kubeVersion).
    static let cloudNativePGMinimumKubernetesMinor = 29

    /// The oldest Kubernetes minor version the app's chart needs: it renders networking.k8s.io/v1
    /// Ingresses and, with autoscaling, autoscaling/v2 HorizontalPodAutoscalers.
    static let chartMinimumKubernetesMinor = 23
}
