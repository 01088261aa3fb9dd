import Foundation
import RiggerTestSupport
import XCTest

/// The built wizard reading a cluster: stand-in kubectl, helm and gcloud on PATH replay what the
/// real tools printed for the tests' recorded EKS cluster (two contexts; storage classes gp2, gp3
/// the default, and io2; cert-manager installed by its own release; a Secret `rds-creds` in the
/// namespace). See Tests/RiggerCoreTests/Fixtures/cluster.
final class WizardClusterEndToEndTests: XCTestCase {
    private var session: TmuxSession!
    private var standIn: URL!

    override func setUpWithError() throws {
        session = try TmuxSession()
        standIn = try Self.standInTools(in: session.folder)
    }

    override func tearDown() {
        session?.stop()
    }

    static let fixtures = StandInCluster.fixtures

    /// A folder of stand-in kubectl, helm and gcloud for PATH.
    static func standInTools(in folder: URL) throws -> URL {
        let bin = folder.appendingPathComponent("standin-bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for tool in ["kubectl", "helm", "gcloud"] {
            try FileManager.default.createSymbolicLink(
                atPath: bin.appendingPathComponent(tool).path, withDestinationPath: fixtures.appendingPathComponent("standin.sh").path)
        }
        return bin
    }

    /// The environment that puts the stand-ins first on PATH, answering as `scenario`.
    static func standInEnvironment(_ bin: URL, scenario: String = "eks", delay: Double? = nil) -> [String: String] {
        var environment = [
            "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "RIGGER_STANDIN_FIXTURES": fixtures.path,
            "RIGGER_STANDIN_SCENARIO": scenario,
        ]
        if let delay { environment["RIGGER_STANDIN_DELAY"] = String(delay) }
        return environment
    }

    private func shellEnvironment(_ environment: [String: String]) -> String {
        environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
    }

    /// The acceptance walk: the contexts, the storage classes with gp3 marked default and rds-creds
    /// are offered; the cluster's cert-manager (release cert-manager, named as the add-on's) is
    /// used, with its version's advisory under the field; the bundle written equals `generate
    /// --probe` with the same answers against the same cluster.
    func testTheWizardOffersWhatTheClusterHasAndWarnsOfItsCertManagersAdvisory() throws {
        let out = session.folder.appendingPathComponent("aws")
        let environment = Self.standInEnvironment(standIn)
        try session.start("--preset aws --out '\(out.path)'", environment: shellEnvironment(environment), cluster: true)
        try session.waitFor("> App and cloud")
        try session.keys("Enter")

        // Cluster: the kube context is where typing starts, with the kubeconfig's contexts under it.
        var screen = try session.waitFor("kind-dev")
        XCTAssertTrue(screen.contains("in the kubeconfig:"), screen)
        XCTAssertTrue(screen.contains("( ) arn:aws:eks:us-east-1:"), screen)
        XCTAssertTrue(screen.contains("(current)"), "the current context is marked:\n\(screen)")
        for _ in 0..<5 { try session.keys("Tab") }
        screen = try session.waitFor("gp3 (default)")
        XCTAssertTrue(screen.contains("( ) gp2"), screen)
        XCTAssertTrue(screen.contains("( ) io2"), screen)
        XCTAssertTrue(screen.contains("(read from the"), screen)
        try session.keys("Down", "Down")
        try session.waitFor("(*) gp3 (default)")
        try session.waitFor("Storage class       gp3")

        try session.pressEnter(until: "Ingress and TLS")
        try session.type("posthog.example.com")
        try session.keys("Tab", "Tab")
        try session.type("ops@example.com")
        try session.keys("Tab")
        try session.waitFor(">Own cert-manager    [x] yes")
        screen = try session.waitFor("CVE-2024-12401")
        XCTAssertTrue(screen.contains("cluster: the cert-manager in the"), screen)
        XCTAssertTrue(screen.contains("cert-manager in namespace cert-manager"), "the help says which release has it:\n\(screen)")

        try session.pressEnter(until: "Secrets")
        try session.keys("Tab")  // the PostgreSQL password
        try session.keys("Down", "Down")
        try session.waitFor("(*) use an existing Secret")
        try session.keys("Tab")
        screen = try session.waitFor("rds-creds")
        XCTAssertTrue(screen.contains("( ) rds-creds  password, username"), screen)
        try session.keys("Down")
        try session.waitFor("  Secret name       rds-creds")
        try session.keys("Tab")
        try session.waitFor("cluster: the Secret rds-creds has no")

        try session.pressEnter(until: "Review")
        try session.waitFor("Warnings")
        // How far down it is depends on the warnings above it and the folder's path.
        for _ in 0..<30 {
            if try session.screen().contains("new install: no release posthog in") { break }
            try session.keys("Down")
            Thread.sleep(forTimeInterval: 0.1)
        }
        try session.waitFor("new install: no release posthog in")
        try session.keys("Enter")
        try session.waitFor("The bundle is written to")
        try session.keys("Enter")
        try session.waitFor("EXIT=0")

        let generated = session.folder.appendingPathComponent("generated")
        try TmuxSession.generate(
            ["--preset", "aws", "--probe", "--set", "ingress.hostname=posthog.example.com", "--set", "ingress.letsencryptEmail=ops@example.com",
             "--set", "storageClass=gp3", "--set", "postgresql.existingSecret=rds-creds"],
            out: generated, environment: environment)
        TmuxSession.assertSameBundle(out, generated)
        let values = try String(contentsOf: out.appendingPathComponent("values.yaml"), encoding: .utf8)
        XCTAssertTrue(values.contains("cert-manager:\n  enabled: false"), values)
    }

    /// A cluster that does not answer leaves every field as it is, with one quiet line.
    func testADeadClusterLeavesTheFieldsAsTheyAreWithOneQuietLine() throws {
        let out = session.folder.appendingPathComponent("dead")
        try session.start(
            "--preset aws --out '\(out.path)'", environment: shellEnvironment(Self.standInEnvironment(standIn, scenario: "dead")), cluster: true)
        try session.waitFor("> App and cloud")
        try session.keys("Enter")
        // The kubeconfig is read (its contexts are offered); the cluster itself said nothing.
        try session.waitFor("cluster: Kubernetes version: not read")
        for _ in 0..<5 { try session.keys("Tab") }
        let screen = try session.waitFor("cluster: storage classes: the cluster")
        XCTAssertFalse(screen.contains("gp3"), "no storage class is offered:\n\(screen)")
        try session.pressEnter(until: "Ingress and TLS")
        try session.type("posthog.example.com")
        try session.keys("Tab", "Tab")
        try session.type("ops@example.com")
        try session.keys("Tab")
        let ingress = try session.waitFor("cluster: cert-manager: the cluster")
        XCTAssertTrue(ingress.contains(">Own cert-manager    [x] yes"), ingress)
        try session.keys("C-c")
        try session.waitFor("Quit")
        try session.keys("y")
        try session.waitFor("EXIT=130")
    }
}

/// That no keystroke waits for the cluster: the wizard's first frame and its keystrokes in a text
/// field, against a cluster whose every answer takes three seconds, next to the same walk reading
/// no cluster. A ratio, never an absolute time: a wizard that waited for one probe would be a
/// hundred times slower, a loaded machine slows both runs alike.
final class WizardClusterLatencyTests: XCTestCase {
    private struct Timing {
        var firstFrame: Double
        var keystroke: Double
    }

    private func walk(cluster: Bool, bin: URL, folder: URL) throws -> Timing {
        let pty = try PtySession()
        defer { pty.stop() }
        let environment = WizardClusterEndToEndTests.standInEnvironment(bin, delay: 3)
        let start = Date()
        try pty.start(
            ["--preset", "aws", "--out", folder.appendingPathComponent(UUID().uuidString).path], term: "xterm-256color",
            environment: environment, cluster: cluster)
        pty.waitFor("step 2 of 9")
        let firstFrame = Date().timeIntervalSince(start)
        pty.send("")  // Enter: the cluster page, typing into the kube context
        pty.waitFor("Kube context")
        var keystrokes: [Double] = []
        for letter in "abcdefghijkl".utf8 {
            guard let seconds = pty.secondsToAnswer([letter]) else {
                XCTFail("a keystroke got no answer in ten seconds")
                break
            }
            keystrokes.append(seconds)
        }
        keystrokes.sort()
        return Timing(firstFrame: firstFrame, keystroke: keystrokes.isEmpty ? .infinity : keystrokes[keystrokes.count / 2])
    }

    func testTheFirstFrameAndKeystrokesCostTheSameWithASlowCluster() throws {
        let folder = try XCTUnwrap(FileManager.default.temporaryDirectory.appendingPathComponent("rigger-latency-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bin = try WizardClusterEndToEndTests.standInTools(in: folder)
        // Taking turns, so that a load on the machine weighs on both alike; the best of three each.
        var offline: [Timing] = [], slow: [Timing] = []
        for _ in 0..<3 {
            offline.append(try walk(cluster: false, bin: bin, folder: folder))
            slow.append(try walk(cluster: true, bin: bin, folder: folder))
        }
        let best = { (runs: [Timing]) in Timing(firstFrame: runs.map(\.firstFrame).min() ?? 0, keystroke: runs.map(\.keystroke).min() ?? 0) }
        let without = best(offline), with = best(slow)
        let frameRatio = with.firstFrame / max(without.firstFrame, 1e-6)
        let keyRatio = with.keystroke / max(without.keystroke, 1e-6)
        XCTAssertLessThan(frameRatio, 5, "first frame with a 3 s cluster \(with.firstFrame) s against \(without.firstFrame) s without")
        XCTAssertLessThan(keyRatio, 5, "median keystroke with a 3 s cluster \(with.keystroke) s against \(without.keystroke) s without")
    }
}
