import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

final class AnswersDocumentTests: XCTestCase {
    func testNestedAndDottedKeysAreTheSameAnswers() throws {
        let nested = try AnswersDocument(text: "ingress:\n  hostname: a.example.com\n", path: "a.yaml", layerName: "a")
        let dotted = try AnswersDocument(text: "ingress.hostname: a.example.com\n", path: "b.yaml", layerName: "b")
        XCTAssertEqual(nested.layer["ingress.hostname"]?.text, "a.example.com")
        XCTAssertEqual(dotted.layer["ingress.hostname"]?.text, "a.example.com")
    }

    func testMalformedYAMLIsReportedWithFileLineAndColumn() {
        XCTAssertThrowsError(try AnswersDocument(text: "cloud: gcp\ningress:\n  hostname: [a\n", path: "bad.yaml", layerName: "x")) { error in
            let yamlError = error as? YAMLError
            XCTAssertEqual(yamlError?.file, "bad.yaml")
            XCTAssertNotNil(yamlError?.line)
            XCTAssertNotNil(yamlError?.column)
            XCTAssertTrue(String(describing: error).hasPrefix("bad.yaml:"))
        }
        XCTAssertThrowsError(try AnswersDocument(text: "- a\n- b\n", path: "list.yaml", layerName: "x")) { error in
            XCTAssertEqual((error as? YAMLError)?.line, 1)
        }
        XCTAssertThrowsError(try AnswersDocument(text: "cloud: gcp\ncloud: aws\n", path: "dup.yaml", layerName: "x"))
    }

    func testProblemsInAFilePointAtTheLine() throws {
        let document = try AnswersDocument(text: "cloud: gcp\nnamespace: Not_Valid\n", path: "answers.yaml", layerName: "answers", strict: true)
        let outcome = AnswerResolver(catalog: TestCatalogs.postHog).evaluate([document.layer])
        let problem = try XCTUnwrap(outcome.problems.first { $0.key == "namespace" })
        XCTAssertTrue(problem.description.hasPrefix("answers.yaml:2:1: namespace: 'Not_Valid'"), problem.description)
    }

    func testRiggerYAMLReplaysToTheSameAnswers() throws {
        let prepared = try TestProject.presetBundle("aws-managed")
        let text = try XCTUnwrap(prepared.bundle["rigger.yaml"]?.contents)
        let document = try AnswersDocument(text: text, path: "rigger.yaml", layerName: "replay", strict: true)
        XCTAssertEqual(document.version, AnswersDocument.currentVersion)
        let replayed = try AnswerResolver(catalog: TestCatalogs.postHog).resolve([document.layer])
        XCTAssertEqual(replayed, prepared.answers)
        XCTAssertEqual(replayed.defaulted, [], "rigger.yaml holds every answer, so nothing is left to defaults")
    }
}
