import Foundation
import XCTest

/// Where the checkout and the built rigger are, for every test target.
public enum ProjectPaths {
    /// The checkout: three folders up from this file (Tests/RiggerTestSupport/ProjectPaths.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built rigger executable, next to the test bundle (`swift test` builds it with the tests).
    public static var executable: URL {
        var folder = Foundation.Bundle(for: Marker.self).bundleURL
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("rigger")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/rigger")
    }

    /// The built rigger, or a failure that says how to build it: a test of the binary that can't
    /// find it has not passed.
    public static func requireExecutable(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let binary = executable
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("no rigger binary at \(binary.path): run `swift build` first", file: file, line: line)
            throw MissingBinary(path: binary.path)
        }
        return binary
    }

    /// The binary a test needs was not built.
    public struct MissingBinary: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "no rigger binary at \(path)" }
    }

    final class Marker {}
}
