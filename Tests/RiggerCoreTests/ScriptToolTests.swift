import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// Each numbered script runs alone too (`./scripts/40-install.sh`, or `install.sh --from 40`): on
/// a host without kubectl or helm it says which tool it needs, in one line, before using any,
/// never bash's "command not found".
final class ScriptToolTests: XCTestCase {
    /// A folder of links to every program on this machine but kubectl, helm and gcloud: a host
    /// that has the shell and coreutils and none of the cluster tools.
    private static func pathWithoutClusterTools() throws -> URL {
        let folder = try TestProject.temporaryFolder()
        let missing: Set<String> = ["kubectl", "helm", "gcloud"]
        for system in ["/usr/local/bin", "/usr/bin", "/bin"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: system)) ?? [] where !missing.contains(name) {
                let link = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: link.path) { continue }
                try? FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "\(system)/\(name)")
            }
        }
        return folder
    }

    /// The tools each script can't do without, whatever the answers; the others need one only
    /// for what the answers ask of them (20-secrets.sh applies nothing when every Secret is the
    /// operator's, 30-prerequisites.sh may have nothing to prepare).
    private static let needs: [String: [String]] = ["10-namespace": ["kubectl"], "40-install": ["helm", "kubectl"], "50-verify": ["kubectl"]]

    func testEveryScriptSaysWhichToolItNeedsBeforeUsingOne() throws {
        let bin = try Self.pathWithoutClusterTools()
        defer { try? FileManager.default.removeItem(at: bin) }
        let variants = try TestProject.postHogVariants() + PlausibleTestBundles.all() + TestProject.heliconeVariants()
        for (name, prepared) in variants {
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try TestProject.materialize(prepared.bundle, in: folder)
            for file in prepared.bundle.files where file.path.hasPrefix("scripts/") && !file.path.hasPrefix("scripts/00-") {
                let script = String(file.path.dropFirst("scripts/".count).dropLast(".sh".count))
                let result = try runProgram(
                    "/bin/bash", [folder.appendingPathComponent(file.path).path],
                    environment: ["PATH": bin.path, "HOME": folder.path], directory: folder)
                let said = "\(name): \(script)"
                XCTAssertFalse(result.error.contains("command not found"), "\(said): \(result.error)")
                XCTAssertNotEqual(result.status, 127, said)
                let first = result.error.split(separator: "\n").first.map(String.init) ?? ""
                if let tools = Self.needs[script] {
                    XCTAssertEqual(result.status, 1, "\(said): \(result.output)\(result.error)")
                    XCTAssertTrue(tools.contains { first.hasPrefix("\(script): \($0) is not on PATH; \(script).sh needs it (") }, "\(said): \(first)")
                    XCTAssertEqual(result.output, "", "\(said) did something before saying what it needs")
                } else if result.status != 0 {
                    XCTAssertEqual(result.status, 1, said)
                    XCTAssertTrue(
                        ["kubectl", "helm", "gcloud"].contains { first.hasPrefix("\(script): \($0) is not on PATH; ") }, "\(said): \(first)")
                }
            }
        }
    }
}
