import Foundation
import RiggerApps
import RiggerCore
import RiggerTUI
import XCTest

enum WizardTestSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = root.appendingPathComponent("Tests/RiggerTUITests/Snapshots")
    static let presets = PresetLibrary(directories: [root.appendingPathComponent("presets").path])

    /// The bundle folder of snapshot sessions: fixed, because the screens show it; emptied for each session.
    static let snapshotFolder = "/tmp/rigger-wizard-snapshots"

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

    /// Compares text (a frame, a transcript) with its reviewed snapshot; RIGGER_RECORD_SNAPSHOTS=1 writes it anew instead.
    static func checkSnapshot(text: String, _ name: String, what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = snapshots.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["RIGGER_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, expected, "\(what) differs from \(url.lastPathComponent)", file: file, line: line)
    }

    /// The built rigger executable.
    static var executable: String {
        var folder = Foundation.Bundle(for: Marker.self).bundleURL
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("rigger")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/rigger").path
    }

    final class Marker {}
}
