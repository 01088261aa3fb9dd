import RiggerCore

/// Every image a Plausible install pulls for a plan: the app's, the databases' that rigger's
/// manifests name, and those of the charts 30-prerequisites.sh installs when the cluster lacks them.
enum PlausibleImages {
    static func list(_ plan: PlausiblePlan) -> [BundleImage] {
        var images = [BundleImage("Plausible", PlausibleReadmeSections.appImage(plan), pinnedBy: "image.tag")]
        if case .inCluster = plan.postgresql {
            images.append(BundleImage("PostgreSQL (CloudNativePG Cluster)", PlausibleComponents.postgresqlImage))
            images += PlausibleComponents.cloudNativePG.images.map { BundleImage("CloudNativePG operator, unless the cluster has one", $0) }
        }
        if plan.cloudSQLProxy != nil { images.append(CloudSQLProxyAddOn.bundleImage()) }
        if case .inCluster = plan.clickhouse { images.append(BundleImage("ClickHouse", PlausibleComponents.clickhouseImage)) }
        images += IngressAddOns.images(ingress: plan.ingress)
        return images
    }
}
