import XCTest

/// What the built wizard sends over a real pty: over a slow or far SSH link every byte is
/// latency, so a key typed into a field must cost no more than the character itself.
final class WizardBytesOnTheWireTests: XCTestCase {
    func testAKeyTypedIntoATextFieldCostsOnlyItsCharacterOnceTheFieldIsBeingTyped() throws {
        let pty = try PtySession()
        defer { pty.stop() }
        try pty.start(["--preset", "local", "--out", pty.folder.appendingPathComponent("bundle").path], term: "xterm-256color")
        pty.waitFor("Ctrl-C quit")
        // Enter: the cluster page, where the focus is in the empty kube context field.
        XCTAssertNotNil(pty.secondsToAnswer([0x0D], quiet: 100))
        pty.waitFor("Kube context")
        var sizes: [Int] = []
        for key in "kind-rigger".utf8 {
            let before = pty.bytes.count
            XCTAssertNotNil(pty.secondsToAnswer([key], quiet: 100), "the key '\(UnicodeScalar(key))' was answered")
            sizes.append(pty.bytes.count - before)
        }
        // The first key turns the field's bold and underline on; from then on the terminal's
        // attributes and cursor are already right for the next one.
        XCTAssertLessThanOrEqual(sizes[0], 16, "\(sizes)")
        XCTAssertEqual(Array(sizes.dropFirst()), Array(repeating: 1, count: sizes.count - 1), "\(sizes)")
        XCTAssertLessThanOrEqual(Double(sizes.reduce(0, +)) / Double(sizes.count), 8)
    }
}
