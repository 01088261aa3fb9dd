import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// Whether the install fits the cluster's nodes, and whether `ha` can spread: read from the
/// nodes' allocatable CPU and memory and their zones, warned by `generate --probe`, the wizard's
/// field and `rigger check`.
final class SizingClusterTests: XCTestCase {
    private static let aws = ["ingress.hostname=posthog.example.com", "ingress.letsencryptEmail=ops@example.com"]

    private func facts(_ scenario: String) throws -> ClusterFacts {
        let cluster = try StandInCluster(scenario: scenario)
        return ClusterProbe(runner: cluster.runner).read(ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog"))
    }

    private func findings(_ scenario: String, preset: String = "aws", sets: [String]) throws -> ClusterFindings {
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "cluster")
        let request = GenerationRequest(preset: preset, setArguments: (preset == "aws" ? Self.aws : []) + sets, outputDirectory: "/nonexistent/rigger-cluster")
        return try generator.prepare(request, generator: &random, cluster: try facts(scenario)).findings
    }

    func testNodesAreReadWithTheirAllocatableAndZonesAndCordonedOnesLeftOut() throws {
        let nodes = try XCTUnwrap(try facts("eks").nodes?.get())
        XCTAssertEqual(nodes.map(\.zone), ["us-east-1a", "us-east-1b", "us-east-1c"])
        XCTAssertEqual(nodes.map(\.cpuMillis), [1930, 1930, 1930])
        XCTAssertEqual(nodes.first?.memoryMiB, 7050)
        let kind = try XCTUnwrap(try facts("one-small-node eks").nodes?.get())
        XCTAssertEqual(kind, [NodeFact(name: "kind-control-plane", cpuMillis: 2000, memoryMiB: 3933, zone: nil)])
    }

    func testAForbiddenNodeListIsANoteNotAWarning() throws {
        let facts = try facts("forbidden")
        guard case .forbidden? = facts.nodes?.failure else { return XCTFail("\(String(describing: facts.nodes))") }
        XCTAssertTrue(facts.notes.contains { $0.hasPrefix("nodes: not read: ") }, facts.notes.joined(separator: "\n"))
    }

    func testStandardFitsThreeNodesAndHASpreadsOverThem() throws {
        let standard = try findings("eks", sets: ["storageClass=gp3"])
        XCTAssertEqual(standard["sizing"]?.warnings ?? [], [])
        XCTAssertEqual(standard["sizing"]?.info, "3 nodes with 5.79 CPU and 20.65 GiB allocatable in all, in zones us-east-1a, us-east-1b, us-east-1c")
        let ha = try findings("eks", sets: ["storageClass=gp3", "sizing=ha"])
        XCTAssertEqual(ha["sizing"]?.warnings.map(\.message).filter { $0.contains("spread") } ?? [], [])
    }

    func testOneNodeOfTwoCPUsTakesNeitherHAsRequestsNorItsSpreading() throws {
        let warnings = try findings("one-small-node eks", preset: "local", sets: ["sizing=ha"])["sizing"]?.warnings ?? []
        let messages = warnings.map(\.message)
        XCTAssertEqual(messages.count, 2, messages.joined(separator: "\n"))
        XCTAssertTrue(messages[0].hasPrefix("the install requests "), messages[0])
        XCTAssertTrue(messages[0].contains("does not fit: the cluster has 1 node with 2 CPU and 3.84 GiB allocatable in all"), messages[0])
        XCTAssertEqual(messages[1], "ha can't spread: the cluster has one node, so losing it loses every replica")
        XCTAssertTrue(warnings.allSatisfy(\.isConflict))
        // small is what the local preset is for: it fits the same node.
        XCTAssertEqual(try findings("one-small-node eks", preset: "local", sets: [])["sizing"]?.warnings.map(\.message) ?? [], [])
    }

    func testNodeQuantitiesAndTotalsAreRead() throws {
        let table = SizingTable(sizing: .ha, components: [
            SizedComponent("web", replicas: 2, resources: ContainerResources(cpuMillis: 100, memoryMiB: 128, memoryLimitMiB: 256)),
        ], source: "")
        XCTAssertEqual(table.totalsText, "0.2 CPU and 0.25 GiB of memory")
        XCTAssertEqual(NodeFact(name: "n", cpu: "3920m", memory: "16Gi", zone: nil), NodeFact(name: "n", cpuMillis: 3920, memoryMiB: 16384, zone: nil))
        XCTAssertEqual(NodeFact(name: "n", cpu: "1.5", memory: "1073741824", zone: nil)?.memoryMiB, 1024)
        XCTAssertNil(NodeFact(name: "n", cpu: "lots", memory: "1Gi", zone: nil))
    }

    /// The acceptance: `generate --probe --set sizing=ha` against one node of 2 CPUs warns that the
    /// install does not fit and can't spread, naming the key, the value and what the cluster has.
    func testGenerateProbeWarnsThatHADoesNotFitOneSmallNode() throws {
        _ = try ProjectPaths.requireExecutable()
        let cluster = try StandInCluster(scenario: "one-small-node eks")
        let out = cluster.folder.appendingPathComponent("bundle")
        let result = try runProgram(
            TestProject.executable.path, ["generate", "--preset", "local", "--set", "sizing=ha", "--probe", "--out", out.path],
            environment: cluster.environment)
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.error.split(separator: "\n").map(String.init).filter { $0.hasPrefix("rigger: cluster: warning: sizing: 'ha': ") }
        XCTAssertEqual(lines.count, 2, result.error)
        XCTAssertTrue(lines.contains { $0.contains("does not fit: the cluster has 1 node with 2 CPU") && $0.hasSuffix("(read from the cluster)") }, result.error)
        XCTAssertTrue(lines.contains { $0.contains("ha can't spread: the cluster has one node") }, result.error)

        let strict = try runProgram(
            TestProject.executable.path, ["generate", "--preset", "local", "--set", "sizing=ha", "--probe", "--strict", "--out", out.path + "-strict"],
            environment: cluster.environment)
        XCTAssertEqual(strict.status, 2, strict.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path + "-strict"))
    }

    /// Regenerating keeps the bundle's sizing, and moving to another shows in --diff like any change.
    func testRegeneratingKeepsTheSizeAndMovingShowsInTheDiff() throws {
        _ = try ProjectPaths.requireExecutable()
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle").path
        let first = try runProgram(TestProject.executable.path, ["generate", "--preset", "local", "--set", "sizing=ha", "--out", out])
        XCTAssertEqual(first.status, 0, first.error)
        let again = try runProgram(TestProject.executable.path, ["generate", "--out", out, "--diff"])
        XCTAssertFalse(again.output.contains("sizing:"), "regenerating keeps ha: \(again.output)")
        let moved = try runProgram(TestProject.executable.path, ["generate", "--out", out, "--set", "sizing=small", "--diff"])
        XCTAssertEqual(moved.status, 0, moved.error)
        XCTAssertTrue(moved.output.contains("sizing: ha -> small") || moved.output.contains("sizing: 'ha' -> 'small'"), moved.output)
        XCTAssertTrue(moved.output.contains("-    hpa:\n") || moved.output.contains("-  hpa:"), moved.output)
    }
}
