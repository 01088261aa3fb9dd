import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Regenerating a Plausible bundle: secrets kept byte for byte, rotations that warn, refusals,
/// the diff, backups, and manifests that come and go with the choices.
final class PlausibleRegenerationTests: XCTestCase {
    private typealias Bundles = PlausibleTestBundles

    private func snapshot(_ folder: URL) -> [String: Data] { BundleWriter(directory: folder.path).currentFiles() }

    private func written(_ preset: String, _ sets: [String] = []) throws -> URL {
        let folder = try TestProject.temporaryFolder()
        let prepared = try Bundles.prepare(preset, sets, outputDirectory: folder.path)
        _ = try BundleWriter(directory: folder.path).write(prepared.bundle)
        return folder
    }

    /// A regeneration of the bundle in `folder`, with a generator that would give other secrets.
    private func regenerate(_ folder: URL, _ sets: [String] = [], rotate: [String] = []) throws -> PreparedBundle {
        var request = GenerationRequest(setArguments: sets, outputDirectory: folder.path)
        request.rotate = rotate
        var random = SeededSecretGenerator(seed: "another-seed")
        return try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
            .prepare(request, generator: &random)
    }

    func testANewHostnameKeepsEverySecretByteIdentical() throws {
        for preset in Bundles.fixture.presets {
            let folder = try written(preset)
            defer { try? FileManager.default.removeItem(at: folder) }
            let before = snapshot(folder)
            let secretsBefore = before.filter { $0.key.hasPrefix("secrets/") }
            XCTAssertFalse(secretsBefore.isEmpty, preset)

            let unchanged = try BundleWriter(directory: folder.path).write(try regenerate(folder).bundle)
            XCTAssertTrue(unchanged.isUnchanged, "\(preset): \(unchanged.changed) \(unchanged.added)")

            let regenerated = try regenerate(folder, ["ingress.hostname=stats.example.org"])
            XCTAssertEqual(regenerated.app.id, "plausible", "the bundle keeps its app")
            let outcome = try BundleWriter(directory: folder.path).write(regenerated.bundle)
            XCTAssertEqual(snapshot(folder).filter { $0.key.hasPrefix("secrets/") }, secretsBefore, "\(preset): a secret changed with the hostname")
            XCTAssertTrue(outcome.changed.contains("values.yaml"), preset)
            XCTAssertFalse(outcome.changed.contains { $0.hasPrefix("secrets/") }, preset)
            XCTAssertEqual(outcome.added, [], preset)
            XCTAssertEqual(outcome.removed, [], preset)
            let values = try Bundles.values(regenerated)
            XCTAssertTrue((Bundles.value(values, "baseURL") as? String)?.hasSuffix("://stats.example.org") == true, preset)
            if preset == "gcp" { XCTAssertTrue(outcome.changed.contains(PlausibleTestPaths.gkeIngress), "the certificate follows the hostname") }
        }
    }

    /// Registration was `plausible.disableRegistration`, where `true` closed it; it is now
    /// `plausible.registration`, named for what the operator decides. A bundle written before
    /// regenerates through the answers schema's migration, with a note, to the same environment.
    func testAnOldBundlesRegistrationAnswerIsMigratedToWhoMayRegister() throws {
        for (old, new, environment) in [("invite_only", "invite-only", "invite_only"), ("\"true\"", "closed", "true"), ("\"false\"", "open", "false")] {
            let folder = try written("local")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("rigger.yaml")
            var answers = try String(contentsOf: path, encoding: .utf8)
            XCTAssertTrue(answers.contains("\nversion: \(AnswersDocument.currentVersion)\n"), answers)
            answers = answers.replacingOccurrences(of: "\nversion: \(AnswersDocument.currentVersion)\n", with: "\nversion: 1\n")
            answers = answers.replacingOccurrences(of: "  registration: invite-only\n", with: "")
            answers = answers.replacingOccurrences(of: "\nplausible:\n", with: "\nplausible:\n  disableRegistration: \(old)\n")
            if !answers.contains("disableRegistration") { answers += "plausible:\n  disableRegistration: \(old)\n" }
            try Data(answers.utf8).write(to: path)

            let regenerated = try regenerate(folder)
            XCTAssertEqual(regenerated.answers["plausible.registration"]?.description, new, old)
            XCTAssertNil(regenerated.answers["plausible.disableRegistration"])
            XCTAssertTrue(regenerated.warnings.contains { $0.hasSuffix("plausible.disableRegistration is now plausible.registration") }, "\(regenerated.warnings)")
            XCTAssertFalse(regenerated.standingWarnings.contains { $0.contains("disableRegistration") }, "once written, the note no longer holds")
            XCTAssertEqual(Bundles.value(try Bundles.values(regenerated), "disableRegistration") as? String, environment, old)
            let rewritten = try XCTUnwrap(regenerated.bundle["rigger.yaml"]?.contents)
            XCTAssertTrue(rewritten.contains("\nversion: \(AnswersDocument.currentVersion)\n") && rewritten.contains("  registration: \(new)\n"), rewritten)
        }
        XCTAssertGreaterThan(AnswersDocument.currentVersion, 1)
    }

    func testRotatingTheTOTPKeyWarnsAndReplacesOnlyIt() throws {
        let folder = try written("aws")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = snapshot(folder)
        let rotated = try regenerate(folder, rotate: ["plausible.totpVaultKey"])
        XCTAssertTrue(rotated.warnings.contains { $0.hasPrefix("rotating plausible.totpVaultKey:") && $0.contains("two-factor") }, "\(rotated.warnings)")
        let changes = BundleChanges(oldFiles: before, oldAnswers: rotated.previousAnswers, oldSecrets: rotated.previous?.secrets ?? [:], new: rotated)
        XCTAssertEqual(changes.secrets.filter { $0.change == .rotated }.map(\.key), ["plausible.totpVaultKey"])
        XCTAssertEqual(changes.changed, ["secrets/plausible-env.secret.yaml"])
        let old = String(decoding: try XCTUnwrap(before["secrets/plausible-env.secret.yaml"]), as: UTF8.self).split(separator: "\n")
        let new = try XCTUnwrap(rotated.bundle["secrets/plausible-env.secret.yaml"]?.contents).split(separator: "\n")
        let differing = zip(old, new).filter { $0 != $1 }.map { String($0.1.prefix { $0 != ":" }).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(differing, ["TOTP_VAULT_KEY"])
        XCTAssertEqual(Data(base64Encoded: try XCTUnwrap(rotated.secrets["plausible.totpVaultKey"]?.value))?.count, 32)
        let report = changes.report(includeDiffs: true)
        for entry in rotated.secrets.entries.values { XCTAssertFalse(report.contains(entry.value), "the report shows a secret") }

        let keyBase = try regenerate(folder, rotate: ["plausible.secretKeyBase"])
        XCTAssertTrue(keyBase.warnings.contains { $0.contains("logs every user out") }, "\(keyBase.warnings)")
    }

    func testADatabasePasswordRotationReachesTheURLAndTheDatabaseSecret() throws {
        let folder = try written("local")
        defer { try? FileManager.default.removeItem(at: folder) }
        let rotated = try regenerate(folder, rotate: ["clickhouse.password"])
        let password = try XCTUnwrap(rotated.secrets["clickhouse.password"]?.value)
        XCTAssertEqual(try Bundles.secretData(rotated, "clickhouse.secret.yaml")?["password"], password)
        let url = try XCTUnwrap(try Bundles.secretData(rotated, "plausible-env.secret.yaml")?["CLICKHOUSE_DATABASE_URL"])
        XCTAssertEqual(URLComponents(string: url)?.password, password, "the derived URL is computed anew, never read back")
        XCTAssertTrue(rotated.warnings.contains { $0.contains("restarts") }, "\(rotated.warnings)")
    }

    func testRefusalsChangeNothing() throws {
        let folder = try written("local")
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = snapshot(folder)
        for refusal in ["clickhouse.storage=1Gi", "postgresql.storage=512Mi", "release=other", "namespace=other", "app=posthog"] {
            XCTAssertThrowsError(try regenerate(folder, [refusal]), refusal) { error in
                XCTAssertTrue((error as? InvalidAnswers)?.problems.map(\.key).contains(String(refusal.split(separator: "=")[0])) == true, "\(refusal): \(error)")
            }
            XCTAssertEqual(snapshot(folder), before, refusal)
        }
    }

    func testTheDiffShowsTheChangeWithoutSecretValues() throws {
        let folder = try written("gcp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let prepared = try regenerate(folder, ["ingress.hostname=new.example.com", "clickhouse.storage=40Gi"])
        let report = BundleChanges(
            oldFiles: snapshot(folder), oldAnswers: prepared.previousAnswers, oldSecrets: prepared.previous?.secrets ?? [:], new: prepared
        ).report(includeDiffs: true)
        XCTAssertTrue(report.contains("ingress.hostname: plausible.example.com -> new.example.com"), report)
        XCTAssertTrue(report.contains("-baseURL: https://plausible.example.com\n+baseURL: https://new.example.com"), report)
        XCTAssertTrue(report.contains("changed  manifests/clickhouse.yaml"), report)
        XCTAssertTrue(report.contains("unchanged plausible.totpVaultKey"), report)
        for entry in prepared.secrets.entries.values { XCTAssertFalse(report.contains(entry.value)) }
    }

    func testManifestsFollowTheChoicesAndAreBackedUp() throws {
        let folder = try written("local")
        defer { try? FileManager.default.removeItem(at: folder) }
        let managed = try regenerate(folder, ["postgresql.mode=managed", "postgresql.host=db.example.com", "postgresql.sslmode=disable"])
        let outcome = try BundleWriter(directory: folder.path).write(managed.bundle)
        XCTAssertEqual(outcome.removed, ["manifests/cloudnative-pg.values.yaml", PlausibleTestPaths.postgresql])
        let backup = try XCTUnwrap(outcome.backup)
        XCTAssertTrue(FileManager.default.fileExists(atPath: backup + "/" + PlausibleTestPaths.postgresql), "the backup holds the old manifests")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/" + PlausibleTestPaths.postgresql))
        let preflight = try XCTUnwrap(managed.bundle["scripts/00-preflight.sh"]?.contents)
        XCTAssertTrue(preflight.contains("needs Kubernetes 1.23 or newer"), "without CloudNativePG only the chart's minimum applies")
    }
}
