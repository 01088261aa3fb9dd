import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// What the bundle writer counts as the bundle's own files.
final class BundleWriterTests: XCTestCase {
    func testManifestsAreBundleFilesThatAreComparedBackedUpAndRemoved() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = [
            BundleFile(path: "rigger.yaml", contents: "app: x\n", mode: BundleFile.regular),
            BundleFile(path: "manifests/database.yaml", contents: "---\nkind: Cluster\n", mode: BundleFile.regular),
        ]
        let writer = BundleWriter(directory: folder.path)
        XCTAssertEqual(try writer.write(Bundle(files: base)).added, ["manifests/database.yaml", "rigger.yaml"])
        XCTAssertTrue(try writer.write(Bundle(files: base)).isUnchanged, "an unchanged manifest is no change")

        let outcome = try writer.write(Bundle(files: [base[0]]))
        XCTAssertEqual(outcome.removed, ["manifests/database.yaml"])
        let backup = try XCTUnwrap(outcome.backup)
        XCTAssertEqual(try String(contentsOfFile: backup + "/manifests/database.yaml", encoding: .utf8), "---\nkind: Cluster\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/manifests/database.yaml"))
    }
}
