import Foundation
import XCTest

/// Keys as terminal emulators send them whatever TERM says: raw escape sequences, written to the
/// wizard's terminal byte for byte, under terminal types whose terminfo lists few of them.
extension WizardEndToEndTests {
    /// Writes the characters to the wizard as they are, as a terminal does for a key.
    private func send(_ sequences: String...) throws {
        let bytes = sequences.joined().utf8.map { String(format: "%02x", $0) }
        try tmux(["send-keys", "-t", "e2e", "-H"] + bytes)
    }

    /// The folders in the test's folder, the tmux helper's files aside.
    private var foldersMade: Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix("tmux-") })
    }

    func testRawEscapeSequencesActAsKeysAndNeverAsTextOnVt100Vt220AndXterm() throws {
        let esc = "\u{1B}"
        var written: Set<String> = []
        for (index, term) in ["vt100", "vt220", "xterm"].enumerated() {
            if index > 0 { try restartTmux() }
            try start("--preset local", term: term)
            try waitFor("> Output folder")
            let name = "\(term)-bundle"
            try keys("C-u")
            try type("XXXX\(name)YYYY")
            // Each form of Home then Delete takes an X off the front; each form of End then
            // Backspace a Y off the end.
            for home in ["[1~", "[H", "OH", "[7~"] { try send(esc + home, esc + "[3~") }
            for end in ["[4~", "[F", "OF", "[8~"] { try send(esc + end, "\u{7F}") }
            // Keys with nothing to do in a text field, and sequences that mean nothing at all.
            try send(esc + "[6~", esc + "[5~", esc + "[2~", esc + "[Z", esc + "[1;5C", esc + "[99~", esc + "Oz", esc + "[1;5X", esc + "x")
            let output = try waitUntil("showed the folder typed, \(name), alone in its field under TERM=\(term)") { screen in
                screen.split(separator: "\n").contains { $0.contains(">Output folder") && $0.contains(" \(name)_") }
            }
            XCTAssertTrue(output.contains("> Output folder"), "TERM=\(term): no sequence may act as Esc:\n\(output)")
            for stray in ["[", "~", "Oz", "X", "Y"] {
                XCTAssertFalse(output.split(separator: "\n").contains { $0.contains(">Output folder") && $0.contains(stray) },
                               "TERM=\(term): '\(stray)' must not be in the field:\n\(output)")
            }

            try keys("Enter")
            try waitFor("> App and cloud")
            try keys("Tab")
            let onPreset = try session.waitForSettled(">Preset")
            try send(esc + "[Z")
            let back = try waitFor(">App")
            XCTAssertTrue(back.contains("> App and cloud"), "TERM=\(term): Shift-Tab moves focus back, not a page:\n\(back)")
            XCTAssertFalse(back.contains("[Z"), "TERM=\(term): Shift-Tab typed text:\n\(back)")
            // PgDn and Delete do nothing on a choice; Tab after them shows they were read.
            try send(esc + "[6~", esc + "[3~", "\t")
            let again = try session.waitForSettled(">Preset")
            XCTAssertEqual(again, onPreset, "TERM=\(term): PgDn and Delete changed the page")

            // Esc alone still goes back at once: measured against complete sequences (Shift-Tab and
            // Tab, which no terminal delays) in the same session, where ncurses' default ESCDELAY
            // would add a whole second to Esc alone. A ratio, not a time: the machine may be busy.
            var roundTrips: [TimeInterval] = []
            for _ in 0..<3 {
                var sent = Date()
                try send(esc + "[Z")
                try waitFor(">App")
                roundTrips.append(Date().timeIntervalSince(sent))
                sent = Date()
                try send("\t")
                try waitFor(">Preset")
                roundTrips.append(Date().timeIntervalSince(sent))
            }
            let typical = roundTrips.sorted()[roundTrips.count / 2]
            let pressed = Date()
            try keys("Escape")
            try waitFor("> Output folder")
            let escape = Date().timeIntervalSince(pressed)
            XCTAssertLessThan(escape / max(typical, 0.001), 8, "TERM=\(term): Esc alone took \(escape) s, a Tab \(typical) s: Esc lags")
            try keys("Enter")
            try waitFor("> App and cloud")
            try writeFromHereAndExit()
            written.insert(name)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name)/values.yaml").path), "TERM=\(term)")
            XCTAssertEqual(foldersMade, written, "TERM=\(term): the bundle goes to exactly the folder typed")
        }
    }

    /// Strings and reports terminals send unasked (colour and capability replies, mouse reports
    /// left on by an earlier program) are dropped whole: none of their text reaches the field,
    /// and none of them goes back a page as Esc would.
    func testTerminalStringsAndMouseReportsAreDroppedWholeUnderXtermScreenAndVt220() throws {
        let esc = "\u{1B}", st = "\u{1B}\\", bel = "\u{07}"
        let sequences = [
            esc + "]11;rgb:0000/0000/0000" + bel, esc + "]10;rgb:ffff/ffff/ffff" + st, esc + "P1+r544e=787465726d" + st,
            esc + "_Gi=31;OK" + st, esc + "^secret" + st, esc + "Xstart" + st, esc + "N#",
            esc + "[<0;10;5M", esc + "[<0;10;5m", esc + "[M !!", "\u{9D}2;title" + bel, esc + "x",
        ]
        for (index, term) in ["xterm", "screen", "vt220"].enumerated() {
            if index > 0 { try restartTmux() }
            try start("--preset local", term: term)
            try waitFor("> Output folder")
            let name = "\(term)-quiet"
            try keys("C-u")
            try type(name)
            try waitFor(" \(name)_")
            for sequence in sequences { try send(sequence) }
            try send("\u{7F}")
            let trimmed = String(name.dropLast())
            let output = try waitUntil("showed the folder typed, less its last letter, under TERM=\(term)") { screen in
                screen.split(separator: "\n").contains { $0.contains(">Output folder") && $0.contains(" \(trimmed)_") }
            }
            let row = output.split(separator: "\n").first { $0.contains(">Output folder") } ?? ""
            // The field's text, without the underscores that show its free width.
            let field = String(row.split(separator: ">Output folder", maxSplits: 1).last ?? "").trimmingCharacters(in: CharacterSet(charactersIn: " _"))
            XCTAssertEqual(field, trimmed, "TERM=\(term): nothing but the name is in the field:\n\(output)")
            XCTAssertTrue(output.contains("> Output folder"), "TERM=\(term): no sequence may act as Esc:\n\(output)")
            for stray in ["rgb", "544e", "OK", "secret", "start", "title", "10;5", "!!", "#"] {
                XCTAssertFalse(field.contains(stray), "TERM=\(term): '\(stray)' must not be in the field:\n\(output)")
            }
            try keys("C-c")
            try waitFor("Quit")
            try keys("y")
            try waitFor("EXIT=")
        }
    }
}
