/// The advisories rigger knows for what it pins, installs or relies on in a cluster, read when a
/// bundle is generated (a new one pinning an affected version is refused), by its README (beside
/// each image), and by `rigger check`, `generate --probe`, the wizard and 00-preflight.sh for the
/// cluster's own ingress controller and cert-manager.
///
/// Kept by hand, beside `ImageRegistryNotice`: the shared components' entries are here, each
/// app's own in its folder (`AppDefinition.advisories`), and `reviewed` is the day the whole
/// table was last checked against its sources. A test fails when any version pinned in the code
/// falls in an affected range, so an entry for a pinned default comes with the move off it.
public enum SecurityAdvisories {
    /// When the table was last checked against the advisories' sources (YYYY-MM-DD).
    public static let reviewed = "2026-12-02"

    /// What the README says beside an image of a component the table covers, without a known advisory.
    public static var noneKnown: String { "none known to rigger as of \(reviewed)" }
    /// What the README says beside an image of a component the table has no entries for.
    public static let notCovered = "not in rigger's table"

    /// The ingress-nginx controller: the add-on's, or one the cluster already runs.
    public static let ingressNginx = AdvisoryComponent(
        name: "ingress-nginx",
        imageRepositories: [
            "registry.k8s.io/ingress-nginx/controller", "registry.k8s.io/ingress-nginx/controller-chroot", "k8s.gcr.io/ingress-nginx/controller",
        ])

    /// cert-manager: the add-on's, or one the cluster already runs.
    public static let certManager = AdvisoryComponent(
        name: "cert-manager",
        imageRepositories: ["controller", "webhook", "cainjector", "startupapicheck", "acmesolver", "ctl"].map { "quay.io/jetstack/cert-manager-\($0)" })

    /// The advisories of the components every app may use. Each entry's source is the
    /// Kubernetes security response issue or the project's own advisory.
    public static let shared: [SecurityAdvisory] = ingressNginxAdvisories + certManagerAdvisories

    /// The March 2025 "IngressNightmare" set and the 2026 injections, as the Kubernetes Security
    /// Response Committee published them (kubernetes/kubernetes issues).
    private static let ingressNginxAdvisories: [SecurityAdvisory] = {
        let nightmare = [AffectedVersions(fixed: "1.11.5"), AffectedVersions(from: "1.12.0", fixed: "1.12.1")]
        let nightmareFixes = ["v1.11.5", "v1.12.1"]
        let injection = "code execution in the controller and disclosure of every Secret it can read (all of them, as installed by default)"
        return [
            SecurityAdvisory(
                id: "CVE-2025-1974", aliases: ["GHSA-mgvx-rpfc-9mpv"], component: ingressNginx, severity: .critical,
                affected: nightmare, fixedIn: nightmareFixes,
                impact: "code execution without credentials through the admission webhook, reachable from any pod, and disclosure "
                    + "of every Secret the controller can read",
                source: "https://github.com/kubernetes/kubernetes/issues/131009"),
            SecurityAdvisory(
                id: "CVE-2025-1097", aliases: ["GHSA-823x-fv5p-h7hw"], component: ingressNginx, severity: .high,
                affected: nightmare, fixedIn: nightmareFixes,
                impact: "configuration injection through the auth-tls-match-cn annotation: " + injection,
                source: "https://github.com/kubernetes/kubernetes/issues/131007"),
            SecurityAdvisory(
                id: "CVE-2025-1098", aliases: ["GHSA-vg63-w3p9-jc9m"], component: ingressNginx, severity: .high,
                affected: nightmare, fixedIn: nightmareFixes,
                impact: "configuration injection through the mirror-target and mirror-host annotations: " + injection,
                source: "https://github.com/kubernetes/kubernetes/issues/131008"),
            SecurityAdvisory(
                id: "CVE-2025-24514", aliases: ["GHSA-fwwp-xcxw-39vq"], component: ingressNginx, severity: .high,
                affected: nightmare, fixedIn: nightmareFixes,
                impact: "configuration injection through the auth-url annotation: " + injection,
                source: "https://github.com/kubernetes/kubernetes/issues/131006"),
            SecurityAdvisory(
                id: "CVE-2025-24513", component: ingressNginx, severity: .moderate,
                affected: nightmare, fixedIn: nightmareFixes,
                impact: "path traversal through the auth secret file name: denial of service, and Secrets disclosed with the other holes",
                source: "https://github.com/kubernetes/kubernetes/issues/131005"),
            SecurityAdvisory(
                id: "CVE-2026-24512", component: ingressNginx, severity: .high,
                affected: [AffectedVersions(fixed: "1.13.7"), AffectedVersions(from: "1.14.0", fixed: "1.14.3")], fixedIn: ["v1.13.7", "v1.14.3"],
                impact: "configuration injection through an Ingress path (rules.http.paths.path): " + injection,
                source: "https://github.com/kubernetes/kubernetes/issues/136678"),
            SecurityAdvisory(
                id: "CVE-2026-3288", component: ingressNginx, severity: .high,
                affected: [AffectedVersions(fixed: "1.14.4")], fixedIn: ["v1.14.4", "v1.15.0"],
                impact: "configuration injection through the rewrite-target annotation: " + injection,
                source: "https://github.com/kubernetes/kubernetes/issues/137560"),
        ]
    }()

    private static let certManagerAdvisories: [SecurityAdvisory] = [
        SecurityAdvisory(
            id: "CVE-2024-12401", aliases: ["GHSA-r4pg-vg54-wxx4"], component: certManager, severity: .moderate,
            affected: [
                AffectedVersions(fixed: "1.12.14"), AffectedVersions(from: "1.13.0", fixed: "1.15.4"),
                AffectedVersions(from: "1.16.0", fixed: "1.16.2"),
            ],
            fixedIn: ["v1.12.14", "v1.15.4", "v1.16.2"],
            impact: "crafted PEM data in a Secret or ConfigMap cert-manager reads holds its controller's CPU (denial of service); "
                + "it takes the right to write that object",
            source: "https://github.com/cert-manager/cert-manager/security/advisories/GHSA-r4pg-vg54-wxx4"),
    ]
}
