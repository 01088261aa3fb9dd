import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// PostHog's in-cluster Redis: rigger's own on the official image at a fixed release, rendered
/// through the real chart; a bundle that ran the chart's frozen Bitnami Redis keeps it, warned,
/// until moved; and the Redis and ZooKeeper entries of the advisory table.
final class PostHogRedisTests: XCTestCase {
    private func table() throws -> AdvisoryTable {
        try XCTUnwrap(AppRegistry.standard.entry("posthog")).app.advisoryTable
    }

    private func generate(_ out: URL, _ arguments: [String]) throws -> ProgramResult {
        try TestProject.runRigger(["generate", "--out", out.path] + arguments)
    }

    private func container(_ statefulSet: RenderedChart.Document) throws -> [String: Any] {
        let spec = try XCTUnwrap(statefulSet.object["spec"] as? [String: Any])
        let template = try XCTUnwrap((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        return try XCTUnwrap((template["containers"] as? [[String: Any]])?.first)
    }

    /// The redis entries name the October 2025 fixes of each line, and rigger's own image is past them.
    func testTheRedisEntriesCoverTheChartsImageAndNotRiggersOwn() throws {
        let table = try table()
        let rediShell = try XCTUnwrap(table.advisory(named: "CVE-2025-49844"))
        XCTAssertEqual(rediShell.severity, .critical)
        for affected in ["6.2.7-debian-11-r11", "6.2.19", "7.0.15", "7.2.10", "7.4.5", "8.0.3", "8.2.1"] {
            XCTAssertTrue(rediShell.affects(try XCTUnwrap(AdvisoryVersion(affected))), affected)
        }
        for fixed in ["6.2.20", "7.2.11", "7.4.6", "8.0.4", "8.2.2"] {
            XCTAssertFalse(rediShell.affects(try XCTUnwrap(AdvisoryVersion(fixed))), fixed)
        }
        let chartImage = try XCTUnwrap(ImageReference("docker.io/bitnamilegacy/redis:6.2.7-debian-11-r11"))
        XCTAssertEqual(Set(table.affecting(chartImage).map(\.id)), ["CVE-2025-49844", "CVE-2025-46817", "CVE-2025-46818", "CVE-2025-46819"])
        let own = try XCTUnwrap(ImageReference("redis:6.2.20"))
        XCTAssertTrue(table.covers(own), "the official image is the same component")
        XCTAssertEqual(table.affecting(own).map(\.id), [])
    }

    /// ZooKeeper 3.7.1's critical advisory needs SASL quorum authentication, which rigger never
    /// turns on: it refuses nothing, and the README says why beside the image.
    func testAnUnreachableAdvisoryIsListedWithItsConditionAndRefusesNothing() throws {
        let quorum = try XCTUnwrap(try table().advisory(named: "CVE-2023-44981"))
        XCTAssertEqual(quorum.severity, .critical)
        XCTAssertNotNil(quorum.unreachable)
        XCTAssertFalse(quorum.refusesNewInstalls)
        XCTAssertTrue(quorum.affects(try XCTUnwrap(AdvisoryVersion(PostHogImagesProbe.zookeeperTag))))
        let prepared = try TestProject.prepare(preset: "local", sets: [])
        let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
        XCTAssertTrue(readme.contains("CVE-2023-44981 (critical, fixed in 3.7.2, 3.8.3 or 3.9.1; not reachable here: it needs SASL quorum authentication"), readme)
        XCTAssertFalse(readme.contains("## Security: known advisories"), "the section is for what the install can be hit by")
        XCTAssertFalse(prepared.warnings.contains { $0.contains("CVE-2023-44981") }, "\(prepared.warnings)")
        // The same advisory without its condition would refuse the bundle: the notion is what lets it through.
        let reachable = SecurityAdvisory(
            id: quorum.id, component: quorum.component, severity: quorum.severity, affected: quorum.affected, fixedIn: quorum.fixedIn,
            impact: quorum.impact, source: quorum.source)
        XCTAssertTrue(reachable.refusesNewInstalls)
    }

    /// A new bundle runs rigger's Redis: the chart's subchart off, PostHog pointed at the Service,
    /// and on the real chart through the post-renderer, the StatefulSet on the official image with
    /// the bundle's password Secret, a volume, probes and a non-root user.
    func testANewBundleRunsRiggersRedisOnTheRealChart() throws {
        let prepared = try TestProject.prepare(preset: "local", sets: [])
        XCTAssertEqual(prepared.answers["redis.server"]?.description, "rigger")
        let values = try XCTUnwrap(try PlausibleTestBundles.values(prepared))
        let value = { PlausibleTestBundles.value(values, $0) }
        XCTAssertEqual(value("redis.enabled") as? Bool, false)
        XCTAssertEqual(value("externalRedis.host") as? String, "posthog-redis")
        XCTAssertEqual(value("externalRedis.existingSecret") as? String, "posthog-redis-auth")

        let rendered = try RealChartRender.render(prepared, chart: try TestTools.chart("posthog"), name: "local")
        XCTAssertEqual(BundleChartCheck.secretProblems(rendered, bundle: prepared.bundle), [])
        XCTAssertEqual(BundleChartCheck.imageProblems(rendered), [])
        XCTAssertFalse(rendered.images.contains { $0.image.contains("bitnamilegacy/redis") }, "the chart's Redis is off")
        let statefulSet = try XCTUnwrap(rendered.objects("StatefulSet").first { $0.name == "posthog-redis" })
        XCTAssertEqual(rendered.objects("Service").filter { $0.name == "posthog-redis" }.count, 1)
        let redis = try container(statefulSet)
        XCTAssertEqual(redis["image"] as? String, "docker.io/library/redis:6.2.20")
        let env = try XCTUnwrap((redis["env"] as? [[String: Any]])?.first)
        let secretRef = (env["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any]
        XCTAssertEqual(secretRef?["name"] as? String, "posthog-redis-auth")
        XCTAssertEqual(secretRef?["key"] as? String, "redis-password")
        XCTAssertNotNil(redis["readinessProbe"])
        XCTAssertNotNil(redis["livenessProbe"])
        let command = (redis["command"] as? [String])?.joined(separator: " ") ?? ""
        XCTAssertFalse(command.contains("--requirepass"), "the password is never on a command line")
        let spec = try XCTUnwrap(statefulSet.object["spec"] as? [String: Any])
        XCTAssertEqual((spec["volumeClaimTemplates"] as? [[String: Any]])?.count, 1)
        let podSecurity = ((spec["template"] as? [String: Any])?["spec"] as? [String: Any])?["securityContext"] as? [String: Any]
        XCTAssertEqual(podSecurity?["runAsNonRoot"] as? Bool, true)
        // PostHog's workloads reach it by the Service's name.
        let hosts = rendered.objects("Deployment").flatMap { deployment -> [String] in
            let template = ((deployment.object["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
            return ((template?["containers"] as? [[String: Any]]) ?? []).flatMap { ($0["env"] as? [[String: Any]]) ?? [] }
                .filter { $0["name"] as? String == "POSTHOG_REDIS_HOST" }.compactMap { $0["value"] as? String }
        }
        XCTAssertFalse(hosts.isEmpty)
        XCTAssertEqual(Set(hosts), ["posthog-redis"])
    }

    /// A new bundle that asks for the chart's Redis is refused, naming the advisory and the move;
    /// accepted, it is written with the warning in its README.
    func testANewBundleOnTheChartsRedisIsRefusedUnlessAccepted() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("new")
        let base = ["--app", "posthog", "--preset", "local", "--set", "redis.server=chart"]
        let refused = try generate(out, base)
        XCTAssertEqual(refused.status, 2, refused.error)
        XCTAssertTrue(refused.error.contains("redis.server: 'chart' pins Redis 6.2.7-debian-11-r11, which CVE-2025-49844 (GHSA-4789-qfc9-5f9q, critical) affects"), refused.error)
        XCTAssertTrue(refused.error.contains("Move to it with --set redis.server=rigger, or install it anyway with --allow-vulnerable CVE-2025-49844"), refused.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
        let accepted = try generate(out, base + ["--allow-vulnerable", "CVE-2025-49844", "--allow-vulnerable", "CVE-2025-46817"])
        XCTAssertEqual(accepted.status, 0, accepted.error)
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("Accepted in `allowVulnerable` (`--allow-vulnerable CVE-2025-49844`)"), readme)
        XCTAssertTrue(readme.contains("rigger generate --out <this folder> --set redis.server=rigger"), readme)
    }

    /// The bundle the previous release wrote for the aws preset ran the chart's Redis: regenerated,
    /// it keeps it (and renders on the real chart), warns with the advisory and the command; moved,
    /// it runs rigger's with every secret byte-identical.
    func testABundleThatRanTheChartsRedisKeepsItWarnsAndMoves() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        try FileManager.default.copyItem(at: TestProject.fixtures.appendingPathComponent("previous-release/posthog-aws"), to: out)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "redis")
        let kept = try generator.prepare(GenerationRequest(outputDirectory: out.path), generator: &random)
        XCTAssertEqual(kept.answers["redis.server"]?.description, "chart", "regenerating never moves Redis by itself")
        let warning = try XCTUnwrap(kept.warnings.first { $0.contains("is affected by CVE-2025-49844") }, "\(kept.warnings)")
        XCTAssertTrue(warning.contains("fixed in 6.2.20"), warning)
        let move = try XCTUnwrap(kept.warnings.first { $0.hasPrefix("redis.server: this bundle runs the chart's Redis") }, "\(kept.warnings)")
        XCTAssertTrue(move.contains("rigger generate --out '\(out.path)' --set redis.server=rigger"), move)
        XCTAssertTrue(move.contains("Celery tasks queued but not yet run, which are lost"), move)
        let readme = try XCTUnwrap(kept.bundle["README.md"]?.contents)
        XCTAssertTrue(readme.contains("## Security: known advisories"), readme)
        let rendered = try RealChartRender.render(kept, chart: try TestTools.chart("posthog"), name: "kept")
        XCTAssertEqual(BundleChartCheck.secretProblems(rendered, bundle: kept.bundle), [])
        XCTAssertTrue(rendered.images.contains { $0.image == "docker.io/bitnamilegacy/redis:6.2.7-debian-11-r11" }, "the chart's Redis still runs")
        XCTAssertFalse(rendered.objects("StatefulSet").contains { $0.name == "posthog-redis" })
        _ = try BundleWriter(directory: out.path).write(kept.bundle)

        let secrets = out.appendingPathComponent("secrets")
        let before = try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: secrets.path).map {
            ($0, try Data(contentsOf: secrets.appendingPathComponent($0)))
        })
        let moved = try generator.prepare(
            GenerationRequest(setArguments: ["redis.server=rigger"], outputDirectory: out.path), generator: &random)
        XCTAssertTrue(moved.warnings.contains { $0.hasPrefix("redis.server changes (chart -> rigger)") }, "\(moved.warnings)")
        XCTAssertFalse(moved.warnings.contains { $0.contains("CVE-2025-49844") }, "\(moved.warnings)")
        _ = try BundleWriter(directory: out.path).write(moved.bundle)
        for (file, data) in before {
            XCTAssertEqual(try Data(contentsOf: secrets.appendingPathComponent(file)), data, "\(file) changed with the move")
        }
        let movedRender = try RealChartRender.render(moved, chart: try TestTools.chart("posthog"), name: "moved")
        XCTAssertEqual(BundleChartCheck.secretProblems(movedRender, bundle: moved.bundle), [])
        XCTAssertFalse(movedRender.images.contains { $0.image.contains("bitnamilegacy/redis") })
    }
}

/// ClickHouse: the shared entries, the versions each app pins, and a PostHog bundle of the
/// previous release keeping the chart's 23.9.2.56.
final class ClickHouseAdvisoryTests: XCTestCase {
    func testTheEntriesCoverTheChartsVersionsAndNotThePinnedOnes() throws {
        let table = AdvisoryTable(SecurityAdvisories.shared)
        let refusing = { (tag: String) in
            table.affecting(SecurityAdvisories.clickHouse, version: tag).filter(\.refusesNewInstalls).map(\.id).sorted()
        }
        XCTAssertEqual(refusing("23.9.2.56"), ["CVE-2023-47118", "CVE-2023-48704", "CVE-2024-6873"], "the chart's own")
        XCTAssertEqual(refusing("23.4.2.11"), ["CVE-2023-47118", "CVE-2023-48704", "CVE-2024-6873"], "Helicone's example")
        XCTAssertEqual(refusing("23.9.6.20"), ["CVE-2024-6873"], "no 23.9 release fixes it")
        for clean in ["23.8.16.40", "24.12.6.70-alpine", "24.3.4.147"] { XCTAssertEqual(refusing(clean), [], clean) }
        XCTAssertEqual(table.affecting(SecurityAdvisories.clickHouse, version: "24.12.6.70-alpine").map(\.id), [], "Plausible's is past every fix")
    }

    func testAPostHogBundleOfThePreviousReleaseKeepsItsClickHouseAndSaysHowToMove() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        try FileManager.default.copyItem(at: TestProject.fixtures.appendingPathComponent("previous-release/posthog-aws"), to: out)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "clickhouse")
        let kept = try generator.prepare(GenerationRequest(outputDirectory: out.path), generator: &random)
        XCTAssertEqual(kept.answers["clickhouse.version"]?.description, "23.9.2.56")
        XCTAssertTrue(try XCTUnwrap(kept.bundle["values.yaml"]?.contents).contains("tag: 23.9.2.56"))
        XCTAssertTrue(kept.warnings.contains { $0.contains("ClickHouse 23.9.2.56 is affected by CVE-2024-6873") }, "\(kept.warnings)")
        XCTAssertTrue(kept.warnings.contains { $0.hasPrefix("clickhouse.version: this bundle runs the chart's ClickHouse 23.9.2.56") }, "\(kept.warnings)")
        let fresh = try TestProject.prepare(preset: "local", sets: [])
        XCTAssertEqual(fresh.answers["clickhouse.version"]?.description, "23.8.16.40")
        let refused = try TestProject.runRigger([
            "generate", "--out", out.deletingLastPathComponent().appendingPathComponent("new").path, "--app", "posthog", "--preset", "local",
            "--set", "clickhouse.version=23.9.2.56",
        ])
        XCTAssertEqual(refused.status, 2, refused.error)
        XCTAssertTrue(refused.error.contains("clickhouse.version: '23.9.2.56' pins ClickHouse 23.9.2.56, which CVE-2024-6873"), refused.error)
    }
}

/// The ZooKeeper tag PostHog's bundles pin, as the README lists it.
private enum PostHogImagesProbe {
    static let zookeeperTag = "3.7.1"
}
