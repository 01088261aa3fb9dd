/// ingress-nginx's retirement, said wherever a bundle still uses it (`generate`, the review, the
/// README), and the move to Traefik: what changes and in what order. rigger keeps the controller a
/// bundle has on regeneration and never removes one itself.
public enum IngressNginxRetirement {
    /// When the Kubernetes project announced it, and when its best-effort maintenance ended.
    public static let announced = "2025-11-11"
    public static let ended = "March 2026"

    /// The command that moves a bundle to Traefik.
    static let moveCommand = "rigger generate --out DIR --set ingress.type=traefik"

    /// The warning for `generate` and the review, when the answers keep ingress-nginx.
    public static func warning(_ answers: ResolvedAnswers) -> String? {
        guard answers["ingress.type"]?.description == IngressPlan.Kind.nginx.rawValue else { return nil }
        return "ingress.type: nginx: ingress-nginx was retired (announced \(announced); its maintenance ended in \(ended)) and gets no "
            + "more security fixes; it is kept while you move. Move to Traefik with \(moveCommand) (the README's "
            + "\"Moving off ingress-nginx\" says in what order), to a Gateway API Gateway the cluster has with ingress.type=gateway, or to a controller of your own with ingress.type=existing"
    }

    /// The note of a regeneration that moves from ingress-nginx to Traefik or to a Gateway: the
    /// order that keeps the site up, said once.
    public static func regenerationNotes(previousAnswers: ResolvedAnswers, answers: ResolvedAnswers) -> [String] {
        guard previousAnswers["ingress.type"]?.description == IngressPlan.Kind.nginx.rawValue else { return [] }
        switch answers["ingress.type"]?.description {
        case IngressPlan.Kind.traefik.rawValue?:
            return [
                "ingress.type: nginx -> traefik: the Ingresses move from ingress-nginx to Traefik, which has a load balancer and so an address "
                    + "of its own. In this order: " + steps.joined(separator: "; ")
                    + ". rigger never removes a controller itself (the README's \"Moving off ingress-nginx\" has the commands)"
            ]
        case IngressPlan.Kind.gateway.rawValue?:
            let namespace = answers["namespace"]?.description ?? "NAMESPACE"
            let gateway = GatewayReference(
                name: answers["ingress.gateway.name"]?.description ?? "GATEWAY", namespace: answers["ingress.gateway.namespace"]?.description ?? "GATEWAY_NAMESPACE",
                sectionName: nil)
            return [
                "ingress.type: nginx -> gateway: the site moves from ingress-nginx to the Gateway \(gateway.namespace)/\(gateway.name), which has an "
                    + "address of its own. In this order, with both serving while DNS moves: "
                    + gatewaySteps(namespace: namespace, gateway: gateway).joined(separator: "; ")
                    + ". rigger never removes a controller itself (the README's \"Moving off ingress-nginx\" has the commands)"
            ]
        default:
            return []
        }
    }

    /// The move to a Gateway, step by step: the routes go in beside the chart's Ingresses, which
    /// ingress-nginx serves until DNS has moved; only then does the chart drop its Ingresses.
    static func gatewaySteps(namespace: String, gateway: GatewayReference) -> [String] {
        [
            "lower the TTL of the site's DNS records a day before, and have the Gateway's owner add a listener for each host "
                + "with allowedRoutes that admit the namespace \(namespace) (scripts/00-preflight.sh checks both)",
            "while ingress-nginx still serves the site, attach the routes: kubectl apply --namespace \(namespace) -f \(GatewayRoutes.path)",
            "point the DNS records at the Gateway's address ('kubectl get gateway --namespace \(gateway.namespace) \(gateway.name) "
                + "-o jsonpath={.status.addresses[*].value}') and wait out the old TTL",
            "run ./install.sh --from 40: the chart's Ingresses go, the routes stay",
            removeStep,
        ]
    }

    /// The last step of every move: ingress-nginx goes once it serves nothing, and only by the operator.
    static let removeStep = "once ingress-nginx's logs show no more requests for the site, and no other Ingress uses the IngressClass nginx, "
        + "remove ingress-nginx (helm uninstall --namespace \(ClusterAddOn.ingressNginx.namespace) \(ClusterAddOn.ingressNginx.release), "
        + "where 30-prerequisites.sh installed it)"

    /// Steps as the README's numbered list: each a sentence.
    static func numbered(_ steps: [String]) -> [String] {
        steps.enumerated().map { "\($0.offset + 1). " + $0.element.prefix(1).uppercased() + $0.element.dropFirst() + "." }
    }

    /// The move, step by step, once the bundle says `ingress.type=traefik`.
    static let steps = [
        "lower the TTL of the site's DNS records a day before",
        "run scripts/00-preflight.sh and scripts/30-prerequisites.sh, which install Traefik beside ingress-nginx "
            + "(and point the Let's Encrypt ClusterIssuer's challenges at Traefik)",
        "run ./install.sh --from 40: the Ingresses now name the IngressClass traefik, which serves them at the address of "
            + "'kubectl get service --namespace \(ClusterAddOn.traefik.namespace) \(TraefikAddOns.localController.service)'",
        "point the DNS records at that address at once, and wait out the old TTL",
        removeStep,
    ]

    /// The README section: for ingress-nginx, that it is retired and how to move; for Traefik,
    /// how a bundle that used ingress-nginx before moves over.
    public static func readmeSection(_ ingress: IngressPlan, namespace: String) -> [String] {
        switch ingress.type {
        case .nginx:
            return [
                "## ingress-nginx is retired",
                "",
                "The Kubernetes project retired ingress-nginx (announced on \(announced); its best-effort maintenance ended in \(ended)): "
                    + "it gets no more releases or security fixes. This bundle keeps it, as it was written with it; regenerating never changes "
                    + "the controller by itself. Move to Traefik, which reads the same Ingresses, with `\(moveCommand)`, then follow "
                    + "\"Moving off ingress-nginx\" in the new README; to a Gateway API Gateway the cluster has with `ingress.type=gateway`; or to a controller of your own with `ingress.type=existing`.",
                "",
            ]
        case .traefik:
            var lines = [
                "## Moving off ingress-nginx",
                "",
                "If this install ran ingress-nginx before (`ingress.type=nginx`), Traefik now serves it at an address of its own. "
                    + "In this order, which keeps the site down no longer than the DNS records' TTL (until then, a visitor whose resolver "
                    + "still has the old address reaches ingress-nginx, which no longer serves the site):",
                "",
            ]
            lines += numbered(steps)
            lines += [
                "",
                "rigger never removes a controller: ingress-nginx goes only when you remove it.",
                "",
            ]
            return lines
        case .gateway:
            guard let gateway = ingress.gateway else { return [] }
            var lines = [
                "## Moving off ingress-nginx",
                "",
                "If this install ran ingress-nginx before (`ingress.type=nginx`), the Gateway `\(gateway.namespace)/\(gateway.name)` now serves it "
                    + "at an address of its own. In this order the site stays up, both serving while DNS moves:",
                "",
            ]
            lines += numbered(gatewaySteps(namespace: namespace, gateway: gateway))
            lines += ["", "rigger never removes a controller: ingress-nginx goes only when you remove it.", ""]
            return lines
        case .gcpCLB, .existing, .none:
            return []
        }
    }
}
