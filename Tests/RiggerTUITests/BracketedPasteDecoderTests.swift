@testable import RiggerTUI
import XCTest

final class BracketedPasteDecoderTests: XCTestCase {
    private func feed(_ text: String) -> (BracketedPasteDecoder, accepted: Bool) {
        var decoder = BracketedPasteDecoder()
        for scalar in text.unicodeScalars where !decoder.feed(scalar.value) { return (decoder, false) }
        return (decoder, true)
    }

    func testAPasteIsTheTextBetweenTheMarkers() {
        let (decoder, accepted) = feed("[200~p@ss word\u{1B}x\u{1B}[201~")
        XCTAssertTrue(accepted)
        XCTAssertTrue(decoder.isComplete)
        XCTAssertEqual(decoder.text, "p@ss word\u{1B}x", "an ESC inside the paste is text, not the end")
    }

    func testOtherSequencesAfterEscAreNotAPaste() {
        XCTAssertFalse(feed("[A").accepted, "an arrow key's sequence")
        XCTAssertFalse(feed("x").accepted, "Alt-x")
        XCTAssertFalse(feed("[201~").accepted, "a closing marker alone")
    }

    func testAnUnfinishedPasteKeepsWhatArrived() {
        let (decoder, accepted) = feed("[200~half")
        XCTAssertTrue(accepted)
        XCTAssertFalse(decoder.isComplete)
        XCTAssertEqual(decoder.text, "half")
    }
}
