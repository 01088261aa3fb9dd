import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// The built rigger binary writing and regenerating Plausible bundles, as an operator runs it.
final class PlausibleCLITests: XCTestCase {
    private var rigger: String { TestProject.executable.path }

    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
    }

    private func run(_ arguments: [String]) throws -> ProgramResult {
        try TestProject.runRigger(arguments)
    }

    private func files(in folder: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        for path in (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? [] where !path.hasPrefix(".rigger") {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { found[path] = data }
        }
        return found
    }

    func testGenerateWritesEveryPresetFromTheCommandLine() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let passwordFile = folder.appendingPathComponent("rds-password")
        try Data((AppTestFixture.plausibleRDSPassword + "\n").utf8).write(to: passwordFile)
        for preset in AppTestFixture.plausible.presets {
            let out = folder.appendingPathComponent(preset)
            var arguments = ["generate", "--app", "plausible", "--preset", preset, "--out", out.path]
            for answer in AppTestFixture.plausible.openAnswers[preset] ?? [] { arguments += ["--set", answer] }
            if preset == "aws-managed" { arguments += ["--secret", "postgresql.password=@\(passwordFile.path)"] }
            let result = try run(arguments)
            XCTAssertEqual(result.status, 0, "\(preset): \(result.error)")
            XCTAssertTrue(result.output.contains("wrote the Plausible bundle"), result.output)
            let rigger = try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8)
            XCTAssertTrue(rigger.contains("app: plausible"), preset)
            let secrets = out.appendingPathComponent("secrets")
            for file in try FileManager.default.contentsOfDirectory(atPath: secrets.path) {
                let mode = try FileManager.default.attributesOfItem(atPath: secrets.appendingPathComponent(file).path)[.posixPermissions] as? Int
                XCTAssertEqual(mode, 0o600, "\(preset): \(file)")
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("manifests/clickhouse.yaml").path), preset)
        }
        let env = try String(contentsOf: folder.appendingPathComponent("aws-managed/secrets/plausible-env.secret.yaml"), encoding: .utf8)
        XCTAssertTrue(env.contains("postgres://plausible:p%40ss%3Aw%2Frd%3F%23%25@"), env)
        for (path, data) in files(in: folder.appendingPathComponent("aws-managed")) where !path.hasPrefix("secrets/") {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(AppTestFixture.plausibleRDSPassword), "the RDS password leaks into \(path)")
        }
    }

    /// Changing a bundle's app is refused with that one reason, not with the old app's answers
    /// read as mistakes; with --force the new app's bundle is written from the answers both ask.
    func testChangingTheAppOfABundleIsRefusedAloneAndDoneWithForce() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--preset", "local", "--out", out.path]).status, 0)
        let before = files(in: out)

        let refused = try run(["generate", "--out", out.path, "--app", "plausible"])
        XCTAssertEqual(refused.status, 2, refused.error)
        XCTAssertTrue(refused.error.contains("1 problem"), refused.error)
        XCTAssertTrue(refused.error.contains("orphaned"), refused.error)
        XCTAssertFalse(refused.error.contains("unknown key"), refused.error)
        XCTAssertEqual(files(in: out), before, "nothing is written")

        let forced = try run(["generate", "--out", out.path, "--app", "plausible", "--force"])
        XCTAssertEqual(forced.status, 0, forced.error)
        XCTAssertTrue(forced.error.contains("does not ask are not carried over: "), forced.error)
        let rigger = try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8)
        XCTAssertTrue(rigger.contains("app: plausible"), rigger)
        XCTAssertTrue(rigger.contains("hostname: posthog.localhost"), "the answers both apps ask are kept: \(rigger)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("secrets/plausible-env.secret.yaml").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("secrets/redis.secret.yaml").path))
    }

    /// Moving PostgreSQL from the cluster to a managed service says that its data stays behind, and
    /// does not reuse the password rigger generated for the server it ran.
    func testMovingADependencyToAManagedServiceWarnsAndDoesNotReuseItsGeneratedPassword() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--app", "plausible", "--preset", "local", "--out", out.path]).status, 0)
        let moved = try run(["generate", "--out", out.path, "--set", "postgresql.mode=managed", "--set", "postgresql.host=db.example.internal"])
        XCTAssertEqual(moved.status, 0, moved.error)
        XCTAssertTrue(moved.error.contains("postgresql.mode changes (in-cluster -> managed): nothing moves the data"), moved.error)
        XCTAssertTrue(moved.error.contains("postgresql.password: the value rigger generated for the service it ran is not carried over"), moved.error)
        let secret = try String(contentsOf: out.appendingPathComponent("secrets/postgresql.secret.yaml"), encoding: .utf8)
        XCTAssertTrue(secret.contains(SecretSet.placeholderMarker), "a placeholder until the operator supplies it:\n\(secret)")
    }

    /// The chart's published TOTP key is no key of the operator's: refused, and never echoed.
    func testTheChartsPublishedTOTPKeyIsRefused() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("totp")
        try Data("dsxvbn3jxDd16az2QpsX5B8O+llxjQ2SJE2i5Bzx38I=\n".utf8).write(to: key)
        let out = folder.appendingPathComponent("out")
        let result = try run(["generate", "--app", "plausible", "--preset", "local", "--out", out.path, "--secret", "plausible.totpVaultKey=@\(key.path)"])
        XCTAssertEqual(result.status, 2, result.error)
        XCTAssertTrue(result.error.contains("plausible.totpVaultKey"), result.error)
        XCTAssertTrue(result.error.contains("published in the plausible-analytics chart's values.yaml"), result.error)
        XCTAssertFalse(result.error.contains("dsxvbn3j"), "the value is never repeated: \(result.error)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    /// What `generate` wrote, for every preset, rendered on the real chart with its manifests:
    /// nothing missing, nothing unpinned.
    func testTheBundlesGenerateWritesRenderOnTheRealChart() throws {
        let chart = try TestTools.chart("plausible-analytics")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let passwordFile = folder.appendingPathComponent("rds-password")
        try Data(AppTestFixture.plausibleRDSPassword.utf8).write(to: passwordFile)
        for preset in AppTestFixture.plausible.presets {
            let out = folder.appendingPathComponent(preset)
            var arguments = ["generate", "--app", "plausible", "--preset", preset, "--out", out.path]
            for answer in AppTestFixture.plausible.openAnswers[preset] ?? [] { arguments += ["--set", answer] }
            if preset == "aws-managed" { arguments += ["--secret", "postgresql.password=@\(passwordFile.path)"] }
            XCTAssertEqual(try run(arguments).status, 0, preset)
            let bundle = RiggerCore.Bundle(files: files(in: out).map { BundleFile(path: $0.key, contents: String(decoding: $0.value, as: UTF8.self), mode: 0o644) })
            let rendered = try RenderedChart.render(
                chart: chart, values: try XCTUnwrap(bundle["values.yaml"]?.contents), release: "plausible", namespace: "plausible")
            let manifests = try PlausibleTestBundles.manifestObjects(bundle).map { RenderedChart.Document(template: $0.path, object: $0.object) }
            let installed = RenderedChart(documents: rendered.documents + manifests)
            XCTAssertEqual(BundleChartCheck.secretProblems(installed, bundle: bundle), [], preset)
            XCTAssertEqual(BundleChartCheck.imageProblems(installed), [], preset)
            XCTAssertEqual(rendered.objects("Secret").count, 0, preset)
        }
    }

    func testRegenerateRotateAndDiffThroughTheBinary() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--app", "plausible", "--preset", "gcp", "--set", "ingress.hostname=a.example.com", "--out", out.path]).status, 0)
        let first = files(in: out)

        let again = try run(["generate", "--out", out.path])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.contains("no file changed"), again.output)

        let diff = try run(["generate", "--out", out.path, "--set", "ingress.hostname=b.example.com", "--diff"])
        XCTAssertEqual(diff.status, 0, diff.error)
        XCTAssertTrue(diff.output.contains("+baseURL: https://b.example.com"), diff.output)
        XCTAssertEqual(files(in: out), first, "--diff writes nothing")

        let moved = try run(["generate", "--out", out.path, "--set", "ingress.hostname=b.example.com"])
        XCTAssertEqual(moved.status, 0, moved.error)
        let second = files(in: out)
        for (path, data) in first where path.hasPrefix("secrets/") { XCTAssertEqual(second[path], data, "\(path) changed with the hostname") }

        let rotated = try run(["generate", "--out", out.path, "--rotate", "plausible.totpVaultKey"])
        XCTAssertEqual(rotated.status, 0, rotated.error)
        XCTAssertTrue(rotated.error.contains("warning: rotating plausible.totpVaultKey: a new TOTP_VAULT_KEY breaks every user's two-factor login"), rotated.error)
        let third = files(in: out)
        XCTAssertEqual(third["secrets/postgresql.secret.yaml"], second["secrets/postgresql.secret.yaml"])
        XCTAssertNotEqual(third["secrets/plausible-env.secret.yaml"], second["secrets/plausible-env.secret.yaml"])

        let shrink = try run(["generate", "--out", out.path, "--set", "clickhouse.storage=1Gi"])
        XCTAssertEqual(shrink.status, 2)
        XCTAssertTrue(shrink.error.contains("never shrink"), shrink.error)
    }

    func testPresetsAndExplainKnowPlausible() throws {
        let presets = try run(["presets"])
        XCTAssertEqual(AppTestFixture.plausible.presetNames(inPresetsOutput: presets.output), AppTestFixture.plausible.presets, presets.output)

        let explain = try run(["explain", "--app", "plausible", "postgresql.sslmode"])
        XCTAssertEqual(explain.status, 0, explain.error)
        XCTAssertTrue(explain.output.contains("verify-ca:") && explain.output.contains("disable:"), explain.output)
        let existing = try run(["explain", "--app", "plausible", "plausible.existingSecret"])
        XCTAssertTrue(AppTestFixture.unwrapped(existing.output).contains("so one Secret holds them all rather than one per password."), existing.output)
        XCTAssertEqual(try run(["explain", "--app", "plausible", "redis"]).status, 2, "Plausible has no Redis")
    }
}
