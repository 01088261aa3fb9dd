import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// What the recorded clusters mean for answers: the choices (marked), the answers the cluster
/// settles, and warnings that name the key, the value and what the cluster has.
final class ClusterFindingsTests: XCTestCase {
    private static let awsAnswers = ["ingress.hostname=posthog.example.com", "ingress.letsencryptEmail=ops@example.com"]

    private func facts(_ scenario: String) throws -> ClusterFacts {
        let cluster = try StandInCluster(scenario: scenario)
        return ClusterProbe(runner: cluster.runner).read(ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog"))
    }

    /// The bundle prepared with the cluster's facts, as `generate --probe` prepares it.
    private func checked(_ scenario: String, preset: String = "aws", sets: [String] = []) throws -> ClusterCheckedBundle {
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "cluster")
        let open = preset == "aws" ? Self.awsAnswers : []
        let request = GenerationRequest(preset: preset, setArguments: open + sets, outputDirectory: "/nonexistent/rigger-cluster")
        return try generator.prepare(request, generator: &random, cluster: try facts(scenario))
    }

    /// The acceptance cluster: two contexts, gp3 the default of three classes, cert-manager from a
    /// release of its own, and the Secret rds-creds.
    func testTheAcceptanceClusterOffersItsContextsClassesAndSecrets() throws {
        let findings = try checked("eks").findings
        XCTAssertEqual(findings["kubeContext"]?.choices, [
            ClusterChoice("arn:aws:eks:us-east-1:123456789012:cluster/prod", mark: .current), ClusterChoice("kind-dev"),
        ])
        XCTAssertEqual(findings["storageClass"]?.choices.map(\.description), ["gp2", "gp3 (default)", "io2"])
        XCTAssertEqual(findings["storageClass"]?.marked?.value, "gp3")
        for key in ["posthog.existingSecret", "postgresql.existingSecret", "redis.existingSecret", "clickhouse.existingSecret", "email.existingSecret"] {
            XCTAssertEqual(findings[key]?.choices.map(\.value), ["rds-creds"], "\(key): TLS Secrets hold no credentials")
        }
        XCTAssertEqual(findings["ingress.tlsSecretName"]?.choices.map(\.value), ["posthog-tls"])
        XCTAssertEqual(findings["ingress.className"]?.choices, [ClusterChoice("alb", detail: "ingress.k8s.aws/alb")])
        XCTAssertEqual(findings["kubeContext"]?.info, "Kubernetes 1.29 (v1.29.4-eks-036c24b)")
        XCTAssertEqual(findings.installSummary, "new install: no release posthog in namespace posthog")
        XCTAssertEqual(findings.notes, [])
    }

    /// A cert-manager of another release (old-controllers: release certs in kube-system) turns the
    /// bundle's own off, with the reason.
    func testCertManagerInTheClusterTurnsTheBundlesCopyOffWithTheReason() throws {
        let checked = try checked("old-controllers")
        XCTAssertEqual(checked.prepared.answers["ingress.installCertManager"], .bool(false))
        XCTAssertNil(checked.prepared.bundle[IngressAddOns.certManagerValuesPath], "no cert-manager of the bundle's own")
        let warning = try XCTUnwrap(checked.findings["ingress.installCertManager"]?.warnings.first)
        XCTAssertFalse(warning.isConflict, "rigger settled it: nothing for --strict to refuse")
        XCTAssertEqual(warning.description, """
            set ingress.installCertManager=false: cert-manager is already installed (CustomResourceDefinition \
            certificates.cert-manager.io, release certs in namespace kube-system, v1.6.1): 30-prerequisites.sh uses it and \
            installs no other (read from the cluster)
            """)
        let rigger = try XCTUnwrap(checked.prepared.bundle["rigger.yaml"]?.contents)
        XCTAssertTrue(rigger.contains("installCertManager: false"), "kept for the next regeneration")
        let prerequisites = try XCTUnwrap(checked.prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
        XCTAssertTrue(prerequisites.contains("kube get crd clusterissuers.cert-manager.io"), prerequisites)
        XCTAssertFalse(try XCTUnwrap(checked.prepared.bundle["README.md"]?.contents).contains("cert-manager-controller"), "its images are not pulled")
    }

    /// The operator's own answer wins, and clashes with nothing: 30-prerequisites.sh installs
    /// cert-manager only where there is none, as the check says.
    func testTheOperatorsOwnAnswerWinsAndClashesWithNothing() throws {
        let checked = try checked("old-controllers", sets: ["ingress.installCertManager=true"])
        XCTAssertEqual(checked.prepared.answers["ingress.installCertManager"], .bool(true))
        XCTAssertEqual(checked.findings.conflicts.map(\.description), [])
        XCTAssertTrue(checked.findings["ingress.installCertManager"]?.info?.hasSuffix("30-prerequisites.sh uses it and installs no other") == true)
        let prerequisites = try XCTUnwrap(checked.prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
        XCTAssertTrue(prerequisites.contains("echo \"cert-manager is installed; using it\""), prerequisites)
    }

    func testAnAnswerTheClusterLacksNamesTheKeyTheValueAndWhatItHas() throws {
        let findings = try checked("eks", sets: ["storageClass=gp2x", "kubeContext=staging"]).findings
        XCTAssertEqual(findings.conflicts.map(\.description), [
            "kubeContext: 'staging': the kubeconfig has no context staging; it has arn:aws:eks:us-east-1:123456789012:cluster/prod (current), kind-dev (read from the cluster)",
            "storageClass: 'gp2x': storage class gp2x does not exist in this cluster; it has gp2, gp3 (default), io2 (read from the cluster)",
        ])
    }

    func testANamedSecretMustHoldTheKeyTheChartReads() throws {
        let managed = ["postgresql.mode=managed", "postgresql.host=db.example.com", "postgresql.existingSecret=rds-creds"]
        let wrongKey = try checked("eks", sets: managed + ["postgresql.existingSecretKey=pass"]).findings
        XCTAssertEqual(wrongKey.conflicts.map(\.description), [
            "postgresql.existingSecretKey: 'pass': the Secret rds-creds has no key pass; it has password, username (read from the cluster)",
        ])
        XCTAssertEqual(wrongKey["postgresql.existingSecretKey"]?.choices.map(\.value), ["password", "username"])
        XCTAssertEqual(try checked("eks", sets: managed + ["postgresql.existingSecretKey=password"]).findings.conflicts, [])
        let missing = try checked("eks", sets: ["redis.existingSecret=elasticache-auth"]).findings
        XCTAssertEqual(missing.conflicts.map(\.description), [
            "redis.existingSecret: 'elasticache-auth': the Secret elasticache-auth is not in namespace posthog; it has rds-creds; 00-preflight.sh stops until it is there (read from the cluster)",
        ])
    }

    /// The cluster's IngressClass nginx is what 30-prerequisites.sh uses: no clash (installed by
    /// a release named as the add-on's, it counts as the bundle's own).
    func testAnUpgradeIsNamedAndTheClustersIngressNginxIsUsed() throws {
        let findings = try checked("upgrade", preset: "local", sets: ["ingress.type=nginx"]).findings
        XCTAssertEqual(findings.installSummary, "upgrade: release posthog in namespace posthog has chart posthog-30.40.0 (app 1.43.0), revision 3, deployed")
        XCTAssertEqual(findings["release"]?.info, "upgrade of chart posthog-30.40.0 (app 1.43.0), revision 3, deployed")
        XCTAssertEqual(findings.conflicts.map(\.key), [])
        XCTAssertEqual(findings["ingress.type"]?.info,
            "the IngressClass nginx was installed by this bundle (k8s.io/ingress-nginx, release ingress-nginx in namespace ingress-nginx)")
        XCTAssertEqual(findings["ingress.className"]?.marked, ClusterChoice("nginx", mark: .default, detail: "k8s.io/ingress-nginx"))
    }

    func testAFailedProbeLeavesTheFieldAsItWasWithAQuietLine() throws {
        let findings = try checked("forbidden").findings
        XCTAssertEqual(findings["storageClass"]?.choices, [])
        let note = try XCTUnwrap(findings["storageClass"]?.note)
        XCTAssertTrue(note.hasPrefix("storage classes: not read: not allowed (Error from server (Forbidden): storageclasses.storage.k8s.io is forbidden"), note)
        XCTAssertTrue(note.hasSuffix("; left as it was"), note)
        XCTAssertEqual(findings.warnings, [], "nothing read, nothing to warn about")
        XCTAssertEqual(findings.adjustments, [])
        XCTAssertEqual(findings["postgresql.existingSecret"]?.note?.hasPrefix("Secrets in namespace posthog: not read: not allowed"), true)
    }

    /// A cert-manager the bundle installed itself (its chart's, or a release its prerequisites
    /// install) is no clash: regenerating must not take it away.
    func testTheBundlesOwnCertManagerIsNoClash() throws {
        let answers = try TestProject.prepare(preset: "aws", sets: Self.awsAnswers).answers
        var facts = try facts("eks")
        let installed = try XCTUnwrap(facts.certManager?.value ?? nil)
        facts.certManager = .success(InstalledComponent(evidence: installed.evidence, owner: HelmOwner(release: "posthog", namespace: "posthog"), version: nil))
        let byTheChart = ClusterFindings(facts: facts, answers: answers, app: AppRegistry.standard.defaultEntry)
        XCTAssertEqual(byTheChart.adjustments, [])
        XCTAssertEqual(byTheChart["ingress.installCertManager"]?.info, "cert-manager was installed by this bundle (release posthog in namespace posthog)")

        let withPrerequisite = AppRegistry(AppWithPrerequisite()).defaultEntry
        let byAPrerequisite = ClusterFindings(facts: try self.facts("eks"), answers: answers, app: withPrerequisite)
        XCTAssertEqual(byAPrerequisite.adjustments, [], "release cert-manager in namespace cert-manager is the bundle's own")
        XCTAssertEqual(byAPrerequisite.warnings.filter { !$0.isAdvisory }, [], "its version's advisory is all there is to say")
    }

    func testAnOldClusterIsWarnedAbout() throws {
        var facts = try facts("eks")
        facts.version = .success(KubernetesVersion(major: 1, minor: 22, text: "v1.22.17"))
        let answers = try TestProject.prepare(preset: "local").answers
        let findings = ClusterFindings(facts: facts, answers: answers, app: AppRegistry.standard.defaultEntry)
        XCTAssertEqual(findings.conflicts.map(\.description), [
            "kubeContext: the cluster runs Kubernetes 1.22 (v1.22.17); PostHog needs 1.24 or newer with these answers (read from the cluster)",
        ])
    }

    /// Plausible's floor depends on its answers: CloudNativePG's 1.29 when the bundle runs
    /// PostgreSQL with it, the chart's 1.23 with a managed one. The probe warns at the number
    /// 00-preflight.sh refuses below.
    func testTheFloorIsTheOneTheBundleNeedsAndThePreflightRefusesBelowIt() throws {
        var facts = try facts("eks")
        facts.version = .success(KubernetesVersion(major: 1, minor: 27, text: "v1.27.16"))
        let plausible = try XCTUnwrap(AppRegistry.standard.entries.first { $0.id == "plausible" })
        let inCluster = try TestProject.prepare(app: "plausible", preset: "local")
        XCTAssertEqual(ClusterFindings(facts: facts, answers: inCluster.answers, app: plausible).conflicts.map(\.description), [
            "kubeContext: the cluster runs Kubernetes 1.27 (v1.27.16); Plausible needs 1.29 or newer with these answers (read from the cluster)",
        ])
        XCTAssertTrue(try XCTUnwrap(inCluster.bundle["scripts/00-preflight.sh"]).contents.contains("-lt 29 ]"), "the preflight refuses below the same floor")

        let managed = try TestProject.presetBundle("aws-managed", of: .plausible)
        XCTAssertEqual(ClusterFindings(facts: facts, answers: managed.answers, app: plausible).conflicts, [], "the chart alone needs 1.23")
        XCTAssertTrue(try XCTUnwrap(managed.bundle["scripts/00-preflight.sh"]).contents.contains("-lt 23 ]"))
    }
}

/// PostHog as an app whose prerequisites would install cert-manager as a release of its own.
private struct AppWithPrerequisite: AppDefinition {
    let base = PostHogApp()
    var id: String { base.id }
    var title: String { base.title }
    var summary: String { base.summary }
    var chart: ChartReference { base.chart }
    var questions: [Question] { base.questions }
    var secretFiles: [SecretFileSpec] { base.secretFiles }
    var upgradeRules: UpgradeRules { base.upgradeRules }
    var prerequisiteReleases: [HelmOwner] { [HelmOwner(release: "cert-manager", namespace: "cert-manager")] }
    func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> RiggerCore.Bundle { try base.render(answers, secrets: secrets) }
}
