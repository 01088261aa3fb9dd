import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// `rigger generate --probe [--strict]` as an operator runs it, with stand-in kubectl, helm and
/// gcloud replaying recorded clusters; and that probing never slows the work that doesn't need it.
final class GenerateProbeTests: XCTestCase {
    private static let aws = ["--preset", "aws", "--set", "ingress.hostname=posthog.example.com", "--set", "ingress.letsencryptEmail=ops@example.com"]

    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
    }

    private func generate(_ cluster: StandInCluster, _ arguments: [String]) throws -> (ProgramResult, URL) {
        let out = cluster.folder.appendingPathComponent("bundle")
        return (try runProgram(TestProject.executable.path, ["generate"] + arguments + ["--out", out.path], environment: cluster.environment), out)
    }

    private func clusterLines(_ result: ProgramResult) -> [String] {
        result.error.split(separator: "\n").map(String.init).filter { $0.hasPrefix("rigger: cluster: ") }
    }

    /// The acceptance scenario: its cert-manager (release cert-manager in cert-manager, named as
    /// the add-on's release) is used as it is, and its version's advisory warned about; the
    /// answers otherwise agree with the cluster, so --strict writes the bundle too. (A cert-manager
    /// of another release is settled off: ClusterFindingsTests.)
    func testTheAcceptanceClusterIsReadAndItsCertManagersAdvisoryWarnedAbout() throws {
        let cluster = try StandInCluster(scenario: "eks")
        let (result, out) = try generate(cluster, Self.aws + ["--set", "storageClass=gp3", "--probe", "--strict"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(clusterLines(result), [
            "rigger: cluster: new install: no release posthog in namespace posthog",
            "rigger: cluster: warning: ingress.installCertManager: 'true': the cert-manager in the cluster (release cert-manager in namespace "
                + "cert-manager) runs cert-manager v1.14.4, which a known advisory affects: CVE-2024-12401 (moderate); the worst, CVE-2024-12401: "
                + "crafted PEM data in a Secret or ConfigMap cert-manager reads holds its controller's CPU (denial of service); it takes the "
                + "right to write that object. Upgrade it to v1.15.4 or later (read from the cluster)",
        ])
        let values = try String(contentsOf: out.appendingPathComponent("values.yaml"), encoding: .utf8)
        XCTAssertTrue(values.contains("cert-manager:\n  enabled: false"), values)
        XCTAssertEqual(cluster.calls.filter { $0.hasPrefix("kubectl ") }.count, 8)
        XCTAssertFalse(result.error.contains("not-a-real-password") || result.output.contains("not-a-real-password"))
    }

    func testStrictRefusesAnswersTheClusterContradictsAndWritesNothing() throws {
        let cluster = try StandInCluster(scenario: "eks")
        let (result, out) = try generate(cluster, Self.aws + ["--set", "storageClass=gp2x", "--probe", "--strict"])
        XCTAssertEqual(result.status, 2, result.error)
        XCTAssertTrue(result.error.contains(
            "rigger: cluster: warning: storageClass: 'gp2x': storage class gp2x does not exist in this cluster; it has gp2, gp3 (default), io2 (read from the cluster)"),
            result.error)
        XCTAssertTrue(result.error.contains("rigger: --strict: 1 answer disagrees with the cluster (above); nothing was written"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let (two, _) = try generate(cluster, Self.aws + ["--set", "storageClass=gp2x", "--set", "kubeContext=staging", "--probe", "--strict"])
        XCTAssertEqual(two.status, 2, two.error)
        XCTAssertTrue(two.error.contains("rigger: --strict: 2 answers disagree with the cluster (above); nothing was written"), two.error)

        let (lenient, written) = try generate(cluster, Self.aws + ["--set", "storageClass=gp2x", "--probe"])
        XCTAssertEqual(lenient.status, 0, "without --strict the warning is printed and the bundle written")
        XCTAssertTrue(lenient.error.contains("storageClass: 'gp2x'"), lenient.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: written.appendingPathComponent("values.yaml").path))
    }

    func testADeadClusterIsOneQuietLineAndTheBundleIsWrittenAsWithout() throws {
        let cluster = try StandInCluster(scenario: "dead")
        let (result, out) = try generate(cluster, Self.aws + ["--probe"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = clusterLines(result)
        XCTAssertEqual(lines.count, 1, lines.joined(separator: "\n"))
        XCTAssertTrue(lines[0].hasPrefix("rigger: cluster: Kubernetes version: not read: the cluster did not answer ("), lines[0])
        let values = try String(contentsOf: out.appendingPathComponent("values.yaml"), encoding: .utf8)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8).contains("installCertManager: true"),
            "nothing read, nothing changed")
        XCTAssertTrue(values.contains("cert-manager:\n  enabled: false"), "the chart's own cert-manager stays off either way")
    }

    /// --strict vouches for the answers against the cluster: with nothing read it can't, and says why.
    func testStrictRefusesWhenTheClusterCouldNotBeReadAtAll() throws {
        let dead = try StandInCluster(scenario: "dead")
        let (silent, silentOut) = try generate(dead, Self.aws + ["--probe", "--strict"])
        XCTAssertEqual(silent.status, 2, silent.error)
        let silentLines = silent.error.split(separator: "\n")
        XCTAssertEqual(silentLines.count, 1, silent.error)
        XCTAssertTrue(silent.error.hasPrefix("rigger: --strict: nothing could be checked against the cluster: the cluster did not answer ("), silent.error)
        XCTAssertTrue(silent.error.hasSuffix("; nothing was written\n"), silent.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: silentOut.path))

        let noKubectl = try StandInCluster(scenario: "eks", tools: [])
        let (missing, missingOut) = try generate(noKubectl, Self.aws + ["--probe", "--strict"])
        XCTAssertEqual(missing.status, 2, missing.error)
        XCTAssertEqual(missing.error, "rigger: --strict: nothing could be checked against the cluster: kubectl is not on PATH; nothing was written\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missingOut.path))
    }

    func testAForbiddenContextChangesNothing() throws {
        let cluster = try StandInCluster(scenario: "forbidden")
        let (result, _) = try generate(cluster, Self.aws + ["--probe", "--strict"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(clusterLines(result).count, 7, result.error)
        XCTAssertTrue(clusterLines(result).allSatisfy { $0.contains("not allowed (") }, result.error)
    }

    func testWithoutKubectlProbingIsOff() throws {
        let cluster = try StandInCluster(scenario: "eks", tools: [])
        let (result, _) = try generate(cluster, Self.aws + ["--probe"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(clusterLines(result), ["rigger: cluster: nothing was read from the cluster: kubectl is not on PATH"], "one line, not one per probe")
        XCTAssertEqual(cluster.calls, [])
    }

    func testProbeOptionsThatContradictAreUsageErrors() throws {
        let cluster = try StandInCluster(scenario: "eks")
        let (both, _) = try generate(cluster, Self.aws + ["--probe", "--offline"])
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.error.contains("--probe reads the cluster and --offline forbids it"), both.error)
        let (strictAlone, _) = try generate(cluster, Self.aws + ["--strict"])
        XCTAssertEqual(strictAlone.status, 2)
        XCTAssertEqual(cluster.calls, [], "nothing is read before the command line is known to be good")
        let (offline, _) = try generate(cluster, Self.aws + ["--offline"])
        XCTAssertEqual(offline.status, 0, offline.error)
        XCTAssertEqual(cluster.calls, [])
    }

    /// What `generate --probe` does while the probes run (reading, validating and rendering the
    /// bundle) costs the same with a 3 s kubectl in flight as with no probe at all: the ratio of
    /// the two, never an absolute time.
    func testTheWorkBesideTheProbesCostsTheSameAsWithoutThem() throws {
        let cluster = try StandInCluster(scenario: "eks", delay: 3)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        let request = GenerationRequest(
            preset: "aws", setArguments: ["ingress.hostname=posthog.example.com", "ingress.letsencryptEmail=ops@example.com"],
            outputDirectory: cluster.folder.appendingPathComponent("bundle").path)
        let clock = ContinuousClock()
        func work() throws -> Duration {
            var random = SeededSecretGenerator(seed: "ratio")
            let start = clock.now
            _ = try generator.prepare(request, generator: &random)
            return clock.now - start
        }
        func median(_ runs: Int, _ measure: () throws -> Duration) rethrows -> Duration {
            let sorted = try (0..<runs).map { _ in try measure() }.sorted()
            return sorted[runs / 2]
        }
        _ = try work()
        let without = try median(7) { try work() }
        let probe = ClusterProbe(runner: cluster.runner, timeout: .seconds(5))
        let target = try XCTUnwrap(try generator.probeTarget(for: request))
        var runs: [ClusterProbeRun] = []
        let with = try median(7) {
            // Each round starts its own probes, as a run of generate --probe does, and works beside them.
            let start = clock.now
            runs.append(probe.start(target))
            _ = try work()
            return clock.now - start
        }
        XCTAssertTrue(runs.allSatisfy { !$0.isFinished }, "every round worked while its 3 s kubectl was still running")
        let ratio = with / without
        XCTAssertLessThan(ratio, 3, "with probes running: \(with), without: \(without)")
        for run in runs { run.cancel() }
    }
}
