/// The ingress controller and certificate issuer an app's bundle brings when its chart installs
/// neither: Traefik for `ingress.type=traefik` (see `TraefikAddOns`), ingress-nginx for
/// `ingress.type=nginx`, cert-manager and a Let's Encrypt
/// ClusterIssuer for `ingress.tls=letsencrypt`. Each is installed unless the cluster already
/// has one, and `ingress.installCertManager=false` asks for the cluster's own cert-manager.
public enum IngressAddOns {
    public static let ingressNginxValuesPath = "manifests/ingress-nginx.values.yaml"
    public static let certManagerValuesPath = "manifests/cert-manager.values.yaml"
    public static let clusterIssuerPath = "manifests/cluster-issuer.yaml"
    /// What each add-on file is, for a bundle README's list of files.
    public static let filePurposes = [
        clusterIssuerPath: "the Let's Encrypt `ClusterIssuer` (cluster-wide)",
        ingressNginxValuesPath: "the values of the ingress-nginx chart",
        TraefikAddOns.valuesPath: "the values of the Traefik chart",
        certManagerValuesPath: "the values of the cert-manager chart",
        GatewayRoutes.path: GatewayRoutes.filePurpose,
    ]
    /// The name of a release's Let's Encrypt ClusterIssuer: cluster-wide, so the release is in it.
    public static func clusterIssuerName(release: String) -> String { "\(release)-letsencrypt" }
    /// The Service of the ingress-nginx the add-ons install, for a port-forward to it.
    public static let ingressNginxController = LocalhostAccess.Controller(
        namespace: ClusterAddOn.ingressNginx.namespace, service: "\(ClusterAddOn.ingressNginx.release)-controller")
    /// The IngressClass ingress-nginx serves.
    public static let ingressClass = "nginx"

    /// The IngressClass of the controller the add-ons install for these answers, which the
    /// ClusterIssuer answers challenges through; nil when they install none.
    public static func installedClass(_ ingress: IngressPlan) -> String? {
        switch ingress.type {
        case .nginx: ingressClass
        case .traefik: TraefikAddOns.ingressClass
        case .gcpCLB, .existing, .gateway, .none: nil
        }
    }

    /// The Service of the controller the add-ons install, for a port-forward to a `*.localhost` host.
    public static func localController(_ ingress: IngressPlan) -> LocalhostAccess.Controller? {
        switch ingress.type {
        case .nginx: ingressNginxController
        case .traefik: TraefikAddOns.localController
        case .gcpCLB, .existing, .gateway, .none: nil
        }
    }

    /// The manifest files the ingress answers need, as YAML documents by path; `issuer` names the
    /// ClusterIssuer and `labels` are the app's labels for it.
    public static func manifests(ingress: IngressPlan, cloud: Cloud, issuer: String, labels: YAMLTree) -> [(path: String, documents: [YAMLTree])] {
        var files: [(path: String, documents: [YAMLTree])] = []
        if ingress.type == .nginx { files.append((ingressNginxValuesPath, [ingressNginxValues(cloud: cloud)])) }
        if ingress.type == .traefik {
            files.append((TraefikAddOns.valuesPath, [TraefikAddOns.values(cloud: cloud, redirectsToHTTPS: ingress.tls != .none)]))
        }
        if ingress.tls == .letsencrypt, let email = ingress.letsencryptEmail {
            let solverClass = installedClass(ingress) ?? ingressClass
            files.append((clusterIssuerPath, [clusterIssuer(name: issuer, email: email, labels: labels, ingressClass: solverClass)]))
            if ingress.installCertManager { files.append((certManagerValuesPath, [certManagerValues()])) }
        }
        return files
    }

    /// The 30-prerequisites.sh sections for the ingress answers, in order: the controller, then
    /// cert-manager and the issuer. They use `helm_context` and `apply_manifest` (see `helpers`).
    /// `formerOwner` is the release of the app's chart when older bundles of the app let the chart
    /// run its own ingress-nginx and cert-manager: what that release installed is handed over to
    /// the add-ons' releases (see `handover`) rather than taken for the cluster's own.
    public static func sections(ingress: IngressPlan, cloud: Cloud, formerOwner: HelmOwner? = nil) -> [ScriptSection] {
        var sections: [ScriptSection] = []
        if ingress.type == .nginx {
            var present = "kube get ingressclass \(ingressClass) >/dev/null 2>&1"
            if let formerOwner {
                sections.append(handover(
                    of: "the IngressClass \(ingressClass)", objects: "kube get ingressclass \(ingressClass) -o name", probe: "ingressclass \(ingressClass)",
                    to: ClusterAddOn.ingressNginx, variable: "INGRESS_NGINX", from: formerOwner))
                present = "[ -z \"$INGRESS_NGINX_HANDOVER\" ] && " + present
            }
            sections.append(PrerequisiteScripts.chartUnlessPresent(
                ClusterAddOn.ingressNginx, variable: "INGRESS_NGINX", values: ingressNginxValuesPath,
                comment: "# ingress-nginx serves the Ingress; a controller the cluster already has for class nginx is used as it is.",
                present: present,
                presentMessage: "IngressClass \(ingressClass) exists; using the controller behind it", waitsForLoadBalancer: false))
        }
        if ingress.type == .traefik { sections.append(TraefikAddOns.section(cloud: cloud)) }
        if ingress.tls == .letsencrypt {
            var section: ScriptSection
            let crd = "crd certificates.cert-manager.io"
            if ingress.installCertManager {
                var present = "kube get \(crd) >/dev/null 2>&1"
                if let formerOwner {
                    sections.append(handover(
                        of: "cert-manager's CustomResourceDefinitions", objects: "kube get crd -o name | grep 'cert-manager\\.io$'", probe: crd,
                        to: ClusterAddOn.certManager, variable: "CERT_MANAGER", from: formerOwner))
                    present = "[ -z \"$CERT_MANAGER_HANDOVER\" ] && " + present
                }
                section = PrerequisiteScripts.chartUnlessPresent(
                    ClusterAddOn.certManager, variable: "CERT_MANAGER", values: certManagerValuesPath,
                    comment: "# cert-manager obtains the certificate from Let's Encrypt; one the cluster already runs is used as it is.",
                    present: present, presentMessage: "cert-manager is installed; using it")
            } else {
                section = ScriptSection(lines: [
                    "",
                    "# ingress.installCertManager is false: the ClusterIssuer goes to the cert-manager already in the cluster.",
                    "kube get crd clusterissuers.cert-manager.io >/dev/null 2>&1 \\",
                    "  || fail \"cert-manager is not installed in this cluster, and ingress.installCertManager is false; install cert-manager, or regenerate with --set ingress.installCertManager=true\"",
                ])
                if let formerOwner {
                    // The chart's own cert-manager goes with the chart's next upgrade: nothing would be left.
                    section.variables += [("FORMER_RELEASE", formerOwner.release), ("FORMER_NAMESPACE", formerOwner.namespace)]
                    section.lines += [
                        "if [ \"$(kube get \(crd) -o jsonpath='\(ownerPath)' 2>/dev/null || true)\" = \"$FORMER_RELEASE/$FORMER_NAMESPACE\" ]; then",
                        "  fail \"the cert-manager in this cluster came with release $FORMER_RELEASE's chart, which 40-install.sh no longer installs: it would go, and its certificates with it; regenerate with --set ingress.installCertManager=true\"",
                        "fi",
                    ]
                }
                section.lines.append("echo \"cert-manager is installed; using it\"")
            }
            section.lines.append("apply_manifest \(clusterIssuerPath)")
            sections.append(section)
        }
        return sections
    }

    /// The jsonpath of a Helm-installed object's owner as "release/namespace".
    static let ownerPath = "{.metadata.annotations.meta\\.helm\\.sh/release-name}/{.metadata.annotations.meta\\.helm\\.sh/release-namespace}"

    /// When `probe` (an object, as `kube get` names it) belongs to `former` (the app chart's own
    /// release, which older bundles let install it), every object `objects` lists is annotated
    /// to be kept when that release no longer renders it and re-owned by `addOn`'s release, which
    /// then adopts it; `<variable>_HANDOVER` is set so that the add-on is installed although the
    /// object is there. Both controllers serve until 40-install.sh upgrades the app without its own.
    static func handover(
        of what: String, objects: String, probe: String, to addOn: ClusterAddOn, variable: String, from former: HelmOwner
    ) -> ScriptSection {
        ScriptSection(
            variables: [
                ("FORMER_RELEASE", former.release), ("FORMER_NAMESPACE", former.namespace),
                ("\(variable)_RELEASE", addOn.release), ("\(variable)_NAMESPACE", addOn.namespace),
            ],
            lines: [
                "",
                "# Older bundles let the chart of release $FORMER_RELEASE run its own \(addOn.name). What it installed (\(what))",
                "# is handed over to release $\(variable)_RELEASE and kept (helm.sh/resource-policy) while 40-install.sh upgrades the chart without it.",
                "\(variable)_HANDOVER=\"\"",
                "if [ \"$(kube get \(probe) -o jsonpath='\(ownerPath)' 2>/dev/null || true)\" = \"$FORMER_RELEASE/$FORMER_NAMESPACE\" ]; then",
                "  echo \"handing over \(what) from release $FORMER_RELEASE to release $\(variable)_RELEASE in namespace $\(variable)_NAMESPACE\"",
                "  for object in $(\(objects) || true); do",
                "    kube annotate --overwrite \"$object\" helm.sh/resource-policy=keep \"meta.helm.sh/release-name=$\(variable)_RELEASE\" \\",
                "      \"meta.helm.sh/release-namespace=$\(variable)_NAMESPACE\" || fail \"could not hand $object over to release $\(variable)_RELEASE\"",
                "    kube label --overwrite \"$object\" app.kubernetes.io/managed-by=Helm || fail \"could not hand $object over to release $\(variable)_RELEASE\"",
                "  done",
                "  \(variable)_HANDOVER=1",
                "fi",
            ])
    }

    /// Whether the sections install a chart, or apply a manifest (so need the helpers).
    public static func needs(ingress: IngressPlan) -> (installsCharts: Bool, appliesManifests: Bool) {
        let installs = ingress.type == .nginx || ingress.type == .traefik || (ingress.tls == .letsencrypt && ingress.installCertManager)
        return (installs, ingress.tls == .letsencrypt)
    }

    /// The images the ingress add-ons run, for the README.
    public static func images(ingress: IngressPlan) -> [BundleImage] {
        var images: [BundleImage] = []
        if ingress.type == .nginx {
            images += ClusterAddOn.ingressNginx.images.map {
                BundleImage("ingress-nginx controller, unless the cluster has one (chart \(ClusterAddOn.ingressNginx.version) pins its digest and its admission Job's image)", $0)
            }
        }
        if ingress.type == .traefik { images += TraefikAddOns.images }
        if ingress.tls == .letsencrypt, ingress.installCertManager {
            images += ClusterAddOn.certManager.images.map { reference in
                let part = reference.split(separator: "/").last.map { String($0.split(separator: ":")[0].dropFirst("cert-manager-".count)) } ?? reference
                return BundleImage("cert-manager \(part), unless the cluster has cert-manager", reference)
            }
        }
        return images
    }

    /// Which answers do without ingress-nginx's frozen images, for a README's list of images.
    public static let avoidingIngressNginx =
        "`ingress.type=traefik` (a maintained controller), `existing` (a controller the cluster already has), or `gcp-clb` on GKE, "
        + "does without ingress-nginx."

    /// The releases the add-ons install, so that a re-probe takes them for the bundle's own.
    public static let owners = [ClusterAddOn.ingressNginx.owner, ClusterAddOn.traefik.owner, ClusterAddOn.certManager.owner]

    /// ingress-nginx, keeping each visitor's address, by which analytics tell visitors apart.
    /// Behind an AWS load balancer in TCP mode the address is lost unless both ends speak the
    /// PROXY protocol; elsewhere the Service must not route through another node, which would
    /// replace it with that node's.
    public static func ingressNginxValues(cloud: Cloud) -> YAMLTree {
        var values = YAMLTree.emptyMap
        if cloud != .aws {
            values.set("controller.service.externalTrafficPolicy", .string("Local"))
        } else {
            values.set("controller.config.use-proxy-protocol", .string("true"))
            values.set(
                ["controller", "service", "annotations"],
                .map([("service.beta.kubernetes.io/aws-load-balancer-proxy-protocol", .string("*"))]))
        }
        return values
    }

    /// cert-manager with its CRDs, which the ClusterIssuer needs.
    public static func certManagerValues() -> YAMLTree {
        var values = YAMLTree.emptyMap
        values.set("crds.enabled", .bool(true))
        return values
    }

    /// Let's Encrypt's production directory, answering HTTP-01 challenges through the controller
    /// of `ingressClass` (ingress-nginx's unless said otherwise).
    public static func clusterIssuer(name: String, email: String, labels: YAMLTree, ingressClass: String = ingressClass) -> YAMLTree {
        .map([
            ("apiVersion", .string("cert-manager.io/v1")),
            ("kind", .string("ClusterIssuer")),
            ("metadata", .map([("name", .string(name)), ("labels", labels)])),
            ("spec", .map([("acme", .map([
                ("server", .string("https://acme-v02.api.letsencrypt.org/directory")),
                ("email", .string(email)),
                ("privateKeySecretRef", .map([("name", .string("\(name)-account"))])),
                ("solvers", .list([.map([("http01", .map([("ingress", .map([("ingressClassName", .string(ingressClass))]))]))])])),
            ]))])),
        ])
    }
}
