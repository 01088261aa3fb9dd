import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// Every app's presets' bundles, with seeded secrets, against the reviewed files under
/// Golden/<app>/<preset>/.
/// Set RIGGER_RECORD_GOLDEN=1 to write them anew; review the diff before committing.
final class GoldenBundleTests: XCTestCase {
    private var recording: Bool { Snapshot.isRecording("RIGGER_RECORD_GOLDEN") }

    func testEveryPresetMatchesItsGoldenBundle() throws {
        for fixture in TestProject.appFixtures {
            for preset in fixture.presets {
                try check(fixture, preset)
            }
        }
    }

    /// Bundles that no preset writes, each under Golden/<app>/<name>/: a preset and every answer it leaves open.
    static let variants: [(app: AppTestFixture, name: String, preset: String, sets: [String])] = [
        (.plausible, "gateway", "aws", [
            "ingress.hostname=plausible.example.com", "ingress.type=gateway", "ingress.tls=gateway", "ingress.gateway.name=shared",
            "ingress.gateway.namespace=gateway-infra", "ingress.gateway.sectionName=https",
        ]),
        // Secrets in AWS Secrets Manager, through ExternalSecrets.
        (.postHog, "aws-secrets-manager", "aws", (AppTestFixture.postHog.openAnswers["aws"] ?? []) + SecretStoreAnswers.aws),
    ]

    func testEveryVariantMatchesItsGoldenBundle() throws {
        for variant in Self.variants {
            let fixture = variant.app
            let prepared = try TestProject.prepare(
                app: fixture.app, preset: variant.preset, sets: variant.sets,
                secrets: fixture.openSecrets[variant.preset] ?? [:])
            try check(fixture, variant.name, bundle: prepared.bundle)
        }
    }

    private func check(_ fixture: AppTestFixture, _ preset: String, bundle given: RiggerCore.Bundle? = nil) throws {
        let bundle = try given ?? TestProject.presetBundle(preset, of: fixture).bundle
        let folder = TestProject.golden.appendingPathComponent("\(fixture.app)/\(preset)")
        let goldenPaths = try goldenPaths(folder)
        if recording {
            // A file the bundle no longer writes goes; each file is then compared (and written anew) below.
            for path in goldenPaths where !bundle.paths.contains(path) {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(path))
                XCTFail("\(fixture.app)/\(preset)/\(path): removed, the bundle no longer writes it; review and run again without RIGGER_RECORD_GOLDEN")
            }
        } else {
            XCTAssertEqual(bundle.paths, goldenPaths, "\(fixture.app) \(preset): the set of files differs from Golden/\(fixture.app)/\(preset)")
        }
        for file in bundle.files {
            Snapshot.assertMatches(
                file.contents, file: folder.appendingPathComponent(file.path), recordVariable: "RIGGER_RECORD_GOLDEN",
                what: "\(fixture.app)/\(preset)/\(file.path)")
        }
    }

    func testTheSameInputsGiveByteIdenticalBundles() throws {
        for fixture in TestProject.appFixtures {
            for preset in fixture.presets {
                XCTAssertEqual(
                    try TestProject.presetBundle(preset, of: fixture).bundle, try TestProject.presetBundle(preset, of: fixture).bundle,
                    "\(fixture.app) \(preset)")
            }
        }
    }

    private func goldenPaths(_ folder: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return paths.sorted()
    }
}
