import Foundation
import RiggerCore
import RiggerCluster
@testable import RiggerTUI
import XCTest

/// The session with the cluster read: stand-in kubectl, helm and gcloud replaying the recorded EKS
/// cluster (two contexts, gp2 / gp3 (default) / io2, cert-manager from its own release, a Secret
/// rds-creds). Every front end reads these: the full screen draws them, the plain mode prints them.
final class WizardClusterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-cluster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A session on the aws preset whose cluster has answered every probe.
    private func session(scenario: String = "eks", out: String = "out") throws -> WizardSession {
        let bin = try WizardClusterEndToEndTests.standInTools(in: folder)
        let runner = SubprocessRunner(environment: WizardClusterEndToEndTests.standInEnvironment(bin, scenario: scenario))
        let generator = BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:])
        let session = try WizardSession(
            request: GenerationRequest(preset: "aws", outputDirectory: folder.appendingPathComponent(out).path), generator: generator,
            outputGiven: true, cluster: WizardClusterReader(probe: ClusterProbe(runner: runner)))
        XCTAssertNil(session.clusterFindings, "nothing is read before the first frame")
        session.startReadingCluster()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            _ = session.clusterDidChange()
            if let findings = session.clusterFindings, findings.facts.release != nil, findings.facts.secrets != nil,
               findings.facts.certManager != nil, findings.facts.storageClasses != nil, findings.facts.contexts != nil,
               findings.facts.nodes != nil {
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Thread.sleep(forTimeInterval: 0.2)
        _ = session.clusterDidChange()
        return session
    }

    func testTheClustersValuesAreOfferedOnTheirFieldsWithTheirMarks() throws {
        let session = try session()
        XCTAssertEqual(session.clusterSuggestions("storageClass").map(\.description), ["gp2", "gp3 (default)", "io2"])
        let contexts = session.clusterSuggestions("kubeContext")
        XCTAssertEqual(contexts.count, 2)
        XCTAssertEqual(contexts.filter { $0.mark == .current }.count, 1)
        XCTAssertTrue(session.clusterSuggestions("postgresql.existingSecret").map(\.value).contains("rds-creds"))
        XCTAssertEqual(session.clusterSuggestions("ingress.type"), [], "a choice question keeps its catalog's values")
        XCTAssertTrue(session.clusterLines(.answer("storageClass")).contains { $0.contains("read from the cluster") })
        XCTAssertEqual(session.clusterReviewLines.first, "new install: no release posthog in namespace posthog")
    }

    /// Choosing a Gateway reads the cluster's Gateways, which are then offered as storage classes are.
    func testTheClustersGatewaysAreOfferedOnceTheIngressIsAGateway() throws {
        let session = try session(scenario: "gateway eks")
        XCTAssertEqual(session.clusterSuggestions("ingress.gateway.name"), [], "nothing is read of the Gateway API before it is chosen")
        session.setAnswer("ingress.type", "gateway")
        session.setAnswer("ingress.tls", "gateway")
        session.followClusterTarget()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, session.clusterFindings?.facts.gatewayAPI == nil {
            _ = session.clusterDidChange()
            Thread.sleep(forTimeInterval: 0.02)
        }
        _ = session.clusterDidChange()
        XCTAssertEqual(session.clusterSuggestions("ingress.gateway.name").map(\.value), ["shared", "internal", "external"])
        XCTAssertEqual(session.clusterSuggestions("ingress.gateway.namespace").map(\.value), ["gateway-infra", "gke-gateway"])
        XCTAssertTrue(session.clusterLines(.answer("ingress.gateway.name")).contains { $0.contains("read from the cluster") })
    }

    /// With the secrets in a cloud store, the cluster's ClusterSecretStores for that cloud are
    /// offered on the Secrets page, and a cluster without the operator is said on the store.
    func testTheClusterSecretStoresAreOfferedOnTheSecretsPage() throws {
        let session = try session(scenario: "secret-stores eks")
        session.setAnswer("secrets.store", "aws-secrets-manager")
        session.setAnswer("secrets.aws.region", "us-east-1")
        // Choosing a cloud store changes what is read: the stores are read then.
        session.followClusterTarget()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, session.clusterFindings?.facts.clusterSecretStores == nil || session.clusterFindings?.facts.externalSecretVersions == nil {
            Thread.sleep(forTimeInterval: 0.02)
            _ = session.clusterDidChange()
        }
        XCTAssertEqual(session.clusterSuggestions(CommonQuestions.clusterSecretStoreKey), [ClusterChoice("aws-shared", detail: "Ready")])
        session.pageIndex = try XCTUnwrap(session.pages.firstIndex(of: .secrets))
        XCTAssertTrue(session.fields.contains(.answer(CommonQuestions.clusterSecretStoreKey)), "\(session.fields)")
        XCTAssertTrue(session.clusterLines(.answer(CommonQuestions.clusterSecretStoreKey)).contains { $0.contains("read from the cluster") })
    }

    /// The kube contexts come from the kubeconfig, not the cluster, and say so wherever they are offered.
    func testTheContextsAreSaidToComeFromTheKubeconfig() throws {
        let session = try session()
        _ = session.handle(.enter)
        XCTAssertEqual(session.focusedField, .answer("kubeContext"))
        let screen = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: true)).text
        XCTAssertTrue(screen.contains("in the kubeconfig:"), screen)
        XCTAssertFalse(screen.contains("in the cluster:"), screen)
        let lines = session.clusterLines(.answer("kubeContext"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("In the kubeconfig: ") && $0.contains("(read from the kubeconfig;") }, "\(lines)")
        XCTAssertTrue(PlainQuestion(.answer("kubeContext"), in: session.flow).lines.contains("  Read from the kubeconfig (a number picks one, or type another):"))
        // The storage classes do come from the cluster.
        XCTAssertTrue(session.clusterLines(.answer("storageClass")).contains { $0.hasPrefix("In the cluster: ") })
    }

    func testUpAndDownPickTheClustersValuesAndTypingStaysFree() throws {
        let session = try session()
        _ = session.handle(.enter)  // the cluster page
        session.focus(on: .answer("storageClass"))
        _ = session.handle(.down)
        XCTAssertEqual(session.displayText("storageClass"), "gp2")
        _ = session.handle(.down)
        XCTAssertEqual(session.displayText("storageClass"), "gp3")
        _ = session.handle(.up)
        XCTAssertEqual(session.displayText("storageClass"), "gp2")
        _ = session.handle(.up)  // past the first value: on to the field above
        XCTAssertEqual(session.focusedField, .answer("image.tag"))
        session.focus(on: .answer("storageClass"))
        _ = session.handle(.character("x"))
        XCTAssertEqual(session.displayText("storageClass"), "gp2x")
        _ = session.handle(.tab)
        XCTAssertTrue(session.clusterField("storageClass")?.warnings.first?.message.contains("storage class gp2x does not exist") == true)
        XCTAssertTrue(session.clusterWarnings.contains { $0.hasPrefix("cluster: storageClass: 'gp2x'") })
    }

    /// A cert-manager of another release (the old-controllers cluster's) turns the bundle's own off.
    func testCertManagerAlreadyInstalledTurnsTheBundlesOwnOffAndTheOperatorCanSayOtherwise() throws {
        let session = try session(scenario: "old-controllers")
        XCTAssertEqual(session.displayText("ingress.installCertManager"), "false")
        let settled = try XCTUnwrap(session.clusterField("ingress.installCertManager")?.warnings.first)
        XCTAssertFalse(settled.isConflict)
        XCTAssertTrue(settled.message.contains("cert-manager is already installed"), settled.message)
        XCTAssertFalse(session.clusterWarnings.contains { $0.contains("cert-manager is already installed") }, "what rigger settled is no warning: \(session.clusterWarnings)")
        XCTAssertTrue(session.clusterReviewLines.contains { $0.contains("set to false because cert-manager is already installed") })

        session.select("true", in: .answer("ingress.installCertManager"))
        _ = session.clusterDidChange()
        XCTAssertEqual(session.displayText("ingress.installCertManager"), "true", "the operator's own answer wins")
        XCTAssertFalse(session.clusterWarnings.contains { $0.contains("cert-manager is already installed") }, "nothing clashes: \(session.clusterWarnings)")
    }

    func testTheReviewedBundleCarriesWhatTheClusterSettled() throws {
        let session = try session(scenario: "old-controllers")
        session.replaceText("posthog.example.com", in: .answer("ingress.hostname"))
        session.replaceText("ops@example.com", in: .answer("ingress.letsencryptEmail"))
        var random = SystemSecretGenerator()
        let prepared = try session.generator.prepare(session.request, generator: &random)
        XCTAssertEqual(prepared.answers["ingress.installCertManager"]?.description, "false")
    }

    /// The cluster's own ingress-nginx 1.1.0, which a bundle with ingress.type=nginx would use: its
    /// advisories under the ingress field, as a warning, and among the review's warnings.
    func testTheClustersOldControllerIsWarnedOnItsFieldAndTheReview() throws {
        let session = try session(scenario: "old-controllers")
        session.select("nginx", in: .answer("ingress.type"))
        let lines = session.clusterLines(.answer("ingress.type"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("cluster: the controller of the IngressClass nginx") && $0.contains("CVE-2025-1974 (critical)") }, "\(lines)")
        XCTAssertTrue(session.clusterField("ingress.type")?.warnings.allSatisfy { !$0.isConflict } == true, "no conflict")
        XCTAssertTrue(session.clusterWarnings.contains { $0.hasPrefix("cluster: ingress.type: 'nginx': the controller of the IngressClass nginx") }, "\(session.clusterWarnings)")
    }

    /// The aws preset's standard size on one node of 2 CPUs: the Sizing field and the review say it doesn't fit.
    func testAnInstallTheNodesCantHoldIsWarnedOnTheSizingField() throws {
        let session = try session(scenario: "one-small-node eks")
        let warnings = session.clusterField("sizing")?.warnings.map(\.message) ?? []
        XCTAssertTrue(warnings.contains { $0.contains("does not fit: the cluster has 1 node with 2 CPU") }, "\(warnings)")
        XCTAssertEqual(session.clusterField("sizing")?.info, "1 node with 2 CPU and 3.84 GiB allocatable in all")
        XCTAssertTrue(session.clusterWarnings.contains { $0.hasPrefix("cluster: sizing: 'standard': the install requests ") }, "\(session.clusterWarnings)")
    }

    func testADeadClusterOffersNothingAndSaysWhyOnce() throws {
        let session = try session(scenario: "dead")
        XCTAssertEqual(session.clusterSuggestions("storageClass"), [])
        XCTAssertEqual(session.displayText("ingress.installCertManager"), "true", "left as it was")
        let lines = session.clusterLines(.answer("storageClass"))
        XCTAssertEqual(lines.count, 1, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("cluster: storage classes: the cluster did not answer"), lines[0])
    }

    func testThePlainModeNumbersTheClustersValuesForAFreeTextAnswer() throws {
        let session = try session()
        let question = PlainQuestion(.answer("storageClass"), in: session.flow)
        XCTAssertEqual(question.form, .text)
        XCTAssertTrue(question.lines.contains("  Read from the cluster (a number picks one, or type another):"), "\(question.lines)")
        XCTAssertTrue(question.lines.contains("  2) gp3 (default): ebs.csi.aws.com"), "\(question.lines)")
        XCTAssertEqual(question.reply(to: "2"), .text("gp3"))
        XCTAssertEqual(question.reply(to: "fast-ssd"), .text("fast-ssd"))
        XCTAssertTrue(question.prompt.hasPrefix("Storage class (1-3 or text)"), question.prompt)
    }

    func testWithoutAProbeOrOfflineNothingIsReadAndTheReviewSaysNothingOfIt() throws {
        let generator = BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:])
        for probe in [nil, WizardClusterReader(probe: ClusterProbe.offline())] as [WizardClusterReader?] {
            let session = try WizardSession(
                request: GenerationRequest(preset: "aws", outputDirectory: folder.appendingPathComponent("off").path), generator: generator,
                outputGiven: true, cluster: probe)
            session.startReadingCluster()
            XCTAssertFalse(session.clusterDidChange())
            XCTAssertNil(session.clusterFindings)
            XCTAssertEqual(session.clusterReviewLines, [])
        }
    }

    func testTheClusterPageAt80x24() throws {
        let session = try session()
        _ = session.handle(.enter)
        session.focus(on: .answer("storageClass"))
        _ = session.handle(.down)
        _ = session.handle(.down)
        try WizardTestSupport.checkSnapshot(WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: true)),
            "cluster-storage-class-80x24")
    }
}
