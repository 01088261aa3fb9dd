import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// A rotated secret reaches the running pods: rendered by the real chart (helm/helicone at commit
/// 4289687) through the bundle's post-renderer, the pod template of each Deployment that reads the
/// rotated Secret changes, so `helm upgrade` rolls it, and every other Deployment's stays as it was.
final class HeliconeRotationRolloutTests: XCTestCase {
    private static let release = "helicone-helicone-"

    /// What rotating each secret must roll, by the chart's templates: who reads which Secret.
    private static let expected: [(key: String, rolled: Set<String>)] = [
        ("helicone.jwtSecret", ["auth", "functions", "kong", "realtime", "rest", "storage", "web", "worker"]),
        ("postgresql.password", ["auth", "db", "functions", "meta", "realtime", "rest", "storage", "web"]),
        ("clickhouse.password", ["clickhouse", "web", "worker"]),
        ("realtime.secretKeyBase", ["realtime"]),
    ]

    /// Each Deployment's pod template, as sorted JSON, by the component's name.
    private func podTemplates(_ prepared: PreparedBundle, chart: URL, name: String) throws -> [String: Data] {
        let rendered = try RealChartRender.render(prepared, chart: chart, name: name)
        var templates: [String: Data] = [:]
        for deployment in rendered.objects("Deployment") {
            let template = (deployment.object["spec"] as? [String: Any])?["template"] ?? [:]
            templates[String(deployment.name.dropFirst(Self.release.count))] = try JSONSerialization.data(withJSONObject: template, options: [.sortedKeys])
        }
        return templates
    }

    func testRotatingASecretRollsExactlyTheDeploymentsThatReadIt() throws {
        let chart = try TestTools.chart("helicone")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try TestProject.presetBundle("aws", of: .helicone)
        _ = try BundleWriter(directory: folder.path).write(first.bundle)
        let before = try podTemplates(first, chart: chart, name: "aws")
        XCTAssertEqual(before.count, 12, "\(before.keys.sorted())")

        for (key, rolled) in Self.expected {
            var request = GenerationRequest(outputDirectory: folder.path)
            request.rotate = [key]
            var random = SeededSecretGenerator(seed: "rollout-\(key)")
            let rotated = try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
                .prepare(request, generator: &random)
            let after = try podTemplates(rotated, chart: chart, name: "aws, \(key) rotated")
            XCTAssertEqual(Set(after.keys), Set(before.keys), key)
            let changed = Set(before.keys.filter { before[$0] != after[$0] })
            XCTAssertEqual(changed, rolled, "rotating \(key) must roll exactly the Deployments that read its Secret")
        }

        // Regenerating without a rotation leaves every pod template as it was.
        var random = SeededSecretGenerator(seed: "no-rotation")
        let again = try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
            .prepare(GenerationRequest(outputDirectory: folder.path), generator: &random)
        XCTAssertEqual(try podTemplates(again, chart: chart, name: "aws again"), before)
    }

    /// A Secret the operator keeps can't be seen by rigger: the README gives the restarts by hand.
    func testTheReadmeSaysHowToRestartWhatReadsASecretTheOperatorKeeps() throws {
        let readme = try XCTUnwrap(try TestProject.heliconeExistingSecretsBundle().bundle["README.md"]?.contents)
        XCTAssertTrue(readme.contains("## When a Secret changes"), readme)
        XCTAssertTrue(readme.contains(
            "kubectl rollout restart --namespace helicone deployment/helicone-helicone-clickhouse"
                + " deployment/helicone-helicone-web deployment/helicone-helicone-worker   # clickhouse-cloud") == false,
            "a managed ClickHouse runs no Deployment of its own")
        XCTAssertTrue(readme.contains(
            "kubectl rollout restart --namespace helicone deployment/helicone-helicone-web deployment/helicone-helicone-worker   # clickhouse-cloud"),
            readme)
        XCTAssertTrue(readme.contains("kubectl rollout restart --namespace helicone deployment/helicone-helicone-auth   # ses-smtp"), readme)
    }
}
