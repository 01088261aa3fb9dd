import RiggerCore

/// PostHog's ingress on the core's add-ons: the chart's own ingress-nginx and cert-manager
/// subcharts stay off, and what older bundles let them install moves to the add-ons' releases.
enum PostHogIngress {
    /// The release that ran the chart's own ingress-nginx and cert-manager in older bundles.
    static func chartRelease(_ plan: PostHogPlan) -> HelmOwner { HelmOwner(release: plan.release, namespace: plan.namespace) }

    /// The controller and cert-manager versions the chart 30.46.0 brings, for messages.
    static let chartIngressNginxVersion = "v1.1.0"
    static let chartCertManagerVersion = "v1.6.1"

    /// What moves when a bundle that let the chart run its own ingress-nginx or cert-manager is
    /// regenerated: said once, with the order that keeps the site up.
    static func regenerationNotes(previous: ExistingBundle, previousAnswers: ResolvedAnswers, answers: ResolvedAnswers) -> [String] {
        let release = answers["release"]?.description ?? "posthog"
        let namespace = answers["namespace"]?.description ?? "posthog"
        let host = answers["ingress.hostname"]?.description ?? "the site"
        var notes: [String] = []
        let ranChartController = previousAnswers["ingress.type"]?.description == "nginx" && !previous.holds(IngressAddOns.ingressNginxValuesPath)
        if ranChartController, answers["ingress.type"]?.description == "nginx" {
            let addOn = ClusterAddOn.ingressNginx
            notes.append(
                "ingress-nginx moves from the chart's own (controller \(chartIngressNginxVersion), release \(release) in namespace \(namespace)) to "
                    + "release \(addOn.release) in namespace \(addOn.namespace) (chart \(addOn.version)), which 30-prerequisites.sh installs beside it. "
                    + "The new controller has a load balancer of its own, so the DNS record for \(host) moves to its address. To keep the site up: "
                    + "run scripts/00-preflight.sh and scripts/30-prerequisites.sh, point DNS at the address of "
                    + "'kubectl get service --namespace \(addOn.namespace) \(IngressAddOns.ingressNginxController.service)', wait out the old "
                    + "record's TTL, then run ./install.sh --from 40, which removes the chart's controller (the README's upgrade section says more)")
        }
        let ranChartCertManager = previousAnswers["ingress.tls"]?.description == "letsencrypt"
            && previousAnswers["ingress.installCertManager"]?.boolValue != false && !previous.holds(IngressAddOns.certManagerValuesPath)
        if ranChartCertManager, answers["ingress.tls"]?.description == "letsencrypt" {
            let addOn = ClusterAddOn.certManager
            notes.append(
                "cert-manager moves from the chart's own (\(chartCertManagerVersion), release \(release)) to release \(addOn.release) in namespace "
                    + "\(addOn.namespace) (\(addOn.version)): 30-prerequisites.sh hands its CustomResourceDefinitions over and keeps them while "
                    + "40-install.sh removes the old one, and the certificate for \(host) is issued again through the ClusterIssuer "
                    + "\(IngressAddOns.clusterIssuerName(release: release)) into the same Secret, "
                    + "\(PostHogValuesRenderer.letsencryptSecretName(release: release)); the chart's ClusterIssuer letsencrypt-prod is "
                    + "left unused (kubectl delete clusterissuer letsencrypt-prod once nothing else uses it)")
        }
        return notes
    }
}
