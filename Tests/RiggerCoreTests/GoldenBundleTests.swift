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
        if recording {
            try? FileManager.default.removeItem(at: folder)
            try TestProject.materialize(bundle, in: folder)
            return
        }
        let expectedPaths = try goldenPaths(folder)
        XCTAssertEqual(bundle.paths, expectedPaths, "\(fixture.app) \(preset): the set of files differs from Golden/\(fixture.app)/\(preset)")
        for file in bundle.files {
            let url = folder.appendingPathComponent(file.path)
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else { continue }
            if expected != file.contents {
                XCTFail("\(fixture.app)/\(preset)/\(file.path) differs from its golden file:\n" + lineDiff(expected: expected, actual: file.contents))
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
