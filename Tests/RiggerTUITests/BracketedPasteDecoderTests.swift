@testable import RiggerTUI
import XCTest

final class BracketedPasteDecoderTests: XCTestCase {
    private func feed(_ text: String) -> BracketedPasteDecoder {
        var decoder = BracketedPasteDecoder()
        for scalar in text.unicodeScalars { decoder.feed(scalar.value) }
        return decoder
    }

    func testAPasteIsTheTextUpToTheClosingMarker() {
        let decoder = feed("p@ss word\u{1B}x\u{1B}[201~")
        XCTAssertTrue(decoder.isComplete)
        XCTAssertEqual(decoder.text, "p@ss word\u{1B}x", "an ESC inside the paste is text, not the end")
    }

    func testWhatFollowsTheClosingMarkerIsNotPartOfThePaste() {
        XCTAssertEqual(feed("one\u{1B}[201~two").text, "one")
    }

    func testAnUnfinishedPasteKeepsWhatArrived() {
        let decoder = feed("half")
        XCTAssertFalse(decoder.isComplete)
        XCTAssertEqual(decoder.text, "half")
    }
}
