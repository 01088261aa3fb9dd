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

    /// The official ClickHouse server image, which every app runs in the cluster (through an
    /// operator, its chart, or a StatefulSet of rigger's).
    public static let clickHouse = AdvisoryComponent(name: "ClickHouse", imageRepositories: ["docker.io/clickhouse/clickhouse-server"])

    /// The advisories of the components every app may use. Each entry's source is the
    /// Kubernetes security response issue or the project's own advisory.
    public static let shared: [SecurityAdvisory] = ingressNginxAdvisories + certManagerAdvisories + clickHouseAdvisories

    /// ClickHouse's own advisories, as its security changelog and GitHub advisories state the
    /// fixed releases of each line. A line that got no backport (23.4 to 23.7, and 23.9 for
    /// some) runs into the next line's fix.
    private static let clickHouseAdvisories: [SecurityAdvisory] = {
        let nativeCrash = "a crafted packet to the native port (9000), without credentials, crashes the server; reachable from any pod "
            + "in the cluster"
        func codec(_ fixes: [String]) -> [AffectedVersions] {
            [AffectedVersions(fixed: fixes[0]), AffectedVersions(from: "23.4", fixed: fixes[1]), AffectedVersions(from: "23.9", fixed: fixes[2]),
             AffectedVersions(from: "23.10", fixed: fixes[3])]
        }
        let t64 = ["23.3.16.7", "23.8.6.16", "23.9.4.11", "23.10.2.13"]
        let fpc = ["23.3.17.13", "23.8.7.24", "23.9.5.29", "23.10.4.25"]
        let gorilla = ["23.3.18.15", "23.8.8.20", "23.9.6.20", "23.10.5.20"]
        return [
            SecurityAdvisory(
                id: "CVE-2023-47118", aliases: ["GHSA-g22g-p6q2-x39v"], component: clickHouse, severity: .high,
                affected: codec(t64), fixedIn: t64, impact: "heap buffer overflow in the T64 codec: " + nativeCrash,
                source: "https://github.com/ClickHouse/ClickHouse/security/advisories/GHSA-g22g-p6q2-x39v"),
            SecurityAdvisory(
                id: "CVE-2023-48298", aliases: ["GHSA-qw9f-qv29-8938"], component: clickHouse, severity: .moderate,
                affected: codec(fpc), fixedIn: fpc, impact: "integer underflow in the FPC codec: " + nativeCrash,
                source: "https://github.com/ClickHouse/ClickHouse/security/advisories/GHSA-qw9f-qv29-8938"),
            SecurityAdvisory(
                id: "CVE-2023-48704", aliases: ["GHSA-5rmf-5g48-xv63"], component: clickHouse, severity: .high,
                affected: codec(gorilla), fixedIn: gorilla, impact: "heap buffer overflow in the Gorilla codec: " + nativeCrash,
                source: "https://github.com/ClickHouse/ClickHouse/security/advisories/GHSA-5rmf-5g48-xv63"),
            SecurityAdvisory(
                id: "CVE-2024-22412", aliases: ["GHSA-45h5-f7g3-gr8r"], component: clickHouse, severity: .high,
                affected: [
                    AffectedVersions(from: "23.1", fixed: "23.3.22.3"), AffectedVersions(from: "23.4", fixed: "23.8.12.13"),
                    AffectedVersions(from: "23.9", fixed: "23.12.6.19"),
                ],
                fixedIn: ["23.3.22.3", "23.8.12.13", "23.12.6.19", "24.1.1.2048"],
                impact: "with the query cache on, a user who switches roles can be served results cached for another role",
                source: "https://github.com/ClickHouse/ClickHouse/security/advisories/GHSA-45h5-f7g3-gr8r",
                unreachable: "it needs the query cache (off unless a query sets use_query_cache) and users switching roles; each app "
                    + "connects as one user and sets neither"),
            SecurityAdvisory(
                id: "CVE-2024-6873", aliases: ["GHSA-432f-r822-j66f"], component: clickHouse, severity: .high,
                affected: [
                    AffectedVersions(fixed: "23.8.15.35"), AffectedVersions(from: "23.9", fixed: "24.3.4.147"),
                    AffectedVersions(from: "24.4", fixed: "24.4.2.141"),
                ],
                fixedIn: ["23.8.15.35", "24.3.4.147", "24.4.2.141", "24.5.1.1763"],
                impact: "a crafted request to the native port (9000), without credentials, redirects the server's execution flow "
                    + "(within a 256-byte range of memory); reachable from any pod in the cluster",
                source: "https://github.com/ClickHouse/ClickHouse/security/advisories/GHSA-432f-r822-j66f"),
            SecurityAdvisory(
                id: "CVE-2025-1385", aliases: ["GHSA-5phv-x8x4-83x5"], component: clickHouse, severity: .high,
                affected: [
                    AffectedVersions(fixed: "24.3.18.6"), AffectedVersions(from: "24.4", fixed: "24.8.14.27"),
                    AffectedVersions(from: "24.9", fixed: "24.11.5.34"), AffectedVersions(from: "24.12", fixed: "24.12.5.65"),
                    AffectedVersions(from: "25.1", fixed: "25.1.5.5"),
                ],
                fixedIn: ["24.3.18.6", "24.8.14.27", "24.11.5.34", "24.12.5.65", "25.1.5.5"],
                impact: "a user allowed both to write files through a table engine and to load libraries through the library bridge "
                    + "runs code on the server",
                source: "https://github.com/ClickHouse/ClickHouse/security/advisories/GHSA-5phv-x8x4-83x5",
                unreachable: "it takes the database's own administrator credentials, which only the app's Secret holds: no one "
                    + "without them reaches it"),
        ]
    }()

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
