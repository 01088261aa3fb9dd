import RiggerCore

/// What PostHog's bundle changes in the chart's rendered manifests, where no chart value can.
enum PostHogPostRender {
    static func make(_ plan: PostHogPlan, secrets: PostHogSecrets) -> PostRender {
        var postRender = PostRender()
        if case .inCluster(let storage, .rigger) = plan.redis, let password = secrets.redis {
            postRender.resources += PostHogRedis.resources(plan, storage: storage, password: password)
        }
        if plan.ingress.type == .nginx {
            // The chart names the class only in the annotation Kubernetes deprecated (and refuses
            // beside the field): the field names the IngressClass the add-ons' controller, or the
            // cluster's own, serves.
            postRender.patches.append(PostRender.Patch(
                kind: "Ingress", name: PostHogValuesRenderer.chartFullname(release: plan.release),
                operations: [
                    ("remove", "/metadata/annotations/kubernetes.io~1ingress.class", nil),
                    ("add", "/spec/ingressClassName", .string(IngressAddOns.ingressClass)),
                ],
                reason: "the chart names its class only in the deprecated kubernetes.io/ingress.class annotation; spec.ingressClassName "
                    + "names the IngressClass \(IngressAddOns.ingressClass) that ingress-nginx serves"))
        }
        if plan.ingress.type == .traefik {
            // The chart names a class only for nginx and GKE: the field names Traefik's.
            postRender.patches.append(PostRender.Patch(
                kind: "Ingress", name: PostHogValuesRenderer.chartFullname(release: plan.release),
                operations: [("add", "/spec/ingressClassName", .string(TraefikAddOns.ingressClass))],
                reason: "the chart names no IngressClass but for nginx and GKE; spec.ingressClassName names the IngressClass "
                    + "\(TraefikAddOns.ingressClass) that Traefik serves"))
        }
        if case .inCluster = plan.clickhouse {
            // The chart hard-codes the operator's metrics exporter as `latest`.
            postRender.imagePins.append(PostRender.ImagePin(
                name: "altinity/metrics-exporter", tag: PostHogImages.clickhouseOperatorVersion,
                reason: "the chart hard-codes the tag latest; pinned to the operator's own version"))
        }
        if case .managed(_, _, _, true) = plan.redis {
            // The plugin server connects to POSTHOG_REDIS_HOST, without TLS, whenever it is set, and
            // the chart always sets it; without it, the plugin server reads REDIS_URL as Django does.
            let container = YAMLTree.map([
                ("name", .string("posthog-plugins")),
                ("env", .list([.map([("name", .string("POSTHOG_REDIS_HOST")), ("$patch", .string("delete"))])])),
            ])
            postRender.patches.append(PostRender.Patch(
                kind: "Deployment", name: PostHogValuesRenderer.chartFullname(release: plan.release) + "-plugins",
                body: .map([("spec", .map([("template", .map([("spec", .map([("containers", .list([container]))]))]))]))]),
                reason: "the plugin server must read REDIS_URL (rediss://) rather than connect to POSTHOG_REDIS_HOST without TLS"))
        }
        postRender.patches += PostHogManagedTLS.patches(plan)
        PostHogSizing.addPostRender(plan, to: &postRender)
        return postRender
    }
}
