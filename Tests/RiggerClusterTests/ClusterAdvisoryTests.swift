import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// What the cluster already runs and the bundle relies on: the ingress-nginx behind the
/// IngressClass it uses and cert-manager, said the way 30-prerequisites.sh acts on them, and
/// their versions checked against the advisories (the recorded old-controllers cluster runs
/// ingress-nginx 1.1.0 and cert-manager v1.6.1).
final class ClusterAdvisoryTests: XCTestCase {
    private static let awsAnswers = ["ingress.hostname=stats.example.com", "ingress.letsencryptEmail=ops@example.com"]

    private func facts(_ scenario: String) throws -> ClusterFacts {
        let cluster = try StandInCluster(scenario: scenario)
        return ClusterProbe(runner: cluster.runner).read(ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog"))
    }

    /// A bundle of `app` in namespace and release posthog (where the scenarios' objects are),
    /// prepared with the cluster's facts as `generate --probe` prepares it.
    private func checked(_ app: String, _ scenario: String, sets: [String] = []) throws -> ClusterCheckedBundle {
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "cluster")
        let request = GenerationRequest(
            app: app, preset: "aws", setArguments: Self.awsAnswers + ["namespace=posthog", "release=posthog", "ingress.type=nginx"] + sets,
            outputDirectory: "/nonexistent/rigger-cluster")
        return try generator.prepare(request, generator: &random, cluster: try facts(scenario))
    }

    func testTheProbeReadsTheControllersVersionFromItsIngressClass() throws {
        let classes = try XCTUnwrap(try facts("old-controllers").ingressClasses?.value)
        XCTAssertEqual(classes, [IngressClassFact(
            name: "nginx", controller: "k8s.io/ingress-nginx", isDefault: false, owner: HelmOwner(release: "nginx-ingress", namespace: "kube-system"),
            version: "1.1.0")])
    }

    /// The cluster's IngressClass nginx is what 30-prerequisites.sh uses, for every app: no clash,
    /// but the same words as the script, and its controller's advisories.
    func testTheClustersIngressNginxIsUsedAsThe30PrerequisitesScriptUsesIt() throws {
        for app in ["posthog", "plausible", "helicone"] {
            let checked = try checked(app, "old-controllers")
            let findings = checked.findings
            XCTAssertEqual(findings.conflicts.map(\.description), [], app)
            let info = try XCTUnwrap(findings["ingress.type"]?.info, app)
            XCTAssertTrue(info.hasPrefix("the IngressClass nginx exists (k8s.io/ingress-nginx 1.1.0, release nginx-ingress in namespace kube-system): "
                + "30-prerequisites.sh uses the controller behind it"), "\(app): \(info)")
            let script = try XCTUnwrap(checked.prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
            XCTAssertTrue(script.contains("echo \"IngressClass nginx exists; using the controller behind it\""), app)
            let advisory = try XCTUnwrap(findings["ingress.type"]?.warnings.first { $0.isAdvisory }, app)
            XCTAssertFalse(advisory.isConflict, "\(app): --strict refuses no advisory")
            XCTAssertTrue(advisory.description.hasPrefix(
                "ingress.type: 'nginx': the controller of the IngressClass nginx (release nginx-ingress in namespace kube-system) runs ingress-nginx "
                    + "1.1.0, which 7 known advisories affect: CVE-2025-1974 (critical), "), "\(app): \(advisory)")
            XCTAssertTrue(advisory.description.hasSuffix("Upgrade it to v1.14.4 or later (read from the cluster)"), "\(app): \(advisory)")
            let certManager = try XCTUnwrap(findings["ingress.installCertManager"]?.warnings.first { $0.isAdvisory }, app)
            XCTAssertTrue(certManager.message.contains("runs cert-manager v1.6.1, which a known advisory affects: CVE-2024-12401 (moderate)"), certManager.message)
        }
    }

    /// An ingress-nginx that serves other classes only is where the script would install a
    /// second one: a clash, as before.
    func testAnIngressNginxServingOtherClassesIsStillAClash() throws {
        var facts = try facts("old-controllers")
        facts.ingressClasses = .success([IngressClassFact(
            name: "internal", controller: "k8s.io/ingress-nginx", isDefault: false, owner: HelmOwner(release: "edge", namespace: "edge"), version: "1.15.1")])
        let answers = try TestProject.prepare(app: "plausible", preset: "local", sets: ["ingress.type=nginx"]).answers
        let findings = ClusterFindings(facts: facts, answers: answers, app: try XCTUnwrap(AppRegistry.standard.entry("plausible")))
        XCTAssertEqual(findings.conflicts.map(\.key), ["ingress.type"])
        XCTAssertTrue(findings.conflicts[0].message.contains("30-prerequisites.sh would install a second ingress-nginx for class nginx"), findings.conflicts[0].message)
        XCTAssertTrue(findings.conflicts[0].message.hasSuffix("use ingress.type=existing with ingress.className=internal"))
    }

    /// With ingress.type=existing, the named class's controller is checked too.
    func testAnExistingClassesControllerIsCheckedToo() throws {
        let answers = try TestProject.prepare(app: "plausible", preset: "local", sets: ["ingress.type=existing", "ingress.className=nginx"]).answers
        let findings = ClusterFindings(facts: try facts("old-controllers"), answers: answers, app: try XCTUnwrap(AppRegistry.standard.entry("plausible")))
        XCTAssertTrue(findings["ingress.className"]?.warnings.contains { $0.isAdvisory && $0.message.contains("CVE-2025-1974") } == true,
            "\(String(describing: findings["ingress.className"]))")
        XCTAssertEqual(findings.conflicts.map(\.description), [])
    }

    /// `generate --probe` says the same, as a warning; --strict still writes the bundle.
    func testGenerateProbeWarnsWithTheAdvisory() throws {
        guard FileManager.default.isExecutableFile(atPath: TestProject.executable.path) else {
            return XCTFail("build rigger first (swift build): \(TestProject.executable.path) is missing")
        }
        let cluster = try StandInCluster(scenario: "old-controllers")
        let out = cluster.folder.appendingPathComponent("bundle")
        let result = try runProgram(
            TestProject.executable.path,
            ["generate", "--preset", "aws", "--out", out.path, "--probe", "--strict", "--set", "storageClass=gp3", "--set", "ingress.type=nginx"]
                + Self.awsAnswers.flatMap { ["--set", $0] },
            environment: cluster.environment)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("rigger: cluster: warning: ingress.type: 'nginx': the controller of the IngressClass nginx"), result.error)
        XCTAssertTrue(result.error.contains("CVE-2025-1974 (critical)"), result.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("rigger.yaml").path))
    }

    /// 00-preflight.sh reads the same labels and warns with the same advisories, and goes on.
    func testThePreflightWarnsOfTheClustersOldControllers() throws {
        let prepared = try checked("plausible", "old-controllers")
        let script = try XCTUnwrap(prepared.prepared.bundle["scripts/00-preflight.sh"]?.contents)
        let start = try XCTUnwrap(script.range(of: "# What the install uses from the cluster"))
        let end = try XCTUnwrap(script.range(of: "\n\n", range: start.upperBound..<script.endIndex))
        let section = String(script[start.lowerBound..<end.lowerBound])
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The section with a kube that answers as the old-controllers cluster's objects are labelled.
        let runnable = """
            set -euo pipefail
            INGRESS_CLASS_USED='nginx'
            kube() {
              case "$*" in
                *"{.spec.controller}"*) printf 'k8s.io/ingress-nginx' ;;
                *"get ingressclass"*) printf '1.1.0' ;;
                *"get crd certificates.cert-manager.io"*) printf 'v1.6.1' ;;
              esac
            }
            \(section)
            echo "went on"
            """
        let file = folder.appendingPathComponent("section.sh")
        try Data(runnable.utf8).write(to: file)
        let result = try runProgram("bash", [file.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("the IngressClass nginx is served by ingress-nginx 1.1.0"), result.output)
        XCTAssertTrue(result.output.hasSuffix("went on\n"), "a warning, not a stop")
        XCTAssertTrue(result.error.contains("warning: the ingress-nginx of IngressClass nginx runs 1.1.0: CVE-2025-1974 (GHSA-mgvx-rpfc-9mpv, critical)"), result.error)
        XCTAssertTrue(result.error.contains("warning: cert-manager runs v1.6.1: CVE-2024-12401"), result.error)
        XCTAssertTrue(result.error.contains("CVE-2026-3288"), "every advisory is checked: \(result.error)")
    }
}
