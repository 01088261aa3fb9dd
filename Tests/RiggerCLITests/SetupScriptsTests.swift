import Foundation
import RiggerTestSupport
import XCTest

/// The set-up and CI scripts must work on a stock Debian 12 or Ubuntu 24.04, as root with no sudo,
/// where python3 refuses `pip install` outside a virtual environment. Scripts/check-stock-debian.sh
/// proves it on a debootstrapped root (root and network); Scripts/check-no-system-pip.sh is its
/// cheap half, which these tests run on every change.
final class SetupScriptsTests: XCTestCase {
    private let checker = TestProject.root.appendingPathComponent("Scripts/check-no-system-pip.sh")

    /// Runs the checker on `scripts` (file name to text) in a folder of their own.
    private func check(_ scripts: [String: String]) throws -> ProgramResult {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in scripts {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return try runProgram("bash", [checker.path, folder.path])
    }

    func testTheProjectsScriptsRunPipOnlyInAVenvAndSudoOnlyAsAFallback() throws {
        let result = try runProgram("bash", [checker.path], directory: TestProject.root)
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("no system pip and no sudo outside as_root"), result.output + result.error)
    }

    func testASystemPipOrABareSudoIsRefusedWithItsLine() throws {
        // Line numbers are the script's: each refused line is named, no other.
        let script = #"""
            #!/usr/bin/env bash
            set -euo pipefail
            pip install kubernetes-validate
            python3 -m pip install kubernetes-validate
            sudo apt-get install -y shellcheck
            tools=$(pip3 install --user yamllint)
            "/usr/bin/python3" -m pip install PyYAML
            echo "pip and sudo may be named in a message"
            "$venv/bin/python" -m pip install -r Scripts/test-tools.txt
            """#
        let result = try check(["bad.sh": script])
        XCTAssertEqual(result.status, 1, result.output + result.error)
        let refused = result.output.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "bad.sh:") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        XCTAssertEqual(Set(refused), [3, 4, 5, 6, 7], result.output)
        XCTAssertTrue(result.output.contains("sudo outside the as_root fallback"), result.output)
        XCTAssertTrue(result.output.contains("pip outside a venv"), result.output)
    }

    func testAVenvsPipAndTheAsRootFallbackAreAccepted() throws {
        let script = #"""
            #!/usr/bin/env bash
            # Comments may say pip install and sudo.
            set -euo pipefail
            as_root() {
              if [ "$(id -u)" -eq 0 ]; then
                "$@"
              elif command -v sudo >/dev/null 2>&1; then
                sudo "$@"
              else
                echo "setup: $1 needs root, and there is no sudo" >&2
                exit 1
              fi
            }
            as_root apt-get install -y python3-venv
            python3 -m venv "$venv"
            "$venv/bin/python" -m pip install --quiet -r "$requirements"
            "${venv}/bin/python3" -m pip --version
            """#
        let result = try check(["setup.sh": script])
        XCTAssertEqual(result.status, 0, result.output + result.error)
    }
}
