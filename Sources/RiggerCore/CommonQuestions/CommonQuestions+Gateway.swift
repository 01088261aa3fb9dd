extension CommonQuestions {
    /// The Gateway API Gateway that `ingress.type=gateway` attaches the app's HTTPRoutes to: a
    /// Gateway its owner (often a platform team) runs, with the listeners and certificates.
    static func gateway(app: String) -> [Question] {
        let applies = Condition.when("ingress.type", is: "gateway")
        return [
            Question(
                key: "ingress.gateway.name", title: "Gateway",
                help: "The name of the Gateway (gateway.networking.k8s.io) that serves \(app)'s hosts. rigger writes an HTTPRoute "
                    + "per host attached to it; the Gateway, its listeners and their certificates stay its owner's. On GKE, a "
                    + "Gateway of class gke-l7-global-external-managed is one.",
                kind: .text(.kubernetesName), step: .ingress, appliesWhen: applies),
            Question(
                key: "ingress.gateway.namespace", title: "Gateway namespace",
                help: "The namespace the Gateway is in. Its listeners must allow routes from \(app)'s namespace "
                    + "(allowedRoutes.namespaces: All, Same when it is the same namespace, or a Selector that matches it).",
                kind: .text(.dnsLabel(maxLength: 63)), step: .ingress, appliesWhen: applies),
            Question(
                key: "ingress.gateway.sectionName", title: "Gateway listener",
                help: "The name of one listener of the Gateway to attach to (parentRefs sectionName). Empty attaches to every "
                    + "listener whose hostname matches.",
                kind: .text(.kubernetesName), step: .ingress, appliesWhen: applies, isOptional: true,
                whenEmpty: "(every listener that matches the host)"),
        ]
    }
}
