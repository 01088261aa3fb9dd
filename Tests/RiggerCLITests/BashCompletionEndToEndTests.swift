import Foundation
import RiggerTestSupport
import XCTest

/// rigger's bash completion in a real interactive bash, where readline inserts what the script
/// offers: what the line reads after Tab, quoting included.
final class BashCompletionEndToEndTests: XCTestCase {
    private var session: TmuxSession!

    override func setUpWithError() throws {
        session = try TmuxSession()
    }

    override func tearDown() {
        session?.stop()
    }

    /// Types `line`, presses Tab and returns the prompt's line once it ends with `expected`
    /// (capture-pane drops the spaces at the end of a line).
    private func complete(_ line: String, expecting expected: String, file: StaticString = #filePath, line number: UInt = #line) throws -> String {
        try session.keys("C-u")
        try session.type(line)
        try session.keys("Tab")
        let screen = try session.waitUntil("completed '\(line)' to '\(expected)'", file: file, line: number) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("$ ") && $0.hasSuffix(expected) }
        }
        return screen.split(separator: "\n").last { $0.hasPrefix("$ ") }.map(String.init) ?? ""
    }

    func testKeysArePutInWithoutABackslashAndTheWizardsOptionsCompleteWithoutItsSubcommand() throws {
        try FileManager.default.createDirectory(at: session.folder.appendingPathComponent("bundles"), withIntermediateDirectories: true)
        let binFolder = URL(fileURLWithPath: ProjectPaths.executable.path).deletingLastPathComponent().path
        try session.start(shellCommand: "env -i HOME='\(session.folder.path)' TERM=xterm PATH='\(binFolder):/usr/bin:/bin' PS1='$ ' bash --norc --noprofile -i")
        try session.waitFor("$")
        try session.type("source <(rigger --generate-completion-script bash) && echo SOURCED")
        try session.keys("Enter")
        try session.waitFor("SOURCED")

        let key = try complete("rigger generate --set ingress.h", expecting: "ingress.hostname=")
        XCTAssertTrue(key.hasSuffix("--set ingress.hostname="), "no backslash and no space after the key: '\(key)'")
        let secret = try complete("rigger generate --secret postgresql.p", expecting: "postgresql.password=")
        XCTAssertTrue(secret.hasSuffix("--secret postgresql.password="), "'\(secret)'")
        let preset = try complete("rigger --preset l", expecting: "--preset local")
        XCTAssertTrue(preset.hasSuffix("rigger --preset local"), "'\(preset)'")
        let app = try complete("rigger --app pl", expecting: "--app plausible")
        XCTAssertTrue(app.hasSuffix("rigger --app plausible"), "'\(app)'")
        // Paths still complete as paths, a folder with its slash.
        let out = try complete("rigger --out bun", expecting: "--out bundles/")
        XCTAssertTrue(out.hasSuffix("rigger --out bundles/"), "'\(out)'")
    }
}
