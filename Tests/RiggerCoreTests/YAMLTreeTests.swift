import RiggerCore
import XCTest
import Yams

/// YAML built in memory: serialized the way rigger's files are, and read back to the same values.
final class YAMLTreeTests: XCTestCase {
    func testMultiLineTextIsALiteralBlockThatReadsBackExactly() throws {
        let texts = [
            "<config>\n  <level>warning</level>\n</config>\n",
            "no final newline\nsecond line",
            "two final newlines\n\n",
            "  leading spaces\nthen text\n",
            "trailing space \nline\n",
        ]
        for text in texts {
            var tree = YAMLTree.emptyMap
            tree.set(["data", "file.xml"], .string(text))
            let yaml = try tree.serialized()
            let node = try XCTUnwrap(try Yams.compose(yaml: yaml))
            XCTAssertEqual(node["data"]?["file.xml"]?.string, text, yaml)
        }
        var tree = YAMLTree.emptyMap
        tree.set("file", .string("<a>\n  <b/>\n</a>\n"))
        XCTAssertEqual(try tree.serialized(), "---\nfile: |\n  <a>\n    <b/>\n  </a>\n")
    }
}
