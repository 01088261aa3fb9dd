import Foundation
import RiggerCore
import RiggerTUI
import XCTest

enum WizardTestSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snapshots = root.appendingPathComponent("Tests/RiggerTUITests/Snapshots")
    static let presets = PresetLibrary(directories: [root.appendingPathComponent("presets").path])

    static func session(preset: String?, out: String = "/nonexistent/rigger-wizard", outputGiven: Bool = true) throws -> WizardSession {
        let generator = BundleGenerator(presets: presets, environment: [:])
        return try WizardSession(request: GenerationRequest(preset: preset, outputDirectory: out), generator: generator, outputGiven: outputGiven)
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
