extension ClusterRules {
    /// What 30-prerequisites.sh does about ingress-nginx, said the same way (see `IngressAddOns`):
    /// with ingress.type=nginx it uses the controller behind an IngressClass nginx the cluster
    /// already has, and installs ingress-nginx otherwise, so only an ingress-nginx that serves
    /// other classes clashes; with ingress.type=existing the class named is used. The version of
    /// the controller used is checked against the advisories either way.
    mutating func ingressNginx() {
        guard let classes = facts.ingressClasses?.value else { return }
        switch text("ingress.type") {
        case "nginx":
            let name = IngressAddOns.ingressClass
            if let used = classes.first(where: { $0.name == name }) {
                describeUsed(used, key: "ingress.type", installsOtherwise: true)
            } else if let other = classes.first(where: { $0.controller == IngressClassFact.ingressNginxController && !isOwn($0.owner) }) {
                warn(
                    "ingress.type",
                    "ingress-nginx already serves the IngressClass \(other.name)\(other.owner.map { " (\($0))" } ?? ""), and the cluster has no "
                        + "IngressClass \(name): 30-prerequisites.sh would install a second ingress-nginx for class \(name), and two controllers of "
                        + "the same controller value take each other's Ingresses; use ingress.type=existing with ingress.className=\(other.name)")
            }
        case "traefik":
            traefik(classes)
        case "existing":
            guard let name = text("ingress.className"), let used = classes.first(where: { $0.name == name }) else { return }
            describeUsed(used, key: "ingress.className", installsOtherwise: false)
        default:
            return
        }
    }

    /// With ingress.type=traefik, 30-prerequisites.sh uses an IngressClass traefik the cluster
    /// already has, as it is, and installs Traefik otherwise (see `TraefikAddOns`).
    private mutating func traefik(_ classes: [IngressClassFact]) {
        let name = TraefikAddOns.ingressClass
        guard let used = classes.first(where: { $0.name == name }) else { return }
        let owner = used.owner.map { ", \($0)" } ?? ""
        let controller = used.controller + (used.version.map { " \($0)" } ?? "")
        if isOwn(used.owner) {
            field("ingress.type") { $0.info = "the IngressClass \(name) was installed by this bundle (\(controller)\(owner))" }
            return
        }
        field("ingress.type") {
            $0.info = "the IngressClass \(name) exists (\(controller)\(owner)): 30-prerequisites.sh uses the controller behind it rather than installing Traefik"
        }
        if used.controller != TraefikAddOns.controller {
            warn(
                "ingress.type",
                "the IngressClass \(name) is served by \(used.controller), not Traefik, and 30-prerequisites.sh uses it as it is: "
                    + "the Traefik settings of the bundle don't reach it; use ingress.type=existing with ingress.className=\(name)")
        }
    }

    private func isOwn(_ owner: HelmOwner?) -> Bool { owner.map(ownReleases.contains) ?? false }

    /// The IngressClass the bundle's Ingress will use: who installed it, what 30-prerequisites.sh
    /// does with it, and its controller's advisories.
    private mutating func describeUsed(_ used: IngressClassFact, key: String, installsOtherwise: Bool) {
        let owner = used.owner.map { ", \($0)" } ?? ""
        let controller = used.controller + (used.version.map { " \($0)" } ?? "")
        let appRelease = HelmOwner(release: facts.target.release, namespace: facts.target.namespace)
        if installsOtherwise, used.owner == appRelease {
            field(key) {
                $0.info = "the IngressClass \(used.name) came with this release's chart (\(controller)): 30-prerequisites.sh hands it over to "
                    + "release \(ClusterAddOn.ingressNginx.release) in namespace \(ClusterAddOn.ingressNginx.namespace), and 40-install.sh "
                    + "removes the chart's controller"
            }
        } else if installsOtherwise, isOwn(used.owner) {
            field(key) { $0.info = "the IngressClass \(used.name) was installed by this bundle (\(controller)\(owner))" }
        } else if installsOtherwise {
            field(key) {
                $0.info = "the IngressClass \(used.name) exists (\(controller)\(owner)): 30-prerequisites.sh uses the controller behind it "
                    + "rather than installing ingress-nginx"
            }
            if used.controller != IngressClassFact.ingressNginxController {
                warn(
                    key,
                    "the IngressClass \(used.name) is served by \(used.controller), not ingress-nginx, and 30-prerequisites.sh uses it as it is: "
                        + "the ingress-nginx settings of the bundle don't reach it; use ingress.type=existing with ingress.className=\(used.name)")
            }
        }
        guard used.controller == IngressClassFact.ingressNginxController else { return }
        advise(
            key, SecurityAdvisories.ingressNginx, version: used.version,
            what: "the controller of the IngressClass \(used.name)" + (used.owner.map { " (\($0))" } ?? ""))
    }

    /// Warns when something the bundle uses from the cluster runs a version with known
    /// advisories: all of them in one warning, the worst first, with the release that clears them.
    mutating func advise(_ key: String, _ component: AdvisoryComponent, version: String?, what: String) {
        guard let version else { return }
        let table = app.app.advisoryTable
        let found = table.affecting(component, version: version)
        guard let worst = found.first else { return }
        let names = found.map { "\($0.id) (\($0.severity))" }.joined(separator: ", ")
        let count = found.count == 1 ? "a known advisory affects" : "\(found.count) known advisories affect"
        let clear = table.firstUnaffected(component, after: version).map { ". Upgrade it to \($0) or later" } ?? ""
        warn(key, "\(what) runs \(component.name) \(version), which \(count): \(names); the worst, \(worst.id): \(worst.impact)\(clear)", advisory: true)
    }
}
