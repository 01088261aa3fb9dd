import Foundation
import RiggerCore
import XCTest

/// Every app's presets' bundles, with seeded secrets, against the reviewed files under
/// Golden/<app>/<preset>/.
/// Set RIGGER_RECORD_GOLDEN=1 to write them anew; review the diff before committing.
final class GoldenBundleTests: XCTestCase {
    private var recording: Bool { ProcessInfo.processInfo.environment["RIGGER_RECORD_GOLDEN"] == "1" }

    func testEveryPresetMatchesItsGoldenBundle() throws {
        for fixture in TestProject.appFixtures {
            for preset in fixture.presets {
                try check(try TestProject.presetBundle(preset, of: fixture).bundle, app: fixture.app, name: preset)
            }
        }
        // Secrets in AWS Secrets Manager, through ExternalSecrets: what no preset writes.
        let aws = AppTestFixture.postHog
        try check(
            try TestProject.prepare(app: aws.app, preset: "aws", sets: (aws.openAnswers["aws"] ?? []) + SecretStoreTests.awsStore).bundle,
            app: aws.app, name: "aws-secrets-manager")
    }

    private func check(_ bundle: RiggerCore.Bundle, app: String, name preset: String) throws {
        let folder = TestProject.golden.appendingPathComponent("\(app)/\(preset)")
        if recording {
            try? FileManager.default.removeItem(at: folder)
            try TestProject.materialize(bundle, in: folder)
            return
        }
        let expectedPaths = try goldenPaths(folder)
        XCTAssertEqual(bundle.paths, expectedPaths, "\(app) \(preset): the set of files differs from Golden/\(app)/\(preset)")
        for file in bundle.files {
            let url = folder.appendingPathComponent(file.path)
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else { continue }
            if expected != file.contents {
                XCTFail("\(app)/\(preset)/\(file.path) differs from its golden file:\n" + lineDiff(expected: expected, actual: file.contents))
            }
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

    /// The differing lines, marked - (golden) and + (now), with their line numbers.
    private func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, let line, _): out.append("-\(offset + 1): \(line)")
            case .insert(let offset, let line, _): out.append("+\(offset + 1): \(line)")
            }
        }
        return out.prefix(40).joined(separator: "\n")
    }
}
