import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Plausible's CVE-2026-8467 through the built binary: a new bundle on an affected version is
/// refused unless the advisory is accepted, an accepted one is said everywhere, and a bundle of
/// the previous release keeps its version, warns, and moves with its secrets untouched.
final class PlausibleAdvisoryTests: XCTestCase {
    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
    }

    private func generate(_ out: URL, _ arguments: [String]) throws -> ProgramResult {
        try TestProject.runRigger(["generate", "--out", out.path] + arguments)
    }

    private func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func testANewBundleOnAnAffectedVersionIsRefusedNamingTheAdvisoryAndTheFix() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("new")
        let result = try generate(out, ["--app", "plausible", "--preset", "local", "--set", "image.tag=v3.0.1"])
        XCTAssertEqual(result.status, 2, result.output + result.error)
        XCTAssertTrue(result.error.contains("image.tag: 'v3.0.1' pins Plausible Community Edition v3.0.1, which CVE-2026-8467 (GHSA-55hg-8qxv-qj4p, critical) affects"), result.error)
        XCTAssertTrue(result.error.contains("fixed in v3.2.1. Move to it with --set image.tag=v3.2.1, or install it anyway with --allow-vulnerable CVE-2026-8467"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
        // v3.2.1, the default, is written without a word about it.
        let clean = try generate(out, ["--app", "plausible", "--preset", "local"])
        XCTAssertEqual(clean.status, 0, clean.error)
        XCTAssertFalse(clean.error.contains("CVE-"), clean.error)
        XCTAssertTrue(try text(out, "rigger.yaml").contains("tag: v3.2.1"))
        XCTAssertFalse(try text(out, "README.md").contains("## Security: known advisories"))
        XCTAssertTrue(try text(out, "README.md").contains("| Plausible | `ghcr.io/plausible/community-edition:v3.2.1` | ghcr.io | none known to rigger as of \(SecurityAdvisories.reviewed) |"))
    }

    func testAnAcceptedAdvisoryIsRecordedAndSaidOnEveryRunTheReviewAndTheReadme() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("accepted")
        let accepted = try generate(out, ["--app", "plausible", "--preset", "local", "--set", "image.tag=v3.0.1", "--allow-vulnerable", "CVE-2026-8467"])
        XCTAssertEqual(accepted.status, 0, accepted.error)
        XCTAssertTrue(accepted.error.contains("rigger: warning: image.tag v3.0.1: Plausible Community Edition v3.0.1 is affected by CVE-2026-8467"), accepted.error)
        XCTAssertTrue(accepted.error.contains("Accepted with --allow-vulnerable CVE-2026-8467 (allowVulnerable in rigger.yaml)"), accepted.error)
        XCTAssertTrue(try text(out, "rigger.yaml").contains("allowVulnerable: CVE-2026-8467"))
        let readme = try text(out, "README.md")
        XCTAssertTrue(readme.contains("## Security: known advisories"), readme)
        XCTAssertTrue(readme.contains("Accepted in `allowVulnerable` (`--allow-vulnerable CVE-2026-8467`)."), readme)
        XCTAssertTrue(readme.contains("rigger generate --out <this folder> --set image.tag=v3.2.1"), readme)
        XCTAssertTrue(readme.contains("| Plausible | `ghcr.io/plausible/community-edition:v3.0.1` | ghcr.io | CVE-2026-8467 (critical, fixed in v3.2.1) |"), readme)

        // The review shows it among its warnings, as the wizard and plain mode do.
        var request = GenerationRequest(outputDirectory: out.path)
        var random = SeededSecretGenerator(seed: "review")
        let prepared = try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
            .prepare(request, generator: &random)
        let review = BundleReview(prepared: prepared, changes: nil, warnings: prepared.warnings)
        let warnings = try XCTUnwrap(review.sections.first { $0.title == "Warnings" })
        XCTAssertTrue(warnings.lines.contains { $0.contains("CVE-2026-8467") && $0.contains("Accepted with --allow-vulnerable") }, "\(warnings.lines)")

        // Kept on every regeneration, until the version moves past the fix; then it goes.
        let again = try generate(out, [])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.error.contains("Accepted with --allow-vulnerable CVE-2026-8467"), again.error)
        let moved = try generate(out, ["--set", "image.tag=v3.2.1"])
        XCTAssertEqual(moved.status, 0, moved.error)
        XCTAssertFalse(try text(out, "rigger.yaml").contains("allowVulnerable"))
        XCTAssertFalse(try text(out, "README.md").contains("## Security: known advisories"))
        // Back to an affected version: a version newly pinned needs the acceptance again.
        request.setArguments = ["image.tag=v3.1.0"]
        XCTAssertThrowsError(try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
            .prepare(request, generator: &random)) { error in
            XCTAssertTrue("\(error)".contains("image.tag: 'v3.1.0' pins Plausible Community Edition v3.1.0"), "\(error)")
        }
    }

    func testAnAcceptanceMustNameAnAdvisoryOfAVersionThisBundlePins() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("mistyped")
        let base = ["--app", "plausible", "--preset", "local", "--set", "image.tag=v3.0.1"]
        let other = try generate(out, base + ["--allow-vulnerable", "CVE-2025-1974"])
        XCTAssertEqual(other.status, 2, other.error)
        XCTAssertTrue(other.error.contains("allowVulnerable: 'CVE-2025-1974' is not valid; expected the name of an advisory of a version this bundle pins: CVE-2026-8467"), other.error)
        XCTAssertTrue(other.error.contains("image.tag: 'v3.0.1' pins"), "the version is still refused: \(other.error)")
        let garbled = try generate(out, base + ["--allow-vulnerable", "storybook"])
        XCTAssertEqual(garbled.status, 2, garbled.error)
        XCTAssertTrue(garbled.error.contains("allowVulnerable: 'storybook' is not valid; expected advisory names such as CVE-2025-1974"), garbled.error)
        let needless = try generate(out, ["--app", "plausible", "--preset", "local", "--allow-vulnerable", "CVE-2026-8467"])
        XCTAssertEqual(needless.status, 2, needless.error)
        XCTAssertTrue(needless.error.contains("allowVulnerable: 'CVE-2026-8467' was given, but allowVulnerable applies only when a version set by image.tag has a known critical or high advisory"), needless.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    /// The bundle the previous release wrote (its golden local bundle, on v3.0.1), regenerated.
    func testABundleOfThePreviousReleaseKeepsItsVersionWarnsAndMovesWithItsSecrets() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        try FileManager.default.copyItem(at: TestProject.fixtures.appendingPathComponent("previous-release/plausible-local"), to: out)
        let secrets = out.appendingPathComponent("secrets")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: secrets.path)
        for file in try FileManager.default.contentsOfDirectory(atPath: secrets.path) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secrets.appendingPathComponent(file).path)
        }
        let before = try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: secrets.path).map {
            ($0, try Data(contentsOf: secrets.appendingPathComponent($0)))
        })

        let kept = try generate(out, [])
        XCTAssertEqual(kept.status, 0, kept.error)
        XCTAssertTrue(kept.error.contains("rigger: warning: image.tag v3.0.1: Plausible Community Edition v3.0.1 is affected by CVE-2026-8467"), kept.error)
        XCTAssertTrue(kept.error.contains("Move to it (read its release notes first): rigger generate --out '\(out.path)' --set image.tag=v3.2.1"), kept.error)
        XCTAssertTrue(try text(out, "rigger.yaml").contains("tag: v3.0.1"), "regenerating never moves the app by itself")
        XCTAssertTrue(try text(out, "README.md").contains("## Security: known advisories"))

        let moved = try generate(out, ["--set", "image.tag=v3.2.1"])
        XCTAssertEqual(moved.status, 0, moved.error)
        XCTAssertTrue(try text(out, "values.yaml").contains("tag: v3.2.1"))
        for (file, data) in before {
            XCTAssertEqual(try Data(contentsOf: secrets.appendingPathComponent(file)), data, "\(file) changed with the move to v3.2.1")
        }
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: secrets.path)), Set(before.keys))
    }
}
