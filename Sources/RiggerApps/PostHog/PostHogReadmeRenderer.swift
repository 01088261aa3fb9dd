import RiggerCore

/// PostHog's parts of the bundle's README.md; the core's `BundleReadme` writes the rest.
enum PostHogReadmeRenderer {
    static func parts(plan: PostHogPlan, manifests: PostHogSecrets) -> ReadmeParts {
        var parts = ReadmeParts(
            title: "PostHog", chart: "PostHog Helm chart \(plan.chartVersion) (image `\(plan.imageTag)`)",
            cluster: plan.cluster, ingress: plan.ingress, secrets: manifests.references, images: PostHogImages.list(plan),
            advisories: PostHogApp().advisoryTable, valuesNote: "Passwords are not in it; the chart reads them from the Secrets.",
            regenerating: .init(upgradeKey: "chart.version", resumeFrom: "40", notes: [
                "Back up the databases first (PostgreSQL and ClickHouse). To roll back: `helm rollback \(plan.release) --namespace \(plan.namespace)`.",
            ]))
        parts.lead = PostHogGoogleCloud.googleCloudSection(plan)
        parts.avoidFrozen = PostHogImages.avoidingFrozen
        parts.sizing = PostHogSizing.table(plan)
        parts.scriptPurposes["30-prerequisites.sh"] = "what the choices need first (static IP, TLS Secret, ingress class, the ingress controller "
            + "(Traefik or ingress-nginx) and cert-manager unless the cluster has them, managed services)"
        parts.details = PostHogGateway.readme(plan)
        parts.steps = [[reachingPostHog(plan)]]
        parts.closing = movingOffTheChartsAddOns(plan)
        return parts
    }

    private static func reachingPostHog(_ plan: PostHogPlan) -> String {
        if let hostname = plan.ingress.hostname, plan.ingress.type != .none, LocalhostAccess.isLocalhost(hostname) {
            return LocalhostAccess.readmeStep(url: plan.ingress.siteURL ?? hostname)
        } else if let hostname = plan.ingress.hostname, plan.ingress.type != .none {
            return "Point DNS for `\(hostname)` at the \(plan.ingress.type == .gateway ? "Gateway's" : "ingress") address that `50-verify.sh` prints, "
                + "then open \(plan.ingress.siteURL ?? hostname)."
        }
        return "There is no ingress: `50-verify.sh` prints the port-forward command that reaches PostHog."
    }

    /// How a bundle from before moves off the chart's own ingress-nginx and cert-manager without
    /// the site going down: both controllers serve while DNS moves, and only then does the chart's go.
    private static func movingOffTheChartsAddOns(_ plan: PostHogPlan) -> [String] {
        guard plan.ingress.type == .nginx else { return [] }
        let controller = ClusterAddOn.ingressNginx
        var lines = [
            "### Moving off the chart's own ingress-nginx and cert-manager",
            "",
            "Bundles of earlier rigger releases let the chart run its own ingress-nginx (controller \(PostHogIngress.chartIngressNginxVersion), "
                + "of 2021, which CVE-2025-1974 and its siblings affect)"
                + (plan.ingress.installCertManager ? " and cert-manager \(PostHogIngress.chartCertManagerVersion)" : "")
                + "; this one installs them as releases of their own, as for every app. Regenerating such a bundle says what moves. "
                + "The new controller gets a load balancer of its own, with a new address, so the DNS record moves. In this order the site stays up:",
            "",
            "1. `./scripts/00-preflight.sh && ./scripts/30-prerequisites.sh`: installs release `\(controller.release)` in namespace "
                + "`\(controller.namespace)` beside the chart's controller and hands the IngressClass `\(IngressAddOns.ingressClass)` over to it"
                + (plan.ingress.installCertManager ? ", and cert-manager's CustomResourceDefinitions to release `\(ClusterAddOn.certManager.release)`" : "")
                + "; both controllers now serve the site.",
            "2. Point the DNS record for `\(plan.ingress.hostname ?? "the site")` at the new address: "
                + "`kubectl get service --namespace \(controller.namespace) \(IngressAddOns.ingressNginxController.service)`.",
            "3. Wait until the old record's TTL has passed (`dig +short \(plan.ingress.hostname ?? "HOST")` shows the new address).",
            "4. `./install.sh --from 40`: upgrades PostHog without the chart's own controller, which goes with its load balancer.",
        ]
        if plan.ingress.tls == .letsencrypt {
            lines.append("5. `kubectl delete clusterissuer letsencrypt-prod` once nothing else uses the chart's old issuer: the certificate now comes "
                + "from `\(IngressAddOns.clusterIssuerName(release: plan.release))`, into the same Secret `\(PostHogValuesRenderer.letsencryptSecretName(release: plan.release))`.")
        }
        return lines + [""]
    }
}
