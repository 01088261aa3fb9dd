import RiggerCore

/// The images a Helicone install pulls, as the chart at the pinned commit renders them with
/// rigger's values and post-renderer: every one pinned to a tag.
enum HeliconeImages {
    /// Every image the install pulls for this plan, in the order the README lists them.
    static func list(_ plan: HeliconePlan) -> [BundleImage] {
        var images = [
            BundleImage("Helicone web (the dashboard)", "helicone/web:\(plan.cluster.imageTag)", pinnedBy: "image.tag"),
            BundleImage("Helicone worker (the proxy)", "helicone/worker:\(plan.workerImageTag)", pinnedBy: "helicone.workerImageTag"),
        ]
        for (key, image) in HeliconeChart.valueImages {
            if key == "studio", !plan.studio { continue }
            if key == "clickhouse", case .managed = plan.clickhouse { continue }
            images.append(BundleImage(image.role, image.reference))
        }
        images += HeliconeChart.templateImages.map { BundleImage($0.role, $0.reference) }
        return images + IngressAddOns.images(ingress: plan.ingress)
    }
}
