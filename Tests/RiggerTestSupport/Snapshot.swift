import Foundation
import XCTest

/// One assertion for every reviewed file the tests compare with: screens, transcripts and golden
/// bundles. A mismatch fails with the differing lines; recording (its environment variable set to
/// 1) writes the file anew and fails too, so that a recorded run is never taken for a passing one.
public enum Snapshot {
    /// Compares `actual` with the file at `url`; with `recordVariable` set to 1 writes it instead.
    /// `what` names the compared thing in messages ("the frame", "posthog/aws/values.yaml").
    public static func assertMatches(
        _ actual: String, file url: URL, recordVariable: String, what: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        if isRecording(recordVariable) {
            let existing = try? String(contentsOf: url, encoding: .utf8)
            guard existing != actual else { return }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
            } catch {
                XCTFail("\(what): cannot record \(url.path): \(error)", file: file, line: line)
                return
            }
            XCTFail("\(what): recorded \(url.lastPathComponent) anew; review the diff and run again without \(recordVariable)", file: file, line: line)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("\(what): no reviewed file at \(url.path); record it with \(recordVariable)=1 and review it", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        XCTFail("\(what) differs from \(url.lastPathComponent):\n" + lineDiff(expected: expected, actual: actual), file: file, line: line)
    }

    /// Whether the tests write reviewed files anew rather than compare with them.
    public static func isRecording(_ variable: String) -> Bool {
        ProcessInfo.processInfo.environment[variable] == "1"
    }

    /// The differing lines, marked - (reviewed) and + (now), with their line numbers; the first 40.
    public static func lineDiff(expected: String, actual: String) -> String {
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
