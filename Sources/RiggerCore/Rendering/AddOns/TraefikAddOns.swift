extension ClusterAddOn {
    /// Traefik Proxy from its own Helm repository, the maintained controller rigger installs for
    /// `ingress.type=traefik`; the image is pinned to the chart's appVersion in the values too.
    public static let traefik = ClusterAddOn(
        name: "traefik", repositoryURL: "https://traefik.github.io/charts", version: "41.3.0",
        release: "traefik", namespace: "traefik", images: ["docker.io/traefik:\(TraefikAddOns.imageTag)"])
}

/// The Traefik that `ingress.type=traefik` brings (see `IngressAddOns`): installed from its chart
/// unless the cluster already has an IngressClass `traefik`, serving the app's Ingresses as they
/// are, with the visitor's address kept and plain HTTP sent to HTTPS when the site has TLS.
public enum TraefikAddOns {
    public static let valuesPath = "manifests/traefik.values.yaml"
    /// The IngressClass the controller serves and the ClusterIssuer answers challenges through.
    public static let ingressClass = "traefik"
    /// Traefik Proxy's version, the chart 41.3.0's appVersion, pinned in the values.
    public static let imageTag = "v3.7.11"
    /// The controller value Traefik's IngressClass names.
    public static let controller = "traefik.io/ingress-controller"
    /// The Service of the Traefik the add-ons install, for a port-forward to it.
    public static let localController = LocalhostAccess.Controller(
        namespace: ClusterAddOn.traefik.namespace, service: ClusterAddOn.traefik.release)
    /// The addresses an AWS Network Load Balancer connects from: its nodes are in the cluster's
    /// VPC, whose range rigger doesn't know, so every private range is trusted for the PROXY
    /// header (nothing outside the VPC reaches the pods but through the load balancer).
    public static let awsLoadBalancerRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]

    /// The chart's values. On AWS, a Network Load Balancer (the AWS Load Balancer Controller's)
    /// with the PROXY protocol on both ends; elsewhere a Service that never routes through
    /// another node, which would put that node's address in the visitor's place. `redirectsToHTTPS`
    /// sends port 80 to 443: cert-manager's HTTP-01 challenges still pass, since Let's Encrypt
    /// follows the redirect and the solver's route serves on the TLS entry point as well.
    public static func values(cloud: Cloud, redirectsToHTTPS: Bool) -> YAMLTree {
        var values = YAMLTree.emptyMap
        values.set("image.tag", .string(imageTag))
        values.set("ingressClass.enabled", .bool(true))
        // The app's Ingresses name the class: an Ingress of another team without one stays theirs.
        values.set("ingressClass.isDefaultClass", .bool(false))
        values.set("ingressClass.name", .string(ingressClass))
        if redirectsToHTTPS {
            values.set(
                ["ports", "web", "http", "redirections", "entryPoint"],
                .map([("to", .string("websecure")), ("scheme", .string("https")), ("permanent", .bool(true))]))
        }
        if cloud == .aws {
            let trusted = YAMLTree.list(awsLoadBalancerRanges.map { .string($0) })
            values.set(["ports", "web", "proxyProtocol", "trustedIPs"], trusted)
            values.set(["ports", "websecure", "proxyProtocol", "trustedIPs"], trusted)
            values.set(["service", "annotations"], .map([
                ("service.beta.kubernetes.io/aws-load-balancer-type", .string("external")),
                ("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", .string("ip")),
                ("service.beta.kubernetes.io/aws-load-balancer-scheme", .string("internet-facing")),
                ("service.beta.kubernetes.io/aws-load-balancer-proxy-protocol", .string("*")),
            ]))
        } else {
            values.set(["service", "spec", "externalTrafficPolicy"], .string("Local"))
        }
        return values
    }

    /// The 30-prerequisites.sh section: Traefik from its chart, unless the cluster has the class.
    /// On AWS the Service's Network Load Balancer comes from the AWS Load Balancer Controller,
    /// which the section looks for first: without it the Service never gets an address.
    public static func section(cloud: Cloud) -> ScriptSection {
        var section = PrerequisiteScripts.chartUnlessPresent(
            ClusterAddOn.traefik, variable: "TRAEFIK", values: valuesPath,
            comment: "# Traefik serves the Ingress; a controller the cluster already has for class \(ingressClass) is used as it is.",
            present: "kube get ingressclass \(ingressClass) >/dev/null 2>&1",
            presentMessage: "IngressClass \(ingressClass) exists; using the controller behind it", waitsForLoadBalancer: false)
        guard cloud == .aws, let install = section.lines.firstIndex(of: "else") else { return section }
        section.lines.insert(contentsOf: [
            "  # Its Service asks for a Network Load Balancer with the PROXY protocol, which only the AWS Load Balancer Controller makes.",
            "  if [ -z \"$(kube get deployment --all-namespaces -l app.kubernetes.io/name=aws-load-balancer-controller -o name 2>/dev/null || true)\" ]; then",
            "    echo \"warning: no AWS Load Balancer Controller found (or it could not be listed); Traefik's Service gets an address only once one runs\" >&2",
            "  fi",
        ], at: install + 1)
        return section
    }

    /// The images the add-on runs, for the README.
    public static var images: [BundleImage] {
        ClusterAddOn.traefik.images.map {
            BundleImage("Traefik, unless the cluster has the IngressClass \(ingressClass) (chart \(ClusterAddOn.traefik.version), tag pinned in its values)", $0)
        }
    }
}
