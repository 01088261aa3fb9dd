import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Regenerating a Helicone bundle: the JWT secret, the keys signed with it and every password
/// stay byte-identical; rotating the JWT secret replaces all three and says what that breaks.
final class HeliconeRegenerationTests: XCTestCase {
    private func snapshot(_ folder: URL) -> [String: Data] { BundleWriter(directory: folder.path).currentFiles() }

    private func secretFiles(_ folder: URL) -> [String: Data] { snapshot(folder).filter { $0.key.hasPrefix("secrets/") } }

    func testANewBaseDomainKeepsTheJWTSecretTheKeysAndEveryPassword() throws {
        for preset in AppTestFixture.helicone.presets {
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            _ = try BundleWriter(directory: folder.path).write(try TestProject.presetBundle(preset, of: .helicone).bundle)
            let before = secretFiles(folder)
            XCTAssertEqual(before.count, 5, preset)

            // Another seed and another clock: nothing may be generated or issued anew.
            let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: Date(timeIntervalSince1970: 1_900_000_000))
            var random = SeededSecretGenerator(seed: "a-new-domain")
            let request = GenerationRequest(setArguments: [
                "ingress.hostname=helicone.new-domain.example", "helicone.apiHostname=", "helicone.workerHostname=",
            ], outputDirectory: folder.path)
            let regenerated = try generator.prepare(request, generator: &random)
            XCTAssertEqual(regenerated.answers["helicone.apiHostname"]?.description, "api.new-domain.example", preset)
            XCTAssertTrue(regenerated.warnings.contains { $0.hasPrefix("ingress.hostname changes") }, "\(regenerated.warnings)")
            let result = try BundleWriter(directory: folder.path).write(regenerated.bundle)
            XCTAssertTrue(result.changed.contains("values.yaml"), preset)
            XCTAssertEqual(secretFiles(folder), before, "\(preset): a new domain changed a Secret")
            let values = String(decoding: try XCTUnwrap(snapshot(folder)["values.yaml"]), as: UTF8.self)
            XCTAssertTrue(values.contains("\(preset == "local" ? "http" : "https")://api.new-domain.example"), preset)
        }
    }

    /// A bundle written when Helicone's ClickHouse was 23.4.2.11 says the move on regeneration, with
    /// the backup to take first; a bundle already on today's version says nothing of it.
    func testAnOlderClickHouseVersionIsSaidOnRegeneration() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BundleWriter(directory: folder.path).write(try TestProject.presetBundle("local", of: .helicone).bundle)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "clickhouse")
        let same = try generator.prepare(GenerationRequest(outputDirectory: folder.path), generator: &random)
        XCTAssertFalse(same.warnings.contains { $0.hasPrefix("clickhouse: the in-cluster ClickHouse moves") }, "\(same.warnings)")

        let valuesURL = folder.appendingPathComponent("values.yaml")
        let values = try String(contentsOf: valuesURL, encoding: .utf8)
        XCTAssertTrue(values.contains("    tag: 23.8.16.40\n"))
        try Data(values.replacingOccurrences(of: "    tag: 23.8.16.40\n", with: "    tag: 23.4.2.11\n").utf8).write(to: valuesURL)
        let moved = try generator.prepare(GenerationRequest(outputDirectory: folder.path), generator: &random)
        let note = try XCTUnwrap(moved.warnings.first { $0.hasPrefix("clickhouse: the in-cluster ClickHouse moves from 23.4.2.11 to 23.8.16.40") }, "\(moved.warnings)")
        XCTAssertTrue(note.contains("back ClickHouse up first"), note)
    }

    func testRotatingTheJWTSecretSignsNewKeysAndWarns() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try TestProject.presetBundle("aws", of: .helicone)
        _ = try BundleWriter(directory: folder.path).write(first.bundle)
        let before = try HeliconeKeys.supabaseSecret(first.bundle)

        var request = GenerationRequest(outputDirectory: folder.path)
        request.rotate = ["helicone.jwtSecret"]
        var random = SeededSecretGenerator(seed: "rotation")
        let rotated = try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
            .prepare(request, generator: &random)
        XCTAssertTrue(rotated.warnings.contains { $0.contains("rotating helicone.jwtSecret") && $0.contains("every API key and session in use stops working") },
                      "\(rotated.warnings)")
        let after = try HeliconeKeys.supabaseSecret(rotated.bundle)
        for key in ["JWT_SECRET", "ANON_KEY", "SERVICE_ROLE_KEY"] {
            XCTAssertNotEqual(after[key], before[key], "\(key) must change with the JWT secret")
        }
        let secret = try XCTUnwrap(after["JWT_SECRET"])
        let issuedAt = Int(TestProject.fixedNow.timeIntervalSince1970)
        try HeliconeKeys.assertAPIKey(try XCTUnwrap(after["ANON_KEY"]), role: "anon", secret: secret, issuedAt: issuedAt)
        try HeliconeKeys.assertAPIKey(try XCTUnwrap(after["SERVICE_ROLE_KEY"]), role: "service_role", secret: secret, issuedAt: issuedAt)

        let changes = BundleChanges(
            oldFiles: snapshot(folder), oldAnswers: rotated.previousAnswers, oldSecrets: rotated.previous?.secrets ?? [:], new: rotated)
        XCTAssertEqual(changes.secrets.filter { $0.change == .rotated }.map(\.key), ["helicone.jwtSecret"])
        // The Secret with the JWT secret and its keys; the digest on the pods of each Deployment that
        // reads it, so that helm upgrade restarts them; and nothing else (the first bundle was issued
        // at the same clock, so the issue time and the README stay).
        let rolled = ["auth", "functions", "kong", "realtime", "rest", "storage", "web", "worker"]
        XCTAssertEqual(changes.changed.filter { !$0.hasPrefix("helm-plugins/") }, ["secrets/supabase.secret.yaml"])
        XCTAssertEqual(
            changes.changed.filter { $0.hasPrefix("helm-plugins/") }.compactMap { $0.split(separator: "-").last?.split(separator: ".").first.map(String.init) },
            rolled, "\(changes.changed)")
        let report = changes.report(includeDiffs: true)
        for value in after.values { XCTAssertFalse(report.contains(value), "the report must not show secret values") }
    }

    /// The keys are derived, never read back: a hand-edited key in secrets/ is signed again.
    func testTheKeysAreSignedAgainFromTheSecretRatherThanReadBack() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try TestProject.presetBundle("local", of: .helicone)
        _ = try BundleWriter(directory: folder.path).write(first.bundle)
        let path = folder.appendingPathComponent("secrets/supabase.secret.yaml").path
        let anon = try XCTUnwrap(try HeliconeKeys.supabaseSecret(first.bundle)["ANON_KEY"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: anon, with: "edited.by.hand").write(toFile: path, atomically: true, encoding: .utf8)
        let again = try TestProject.prepare(app: nil, preset: nil, outputDirectory: folder.path, seed: "another")
        XCTAssertEqual(try HeliconeKeys.supabaseSecret(again.bundle)["ANON_KEY"], anon)
    }
}
