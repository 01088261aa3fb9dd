import Foundation
import RiggerTestSupport
import XCTest

/// man/rigger.1 documents the tool as it is: every subcommand and option the binary takes, the
/// wizard's keys, plain mode, the exit codes, and every environment variable rigger reads.
final class ManualPageTests: XCTestCase {
    private let page = TestProject.root.appendingPathComponent("man/rigger.1")

    /// The page's text with roff's escaped hyphens as plain ones.
    private func text() throws -> String {
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
    }

    func testEverySubcommandAndOptionOfTheBinaryIsDocumented() throws {
        let manual = try text()
        let help = try TestProject.runRigger(["--help"])
        let subcommands = help.output.components(separatedBy: "SUBCOMMANDS:").last?.components(separatedBy: "\n\n").first?
            .split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
                return String(name)
            } ?? []
        XCTAssertEqual(subcommands, ["wizard", "generate", "check", "presets", "explain"])
        for subcommand in subcommands {
            XCTAssertTrue(manual.contains(".B \(subcommand)") || manual.contains(".BR \(subcommand)"), subcommand)
            let options = try TestProject.runRigger([subcommand, "--help"]).output.split(separator: "\n").compactMap { line -> String? in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("--"), let option = trimmed.split(separator: " ").first else { return nil }
                return String(option).trimmingCharacters(in: CharacterSet(charactersIn: ","))
            }
            XCTAssertFalse(options.isEmpty, subcommand)
            for option in options where !["--help", "--version"].contains(option) {
                XCTAssertTrue(manual.contains(option), "\(subcommand) \(option) is not in the manual")
            }
        }
        XCTAssertFalse(help.output.contains("<preset>") || help.output.contains("<out>"), "options name what they take")
    }

    func testTheWizardPlainModeExitCodesAndEnvironmentAreDocumented() throws {
        let manual = try text()
        for section in ["THE WIZARD", "PLAIN MODE", "EXIT STATUS", "ENVIRONMENT", "FILES"] {
            XCTAssertTrue(manual.contains(".SH \(section)"), section)
        }
        for key in ["Tab", "Enter", "Esc", "F1", "F2", "Ctrl-U", "Ctrl-C", "Ctrl-D"] { XCTAssertTrue(manual.contains(key), key) }
        let status = try XCTUnwrap(manual.components(separatedBy: ".SH EXIT STATUS").last?.components(separatedBy: ".SH ").first)
        for code in ["0", "1", "2", "130"] { XCTAssertTrue(status.contains(".B \(code)\n"), "exit status \(code)") }
        let environment = try XCTUnwrap(manual.components(separatedBy: ".SH ENVIRONMENT").last?.components(separatedBy: ".SH ").first)
        for variable in ["NO_COLOR", "TERM", "SOURCE_DATE_EPOCH"] + (try riggerVariables()) {
            XCTAssertTrue(environment.contains(variable), "\(variable) is read but not documented")
        }
    }

    /// Every RIGGER_* variable the sources read (the build's own shim macro left out).
    private func riggerVariables() throws -> [String] {
        var found: Set<String> = []
        let sources = TestProject.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let words = try String(contentsOf: file, encoding: .utf8).split { !($0.isLetter || $0.isNumber || $0 == "_") }
            found.formUnion(words.filter { $0.hasPrefix("RIGGER_") && $0.count > 7 && !$0.hasSuffix("_H") }.map(String.init))
        }
        XCTAssertFalse(found.isEmpty)
        return found.sorted()
    }

    /// The page is valid roff: groff reads it without a warning.
    func testThePageRendersWithoutWarnings() throws {
        guard let groff = ["/usr/bin/groff", "/bin/groff"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("groff is not installed")
        }
        let result = try runProgram(groff, ["-ww", "-man", "-z", page.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "")
    }
}
