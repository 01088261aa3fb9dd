import RiggerCore

/// Every image a Plausible install pulls for a plan: the app's, the databases' that rigger's
/// manifests name, and those of the charts 30-prerequisites.sh installs when the cluster lacks them.
enum PlausibleImages {
    static func list(_ plan: PlausiblePlan) -> [BundleImage] {
        var images = [BundleImage("Plausible", "ghcr.io/plausible/community-edition:\(plan.cluster.imageTag)")]
        if case .inCluster = plan.postgresql {
            images.append(BundleImage("PostgreSQL (CloudNativePG Cluster)", PlausibleComponents.postgresqlImage))
            images += PlausibleComponents.cloudNativePG.images.map { BundleImage("CloudNativePG operator, unless the cluster has one", $0) }
        }
        if case .inCluster = plan.clickhouse { images.append(BundleImage("ClickHouse", PlausibleComponents.clickhouseImage)) }
        if plan.ingress.type == .nginx {
            images += PlausibleComponents.ingressNginx.images.map {
                BundleImage("ingress-nginx controller, unless the cluster has one (chart \(PlausibleComponents.ingressNginx.version) pins its digest and its admission Job's image)", $0)
            }
        }
        if plan.ingress.tls == .letsencrypt {
            images += PlausibleComponents.certManager.images.map { reference in
                let part = reference.split(separator: "/").last.map { String($0.split(separator: ":")[0].dropFirst("cert-manager-".count)) } ?? ""
                return BundleImage("cert-manager \(part), unless the cluster has cert-manager", reference)
            }
        }
        return images
    }

    /// Which answers do without the frozen images, for the README.
    static let avoidingFrozen = "`ingress.type=existing` (a controller the cluster already has), or `gcp-clb` on GKE, does without ingress-nginx."
}
