import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// The presets compiled into the binary, and the version it reports: a binary copied alone to
/// another host needs no files beside it.
final class BuiltInPresetsTests: XCTestCase {
    private var rigger: String { TestProject.executable.path }
    /// The environment of an operator's minimal shell: no RIGGER_PRESETS, no checkout.
    private let minimalEnvironment = ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color"]

    /// The build tool that writes the embedded presets and the commit, built beside rigger.
    private var buildTool: String { TestProject.executable.deletingLastPathComponent().appendingPathComponent("RiggerBuildTool").path }

    /// Each app's preset names as the checkout's presets/ folder has them.
    private func presetFolderNames() throws -> [String: [String]] {
        let folder = TestProject.root.appendingPathComponent("presets")
        var names: [String: [String]] = [:]
        for app in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !app.hasPrefix(".") {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(app).path)
            names[app] = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        }
        return names
    }

    /// `rigger presets` output: app id to its preset names (a preset's line starts with two spaces,
    /// the lines its description wraps onto with more).
    private func listedPresets(_ output: String) -> [String: [String]] {
        var listed: [String: [String]] = [:]
        var app = ""
        for line in output.split(separator: "\n") {
            if !line.hasPrefix(" ") {
                app = String(line.prefix { $0 != ":" })
                listed[app] = []
            } else if !line.hasPrefix("   "), let name = line.split(separator: " ").first, name != "(no" {
                listed[app, default: []].append(String(name))
            }
        }
        return listed
    }

    func testEveryPresetFileIsBuiltInAndWorksFromAnyFolderWithNoEnvironment() throws {
        let folder = try TestProject.temporaryFolder()
        let presets = try runProgram(rigger, ["presets"], environment: minimalEnvironment, directory: folder)
        XCTAssertEqual(presets.status, 0, presets.error)
        let listed = listedPresets(presets.output)
        for (app, names) in try presetFolderNames() {
            XCTAssertEqual(listed[app], names, "presets/\(app)/ must be built in whole")
        }

        let out = folder.appendingPathComponent("bundle")
        let generated = try runProgram(
            rigger, ["generate", "--preset", "gcp", "--set", "ingress.hostname=posthog.example.com", "--out", out.path],
            environment: minimalEnvironment, directory: folder)
        XCTAssertEqual(generated.status, 0, generated.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("values.yaml").path))
    }

    func testTheOperatorsPresetsComeFirstAndAddToTheBuiltInOnes() throws {
        let folder = try TestProject.temporaryFolder()
        let own = folder.appendingPathComponent("presets/posthog")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try Data("description: Our GKE, our way.\ncloud: gcp\n".utf8).write(to: own.appendingPathComponent("gcp.yaml"))
        try Data("description: The staging cluster.\ncloud: aws\n".utf8).write(to: own.appendingPathComponent("staging.yaml"))
        var environment = minimalEnvironment
        environment["RIGGER_PRESETS"] = folder.appendingPathComponent("presets").path
        let result = try runProgram(rigger, ["presets", "--app", "posthog"], environment: environment, directory: folder)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("Our GKE, our way."), result.output)
        XCTAssertTrue(result.output.contains("staging"), result.output)
        XCTAssertTrue(result.output.contains("aws-managed"), "the built-in presets are still there:\n\(result.output)")
    }

    func testTheLibraryFallsBackToBuiltInPresetsAfterItsFolders() throws {
        let folder = try TestProject.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("demo"), withIntermediateDirectories: true)
        try Data("description: from the folder\n".utf8).write(to: folder.appendingPathComponent("demo/shared.yaml"))
        let library = PresetLibrary(
            directories: [folder.path],
            builtIn: ["demo/shared.yaml": "description: built in\n", "demo/only-built-in.yaml": "description: only built in\n",
                      "other/elsewhere.yaml": "description: another app\n"])
        XCTAssertEqual(library.names(app: "demo"), ["only-built-in", "shared"])
        XCTAssertEqual(try library.load("shared", app: "demo").description, "from the folder")
        XCTAssertEqual(try library.load("only-built-in", app: "demo").description, "only built in")
        XCTAssertThrowsError(try library.load("elsewhere", app: "demo"))

        let broken = PresetLibrary(directories: [], builtIn: ["demo/broken.yaml": "description: [oops\n"])
        XCTAssertThrowsError(try broken.load("broken", app: "demo")) { error in
            XCTAssertTrue("\(error)".contains("presets/demo/broken.yaml (built in)"), "\(error)")
        }
        XCTAssertThrowsError(try PresetLibrary(directories: []).load("gcp", app: "demo")) { error in
            XCTAssertTrue("\(error)".contains("RIGGER_PRESETS"), "an empty library says how to add presets: \(error)")
        }
    }

    func testVersionNamesTheCommitOfTheCheckout() throws {
        let result = try runProgram(rigger, ["--version"], environment: minimalEnvironment)
        XCTAssertEqual(result.status, 0, result.error)
        let version = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(version.hasPrefix(Rigger.version + " (commit "), version)
        let head = try runProgram("git", ["-C", TestProject.root.path, "rev-parse", "HEAD"])
        if head.status == 0 {
            XCTAssertEqual(version, "\(Rigger.version) (commit \(head.output.prefix(12)))")
        } else {
            XCTAssertEqual(version, "\(Rigger.version) (commit unknown)")
        }
    }

    /// Built from a tarball (no .git), or from a git folder whose HEAD can't be read, the commit is "unknown".
    func testTheBuildCommitIsReadFromGitsFilesOrUnknown() throws {
        let folder = try TestProject.temporaryFolder()
        let output = folder.appendingPathComponent("BuildCommit.swift")
        func stamp(_ arguments: [String]) throws -> String {
            let result = try runProgram(buildTool, ["build-commit", output.path] + arguments)
            XCTAssertEqual(result.status, 0, result.error)
            return try String(contentsOf: output, encoding: .utf8)
        }
        XCTAssertTrue(try stamp([]).contains("let buildCommit = \"unknown\""))

        let git = folder.appendingPathComponent("git"), id = String(repeating: "0123456789abcdef", count: 3).prefix(40)
        try FileManager.default.createDirectory(at: git.appendingPathComponent("refs/heads"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        XCTAssertTrue(try stamp([git.path, git.path]).contains("\"unknown\""), "a branch with no commit yet")
        try Data("# pack-refs with: peeled\n\(id) refs/heads/main\n".utf8).write(to: git.appendingPathComponent("packed-refs"))
        XCTAssertTrue(try stamp([git.path, git.path]).contains("\"\(id.prefix(12))\""), "a packed ref")
        let loose = String(id.reversed())
        try Data("\(loose)\n".utf8).write(to: git.appendingPathComponent("refs/heads/main"))
        XCTAssertTrue(try stamp([git.path, git.path]).contains("\"\(loose.prefix(12))\""), "a loose ref wins over a packed one")
        try Data("\(id)\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        XCTAssertTrue(try stamp([git.path, git.path]).contains("\"\(id.prefix(12))\""), "a detached HEAD")
    }
}
