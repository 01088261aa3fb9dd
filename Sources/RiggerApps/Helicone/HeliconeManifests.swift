import RiggerCore

/// What a Helicone bundle installs besides the chart, each file under manifests/: the ingress
/// controller and certificate issuer its Ingresses name, which the chart doesn't bring.
enum HeliconeManifests {
    /// Every manifest file the plan needs.
    static func files(plan: HeliconePlan) throws -> [BundleFile] {
        let labels = YAMLTree.map([
            ("app.kubernetes.io/name", .string("ingress")),
            ("app.kubernetes.io/instance", .string(plan.release)),
            ("app.kubernetes.io/part-of", .string("helicone")),
            ("app.kubernetes.io/managed-by", .string("rigger")),
        ])
        return try IngressAddOns.manifests(ingress: plan.ingress, cloud: plan.cluster.cloud, issuer: HeliconeIngress.clusterIssuer(plan), labels: labels)
            .map { try BundleFile.manifest(path: $0.path, documents: $0.documents) } + HeliconeGateway.files(plan, labels: labels)
    }
}
