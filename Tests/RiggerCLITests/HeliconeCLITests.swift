import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The built rigger binary making Helicone bundles, as an operator runs it.
final class HeliconeCLITests: XCTestCase {
    private var rigger: String { TestProject.executable.path }

    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
    }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramResult {
        try TestProject.runRigger(arguments, environment: environment)
    }

    func testGenerateWritesAHeliconeBundleWhoseKeysVerifyAndIssueTimeIsTheSourceDateEpoch() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle")
        let result = try run(["generate", "--app", "helicone", "--preset", "local", "--out", out.path], environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("wrote the Helicone bundle"), result.output)
        XCTAssertTrue(result.error.contains("warning: Helicone is served over plain HTTP"), result.error)
        let manifest = try String(contentsOf: out.appendingPathComponent("secrets/supabase.secret.yaml"), encoding: .utf8)
        let data = try HeliconeKeys.stringData(manifest)
        let secret = try XCTUnwrap(data["JWT_SECRET"])
        try HeliconeKeys.assertAPIKey(try XCTUnwrap(data["ANON_KEY"]), role: "anon", secret: secret, issuedAt: 1_790_000_000)
        try HeliconeKeys.assertAPIKey(try XCTUnwrap(data["SERVICE_ROLE_KEY"]), role: "service_role", secret: secret, issuedAt: 1_790_000_000)
        let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("secrets/supabase.secret.yaml").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)

        // Regenerating later, with another clock and no app named, keeps the bundle's app and keys.
        let again = try run(["generate", "--out", out.path], environment: ["SOURCE_DATE_EPOCH": "1900000000"])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.contains("is up to date"), again.output)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("secrets/supabase.secret.yaml"), encoding: .utf8), manifest)

        // --rotate warns on stderr and signs new keys.
        let rotated = try run(["generate", "--out", out.path, "--rotate", "helicone.jwtSecret"])
        XCTAssertEqual(rotated.status, 0, rotated.error)
        XCTAssertTrue(rotated.error.contains("rotating helicone.jwtSecret: every API key and session in use stops working"), rotated.error)
        XCTAssertNotEqual(try String(contentsOf: out.appendingPathComponent("secrets/supabase.secret.yaml"), encoding: .utf8), manifest)
    }

    func testThePublishedJWTSecretAndManagedPostgreSQLExitTwoWritingNothing() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let published = folder.appendingPathComponent("jwt-secret")
        try Data("abcdefghijklmnopqrstuvwxyz123456\n".utf8).write(to: published)
        let out = folder.appendingPathComponent("bundle")
        let result = try run([
            "generate", "--app", "helicone", "--preset", "local", "--out", out.path, "--secret", "helicone.jwtSecret=@\(published.path)",
            "--set", "postgresql.mode=managed",
        ])
        XCTAssertEqual(result.status, 2, result.output + result.error)
        XCTAssertTrue(result.error.contains("--secret: helicone.jwtSecret is not valid; expected a value of your own: this one is published in the Helicone chart's README"), result.error)
        XCTAssertTrue(result.error.contains("postgresql.mode: 'managed' is not valid; expected in-cluster; 'managed' is refused: Helicone needs Supabase's Postgres extensions"), result.error)
        XCTAssertFalse(result.error.contains("abcdefghijklmnopqrstuvwxyz123456"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    func testPresetsAndExplainKnowHelicone() throws {
        let presets = try run(["presets"])
        XCTAssertEqual(presets.status, 0)
        XCTAssertEqual(AppTestFixture.helicone.presetNames(inPresetsOutput: presets.output), AppTestFixture.helicone.presets, presets.output)
        let explain = try run(["explain", "--app", "helicone", "postgresql.mode"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(AppTestFixture.unwrapped(explain.output).contains("managed: refused: Helicone needs Supabase's Postgres extensions"), explain.output)
        let issued = try run(["explain", "--app", "helicone", "helicone.jwtIssuedAt"])
        XCTAssertTrue(AppTestFixture.unwrapped(issued.output).contains("default: the time the bundle is first generated"), issued.output)
    }

    /// The audit's command: an apex web host puts the other hosts under it, not on `.com`; a
    /// derived host given as a bare public suffix exits 2 naming key, value and expectation.
    func testAnApexHostnameDerivesTheOtherHostsUnderItAndABareSuffixExitsTwo() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle")
        let apex = ["generate", "--app", "helicone", "--preset", "aws", "--out", out.path,
                    "--set", "ingress.hostname=example.com", "--set", "ingress.letsencryptEmail=ops@example.com"]
        let result = try run(apex)
        XCTAssertEqual(result.status, 0, result.error)
        let values = try String(contentsOf: out.appendingPathComponent("values.yaml"), encoding: .utf8)
        XCTAssertTrue(values.contains("NEXT_PUBLIC_SUPABASE_URL: https://api.example.com\n"), values)
        for stranger in ["api.com", "oai.com", "studio.com"] {
            XCTAssertFalse(values.contains("//\(stranger)") || values.contains(" \(stranger)\n"), "\(stranger) in values.yaml")
        }
        let answers = try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8)
        XCTAssertTrue(answers.contains("apiHostname: api.example.com") && answers.contains("workerHostname: oai.example.com"), answers)

        let refused = try run(apex.map { $0 == out.path ? folder.appendingPathComponent("other").path : $0 } + ["--set", "helicone.workerHostname=co.uk"])
        XCTAssertEqual(refused.status, 2, refused.output + refused.error)
        XCTAssertTrue(refused.error.contains("helicone.workerHostname: 'co.uk' is not valid; expected a host under a domain of your own, such as oai.example.com"),
                      refused.error)
    }

    /// The examples `explain` and the errors quote are Helicone's own pins, never another app's.
    func testExplainAndErrorsQuoteHeliconesOwnVersionsAsExamples() throws {
        let explain = AppTestFixture.unwrapped(try run(["explain", "--app", "helicone", "chart.version"]).output)
            + AppTestFixture.unwrapped(try run(["explain", "--app", "helicone", "image.tag"]).output)
            + AppTestFixture.unwrapped(try run(["explain", "--app", "helicone", "helicone.workerImageTag"]).output)
        XCTAssertTrue(explain.contains("expects: a version such as \(HeliconeQuestions.chartVersion)"), explain)
        XCTAssertTrue(explain.contains("expects: an image tag such as \(HeliconeQuestions.webImageTag) "), explain)
        XCTAssertTrue(explain.contains("expects: an image tag such as \(HeliconeQuestions.workerImageTag) "), explain)
        for posthog in ["30.46.0", "release-1.43.0"] { XCTAssertFalse(explain.contains(posthog), explain) }

        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try run([
            "generate", "--app", "helicone", "--preset", "local", "--out", folder.appendingPathComponent("bundle").path, "--set", "image.tag=latest",
        ])
        XCTAssertEqual(refused.status, 2, refused.output + refused.error)
        XCTAssertTrue(refused.error.contains("an image tag such as \(HeliconeQuestions.webImageTag)"), refused.error)
    }
}
