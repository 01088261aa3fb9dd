import Foundation
import RiggerApps
import RiggerCore
import RiggerTUI
import RiggerTestSupport
import XCTest

enum WizardTestSupport {
    static let root = ProjectPaths.root
    static let snapshots = root.appendingPathComponent("Tests/RiggerTUITests/Snapshots")
    static let presets = TestProject.presets

    /// The bundle folder of snapshot sessions: this run's own (two runs on one machine don't share
    /// it), emptied for each session. The screens show it, so its name is as long as the one the
    /// snapshots show, `shownSnapshotFolder`, which replaces it before they are compared.
    static let snapshotFolder: String = {
        var template = Array("/tmp/rigger-wizard-snaXXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return "/tmp/rigger-wizard-sna\(String(getpid() % 1_000_000).padding(toLength: 6, withPad: "0", startingAt: 0))" }
        return String(cString: made)
    }()

    /// The folder as the reviewed snapshots show it.
    static let shownSnapshotFolder = "/tmp/rigger-wizard-snapshots"

    /// A session over the repository's presets; `app` is `--app`. `now` fixes the generation's
    /// clock where two sessions' bundles are compared (Helicone's keys record when they were issued).
    static func session(
        app: String? = nil, preset: String?, out: String = snapshotFolder, outputGiven: Bool = true, fresh: Bool = true, now: Date = Date()
    ) throws -> WizardSession {
        if fresh, out == snapshotFolder { try? FileManager.default.removeItem(atPath: out) }
        let generator = BundleGenerator(registry: .standard, presets: presets, environment: [:], now: now)
        return try WizardSession(
            request: GenerationRequest(app: app, preset: preset, outputDirectory: out), generator: generator, outputGiven: outputGiven)
    }

    /// Compares a frame with its reviewed snapshot; RIGGER_RECORD_SNAPSHOTS=1 writes it anew instead.
    static func checkSnapshot(_ canvas: Canvas, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try checkSnapshot(text: canvas.text + "\n", name, what: "the frame", file: file, line: line)
        for row in 0..<canvas.rows { XCTAssertLessThanOrEqual(canvas.text(row: row).count, canvas.columns, file: file, line: line) }
    }

    /// Compares text (a frame, a transcript) with its reviewed snapshot; RIGGER_RECORD_SNAPSHOTS=1
    /// writes it anew instead, and fails so that the new file is reviewed.
    static func checkSnapshot(text: String, _ name: String, what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let shown = text.replacingOccurrences(of: snapshotFolder, with: shownSnapshotFolder)
        Snapshot.assertMatches(
            shown, file: snapshots.appendingPathComponent("\(name).txt"), recordVariable: "RIGGER_RECORD_SNAPSHOTS", what: what, file: file, line: line)
    }

    /// The built rigger executable.
    static var executable: String { ProjectPaths.executable.path }
}
