@testable import RiggerTUI
import XCTest

final class TextLayoutTests: XCTestCase {
    func testCutTextEndsWithAnEllipsis() {
        var canvas = Canvas(rows: 1, columns: 10)
        canvas.write("PostgreSQL password", row: 0, column: 0, width: 8)
        XCTAssertEqual(canvas.text(row: 0), "Postgre…")
        canvas = Canvas(rows: 1, columns: 10, ellipsis: "...")
        canvas.write("PostgreSQL password", row: 0, column: 2)
        XCTAssertEqual(canvas.text(row: 0), "  Postg...", "at the right edge, in ASCII")
        canvas = Canvas(rows: 1, columns: 10)
        canvas.write("12345678", row: 0, column: 0, width: 8)
        XCTAssertEqual(canvas.text(row: 0), "12345678", "text that fits has no mark")
    }

    func testWrapKeepsWordsIndentationAndBreaksOnlyWordsLongerThanALine() {
        XCTAssertEqual(TextLayout.wrap("the quick brown fox", width: 10), ["the quick", "brown fox"])
        XCTAssertEqual(TextLayout.wrap("! required: a DNS name", width: 12, hangingIndent: 2), ["! required:", "  a DNS name"])
        XCTAssertEqual(TextLayout.wrap("  cd /a/very/long/path", width: 10), ["  cd", "  /a/very/", "  long/", "  path"])
        XCTAssertEqual(TextLayout.wrap("abcdefghijkl", width: 5), ["abcde", "fghij", "kl"], "no separator: broken where the line ends")
    }

    func testAURLIsBrokenOnlyWhereItCantFitAndThenAfterASlash() {
        let help = "e.g. RDS's global bundle from https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem. 00-preflight.sh checks it."
        XCTAssertEqual(TextLayout.wrap(help, width: 70), [
            "e.g. RDS's global bundle from",
            "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem.",
            "00-preflight.sh checks it.",
        ], "a URL that fits a line is put on one, whole")
        XCTAssertEqual(TextLayout.wrap(help, width: 50), [
            "e.g. RDS's global bundle from",
            "https://truststore.pki.rds.amazonaws.com/global/",
            "global-bundle.pem. 00-preflight.sh checks it.",
        ], "one that can't is broken after a slash, never inside a name")
        XCTAssertEqual(TextLayout.wrap("", width: 10), [""], "a blank line stays")
    }

    func testLimitMarksTheLastLineShown() {
        let lines = ["one two", "three", "four"].map { (text: $0, style: 0) }
        XCTAssertEqual(TextLayout.limit(lines, to: 3, width: 10, marker: "…").map(\.text), ["one two", "three", "four"])
        XCTAssertEqual(TextLayout.limit(lines, to: 2, width: 10, marker: "… (F1)").map(\.text), ["one two", "thre… (F1)"])
    }
}
