import RiggerCore
import RiggerTestSupport
import XCTest

/// The README's common sections read alike for every app: the core writes them (`BundleReadme`).
final class BundleReadmeTests: XCTestCase {
    /// Every app lists the secrets it reads from the operator's own Secrets among the answers,
    /// and those Secrets among the files (only Plausible's README did before the core wrote them).
    func testEveryAppSaysWhichSecretsAreReadFromTheOperatorsSecrets() throws {
        let bundles: [(String, PreparedBundle, key: String, secret: String)] = [
            ("posthog", try TestProject.existingSecretsBundle(), "postgresql.password", "rds-credentials"),
            ("plausible", try TestProject.prepare(app: "plausible", preset: "gcp", sets: [
                "ingress.hostname=plausible.example.com", "plausible.existingSecret=plausible-own-env",
            ]), "plausible.secretKeyBase", "plausible-own-env"),
            ("helicone", try TestProject.prepare(app: "helicone", preset: "local", sets: ["helicone.existingSecret=supabase-jwt"]),
                "helicone.jwtSecret", "supabase-jwt"),
        ]
        for (app, prepared, key, secret) in bundles {
            let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents, app)
            XCTAssertTrue(readme.contains("- `\(key)`: read from your Secret `\(secret)`\n"), "\(app): \(readme)")
            XCTAssertTrue(readme.contains("  - Secret `\(secret)` in namespace `\(prepared.answers.lookup.text("namespace") ?? "")` ("), "\(app): \(readme)")
        }
    }

    /// The sections every app's README has, in the same order.
    func testEveryAppsReadmeHasTheCommonSectionsInOneOrder() throws {
        let common = ["## Answers", "## Files", "## Images", "## Next", "## Before every upgrade: regenerate"]
        for fixture in TestProject.appFixtures {
            for preset in fixture.presets {
                let readme = try XCTUnwrap(TestProject.presetBundle(preset, of: fixture).bundle["README.md"]?.contents)
                let places = common.map { heading in readme.range(of: "\n\(heading)")?.lowerBound }
                XCTAssertFalse(places.contains(nil), "\(fixture.app) \(preset) lacks one of \(common)")
                XCTAssertEqual(places.compactMap { $0 }, places.compactMap { $0 }.sorted(), "\(fixture.app) \(preset): the common sections are out of order")
            }
        }
    }
}
