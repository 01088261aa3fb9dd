/// How the operator's browser reaches an app served on `*.localhost` names, as the local presets
/// are: such names resolve to the machine itself without any DNS, so what is needed is the
/// cluster's ingress on this machine's port 80, or a port-forward to it.
public enum LocalhostAccess {
    /// Whether the host is one that resolves to this machine without DNS (RFC 6761).
    public static func isLocalhost(_ host: String) -> Bool { host == "localhost" || host.hasSuffix(".localhost") }

    /// The ingress controller's Service a port-forward goes to.
    public struct Controller: Sendable, Equatable {
        public let namespace: String
        public let service: String

        public init(namespace: String, service: String) {
            self.namespace = namespace
            self.service = service
        }
    }

    /// What 50-verify.sh shows on `*.localhost` names, in place of the address and the DNS record to
    /// create: the README's list of files and the script's own header say it.
    public static let verifySummary = "the ingress address and the port-forward that reaches the app from this machine; no DNS record is needed"

    /// The README's step for reaching the app at `url`, in place of pointing DNS at it (without
    /// its number, which `BundleReadme` gives it).
    public static func readmeStep(url: String) -> String {
        "No DNS is needed: every `*.localhost` name resolves to this machine. Open \(url) where the cluster's ingress "
            + "answers on this machine's port 80 (k3s, kind with a port mapping, `minikube tunnel`); elsewhere run the port-forward "
            + "that `50-verify.sh` prints, then open it."
    }

    /// 50-verify.sh's lines once the rollouts are done: the ingress address if it has one soon,
    /// and the port-forward to `controller` (nil: the operator's own controller) otherwise. Uses
    /// the script's `NAMESPACE`, `KUBE_CONTEXT` and `SITE_URL`.
    public static func verifyLines(controller: Controller?) -> [String] {
        var lines = [
            "address=\"\"",
            "# A local cluster may never give the Ingress an address (kind, minikube without a tunnel): wait a minute, not ten.",
            "for _ in $(seq 1 6); do",
            "  address=\"$(kube get ingress --namespace \"$NAMESPACE\" -o jsonpath='{.items[0].status.loadBalancer.ingress[0].ip}{.items[0].status.loadBalancer.ingress[0].hostname}' 2>/dev/null || true)\"",
            "  [ -n \"$address\" ] && break",
            "  sleep 10",
            "done",
            "echo \"No DNS record is needed: every *.localhost name resolves to this machine.\"",
            "if [ -n \"$address\" ]; then",
            "  echo \"The ingress address is $address: $SITE_URL answers if the cluster's ingress listens on this machine's port 80 (k3s, kind with a port mapping, minikube tunnel).\"",
            "else",
            "  echo \"The ingress has no address (kind or minikube without a tunnel).\"",
            "fi",
        ]
        if let controller {
            lines += [
                "context=\"\"",
                "if [ -n \"$KUBE_CONTEXT\" ]; then context=\" --context $KUBE_CONTEXT\"; fi",
                "echo \"Otherwise forward this machine's port 80 to the ingress controller, in another terminal (port 80 needs root):\"",
                "echo \"  sudo kubectl --kubeconfig ${KUBECONFIG:-$HOME/.kube/config}${context} port-forward --namespace \(controller.namespace) svc/\(controller.service) 80:80\"",
            ]
        } else {
            lines.append("echo \"Otherwise forward this machine's port 80 to your ingress controller's Service (kubectl port-forward, as root for port 80).\"")
        }
        return lines
    }
}
