import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The seam between the core and the apps: the core names no app, and every app's catalog and
/// Secret layout are sound.
final class AppSeamTests: XCTestCase {
    /// The core and the wizard must work for any app: an app's name in them means the seam leaks.
    func testTheCoreAndTheWizardNameNoApp() throws {
        let names = AppRegistry.standard.entries.flatMap { [$0.id, $0.title] }.map { $0.lowercased() }
        for folder in ["Sources/RiggerCore", "Sources/RiggerCluster", "Sources/RiggerTUI", "Sources/CNCursesW"] {
            let root = TestProject.root.appendingPathComponent(folder)
            let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let url as URL in enumerator where ["swift", "h"].contains(url.pathExtension) {
                let text = try String(contentsOf: url, encoding: .utf8).lowercased()
                for name in names where text.contains(name) {
                    XCTFail("\(folder)/\(url.lastPathComponent) names the app '\(name)'; app-specific code belongs in Sources/RiggerApps")
                }
            }
        }
    }

    /// The core is the model: what starts kubectl, helm or gcloud lives in RiggerCluster, which
    /// depends on it. Yams stays behind the core's own YAML tree (an internal import).
    func testTheCoreStartsNoProcessAndShowsNoYams() throws {
        let root = TestProject.root.appendingPathComponent("Sources/RiggerCore")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        let processCalls = ["Process(", "posix_spawn", "fork(", "execv", "waitpid(", "popen("]
        var read = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            read += 1
            for call in processCalls where text.contains(call) {
                XCTFail("Sources/RiggerCore/\(url.lastPathComponent) calls \(call); running tools belongs in Sources/RiggerCluster")
            }
            for line in text.split(separator: "\n") where line.hasPrefix("import Yams") || line.hasPrefix("public import Yams") {
                XCTFail("Sources/RiggerCore/\(url.lastPathComponent): '\(line)' would show Yams to the core's users; use internal import")
            }
        }
        XCTAssertGreaterThan(read, 50, "the core's sources were not found")
    }

    func testEveryAppCatalogIsSound() {
        for entry in AppRegistry.standard.entries {
            XCTAssertEqual(entry.catalog.selfCheck(), [], entry.id)
            XCTAssertEqual(entry.catalog.questions.first?.key, "app", "\(entry.id): the app is asked first")
        }
    }

    /// Every secret an app asks for has a home in one of its Secret files, so a regeneration can
    /// read it back; and no two files claim the same secret.
    func testEverySecretIsReadBackFromExactlyOneFile() {
        for entry in AppRegistry.standard.entries {
            let homes = entry.app.secretFiles.flatMap { file in file.secretKeys.map { ($0, file.fileName) } }
            let byKey = Dictionary(grouping: homes, by: \.0)
            for question in entry.catalog.secrets {
                XCTAssertEqual(byKey[question.key]?.count, 1, "\(entry.id): \(question.key) must be in exactly one Secret file")
            }
        }
    }

    func testTheAppComesFromTheLayersAndDefaultsToTheFirst() {
        let registry = AppRegistry.standard
        XCTAssertEqual(registry.entry(for: []).id, registry.ids[0])
        for id in registry.ids {
            let layer = AnswerLayer(name: "--set", answers: [("app", RawAnswer(text: id, origin: .commandLine))])
            XCTAssertEqual(registry.entry(for: [layer]).id, id)
        }
    }
}
