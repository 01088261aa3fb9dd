import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The built rigger binary, as an operator runs it.
final class CLITests: XCTestCase {
    private var rigger: String { TestProject.executable.path }

    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
    }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramResult {
        try TestProject.runRigger(arguments, environment: environment)
    }

    private func files(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    func testPresetsAndExplain() throws {
        let presets = try run(["presets"])
        XCTAssertEqual(presets.status, 0)
        let lines = presets.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "posthog: PostHog product analytics", "presets are grouped by app")
        // A preset's line starts with two spaces; the lines its description wraps onto, with more.
        let postHogPresets = lines.dropFirst().prefix { $0.hasPrefix("  ") }.filter { !$0.hasPrefix("   ") }.map { String($0.split(separator: " ")[0]) }
        XCTAssertEqual(postHogPresets, TestProject.presetNames)
        let all = try run(["explain"])
        XCTAssertEqual(all.status, 0)
        for key in TestCatalogs.postHog.keys { XCTAssertTrue(all.output.contains("\n\(key)  (") || all.output.hasPrefix("\(key)  ("), key) }
        let one = try run(["explain", "ingress.tls"])
        XCTAssertTrue(one.output.contains("gcp-managed"))
        XCTAssertTrue(one.output.contains("applies when: ingress.type is not none"))
        XCTAssertEqual(try run(["explain", "ingress.hostnme"]).status, 2)
    }

    /// After writing, generate says what is left before the install: Secrets to create first with
    /// their keys and command, other tools the scripts need, and after a rotation where to run from.
    func testGenerateSaysWhatIsLeftBeforeTheInstall() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        let existing = try run(["generate", "--preset", "local", "--set", "posthog.existingSecret=django-key", "--out", out.path])
        XCTAssertEqual(existing.status, 0, existing.error)
        XCTAssertTrue(existing.output.contains("Create these Secrets in namespace posthog first"), existing.output)
        XCTAssertTrue(existing.output.contains("  django-key with keys posthog-secret: holds posthog.secretKey\n"), existing.output)
        XCTAssertTrue(existing.output.contains("    kubectl create secret generic 'django-key' --namespace 'posthog' --from-file='posthog-secret'=POSTHOG-SECRET.txt\n"), existing.output)
        XCTAssertTrue(existing.output.contains("  cd '\(out.path)' && ./install.sh\n"), existing.output)

        let rotated = try run(["generate", "--rotate", "postgresql.password", "--out", out.path])
        XCTAssertEqual(rotated.status, 0, rotated.error)
        XCTAssertTrue(rotated.output.contains("  cd '\(out.path)' && ./install.sh --from 20\n"), rotated.output)

        let helicone = try run(["generate", "--app", "helicone", "--preset", "local", "--out", out.path + "-helicone"])
        XCTAssertEqual(helicone.status, 0, helicone.error)
        XCTAssertTrue(helicone.output.contains("The scripts also need git (00-preflight.sh and 40-install.sh fetch the chart with it)."), helicone.output)
    }

    func testGenerateWritesABundleWithPrivateSecrets() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        let result = try run(["generate", "--preset", "gcp", "--set", "ingress.hostname=posthog.example.com", "--out", out.path])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("./install.sh"))
        let secrets = out.appendingPathComponent("secrets")
        let folderMode = try FileManager.default.attributesOfItem(atPath: secrets.path)[.posixPermissions] as? Int
        XCTAssertEqual(folderMode, 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: secrets.path) {
            let mode = try FileManager.default.attributesOfItem(atPath: secrets.appendingPathComponent(file).path)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, file)
        }
        let script = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("scripts/40-install.sh").path)[.posixPermissions] as? Int
        XCTAssertEqual(script, 0o755)
    }

    func testBadInputExitsTwoAndWritesNothing() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        let result = try run(["generate", "--preset", "aws", "--set", "ingress.hostname=bad host", "--set", "postgresql.port=0", "--out", out.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("ingress.hostname: 'bad host' is not valid"), result.error)
        XCTAssertTrue(result.error.contains("ingress.letsencryptEmail: missing"), result.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing may be written on bad input")

        XCTAssertEqual(try run(["generate", "--preset", "nope", "--out", out.path]).status, 2)
        let plainSecret = try run(["generate", "--preset", "local", "--secret", "postgresql.password=hunter2", "--out", out.path])
        XCTAssertEqual(plainSecret.status, 2)
        XCTAssertFalse(plainSecret.error.contains("hunter2"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testMalformedAnswersFileNamesFileLineAndColumn() throws {
        let folder = try TestProject.temporaryFolder()
        let answers = folder.appendingPathComponent("answers.yaml")
        try Data("cloud: gcp\ningress:\n  hostname: [oops\n".utf8).write(to: answers)
        let result = try run(["generate", "--answers", answers.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("\(answers.path):"), result.error)
    }

    func testSecretsComeFromFilesOrEnvironmentAndNeverLeakToOtherFiles() throws {
        let folder = try TestProject.temporaryFolder()
        let passwordFile = folder.appendingPathComponent("pg")
        try Data("from-a-file-Secret-1\n".utf8).write(to: passwordFile)
        let out = folder.appendingPathComponent("bundle")
        var arguments = ["generate", "--preset", "aws-managed", "--out", out.path,
                         "--secret", "postgresql.password=@\(passwordFile.path)", "--secret", "redis.password=env:REDIS_TOKEN"]
        for answer in TestProject.openAnswers["aws-managed"]! { arguments += ["--set", answer] }
        let result = try run(arguments, environment: ["REDIS_TOKEN": "from-the-Environment-2"])
        XCTAssertEqual(result.status, 0, result.error)
        let postgres = try String(contentsOf: out.appendingPathComponent("secrets/postgresql.secret.yaml"), encoding: .utf8)
        XCTAssertTrue(postgres.contains("postgresql-password: from-a-file-Secret-1"))
        for path in files(in: out) where !path.hasPrefix("secrets") && !path.hasPrefix(".rigger") {
            let text = (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
            XCTAssertFalse(text.contains("from-a-file-Secret-1") || text.contains("from-the-Environment-2"), path)
        }
        XCTAssertFalse(result.output.contains("from-a-file-Secret-1"))
    }

    /// A secret the bundle keeps that a rule made since finds short is warned about and kept,
    /// byte for byte: refusing it would leave rotating it (logging everyone out) as the only way on.
    func testAKeptSecretShorterThanANewRuleIsWarnedAboutAndKept() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--preset", "local", "--out", out.path]).status, 0)
        let secret = out.appendingPathComponent("secrets/posthog-secret-key.secret.yaml")
        var manifest = try String(contentsOf: secret, encoding: .utf8)
        let line = try XCTUnwrap(manifest.split(separator: "\n").first { $0.hasPrefix("  posthog-secret: ") })
        manifest = manifest.replacingOccurrences(of: String(line), with: "  posthog-secret: chosen-before-the-rule-1")
        try manifest.write(to: secret, atomically: true, encoding: .utf8)
        let again = try run(["generate", "--out", out.path])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.error.contains("posthog.secretKey: the bundle's value has 24 characters, fewer than the 50 now expected"), again.error)
        XCTAssertFalse(again.error.contains("chosen-before"), "the value is never shown")
        XCTAssertTrue(try String(contentsOf: secret, encoding: .utf8).contains("posthog-secret: chosen-before-the-rule-1"), "kept as it was")
    }

    func testRegeneratingWithNoChangeChangesNoFileAndKeepsSecrets() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--preset", "local", "--out", out.path]).status, 0)
        let before = files(in: out).map { ($0, try? Data(contentsOf: out.appendingPathComponent($0))) }
        let again = try run(["generate", "--out", out.path])
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertTrue(again.output.contains("no file changed"), again.output)
        let after = files(in: out).map { ($0, try? Data(contentsOf: out.appendingPathComponent($0))) }
        XCTAssertEqual(before.map(\.0), after.map(\.0))
        XCTAssertEqual(before.map(\.1), after.map(\.1))

        let changed = try run(["generate", "--out", out.path, "--set", "ingress.hostname=analytics.example.com"])
        XCTAssertEqual(changed.status, 0, changed.error)
        let secretFiles = before.filter { $0.0.hasPrefix("secrets/") }
        XCTAssertFalse(secretFiles.isEmpty)
        for (path, data) in secretFiles { XCTAssertEqual(try? Data(contentsOf: out.appendingPathComponent(path)), data, path) }
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("values.yaml"), encoding: .utf8).contains("hostname: analytics.example.com"))
    }

    func testDiffPrintsTheChangeAndWritesNothingAndRefusalsExitTwo() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--preset", "gcp", "--set", "ingress.hostname=a.example.com", "--out", out.path]).status, 0)
        let before = files(in: out).map { ($0, try? Data(contentsOf: out.appendingPathComponent($0))) }
        let diff = try run(["generate", "--out", out.path, "--set", "ingress.hostname=b.example.com", "--diff"])
        XCTAssertEqual(diff.status, 0, diff.error)
        XCTAssertTrue(diff.output.contains("ingress.hostname: a.example.com -> b.example.com"), diff.output)
        XCTAssertTrue(diff.output.contains("+  hostname: b.example.com"), diff.output)
        let shrink = try run(["generate", "--out", out.path, "--set", "clickhouse.storage=1Gi"])
        XCTAssertEqual(shrink.status, 2)
        XCTAssertTrue(shrink.error.contains("never shrink"), shrink.error)
        let after = files(in: out).map { ($0, try? Data(contentsOf: out.appendingPathComponent($0))) }
        XCTAssertEqual(before.map(\.0), after.map(\.0))
        XCTAssertEqual(before.map(\.1), after.map(\.1))
    }

    func testAForeignFolderIsNeverWrittenInto() throws {
        let folder = try TestProject.temporaryFolder()
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try run(["generate", "--preset", "local", "--out", folder.path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("not a rigger bundle"), result.error)
        XCTAssertEqual(files(in: folder), ["notes.txt"])
    }

    func testWithoutATerminalTheWizardPointsToGenerate() throws {
        let result = try run([])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("rigger generate"), result.error)
    }

    /// Usage errors exit 2, as the README says (ArgumentParser's own code is 64); help and the
    /// version exit 0.
    func testUsageErrorsExitTwoAndHelpAndVersionZero() throws {
        let usage: [[String]] = [
            ["generate"], ["generate", "--preset", "gcp"], ["generate", "--out"], ["generat", "--out", "x"], ["presets", "--bogus"],
            ["explain", "a", "b"], ["--no-such-option"], ["generate", "--out", "x", "--diff=yes"],
        ]
        for arguments in usage {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "rigger \(arguments.joined(separator: " ")): \(result.error)")
            XCTAssertFalse(result.error.isEmpty, "rigger \(arguments.joined(separator: " ")) says what is wrong")
        }
        // An unknown subcommand is told with rigger's usage and subcommands, not the wizard's usage.
        for word in ["frobnicate", "generat"] {
            let unknown = try run([word, "--out", "x"])
            XCTAssertEqual(unknown.status, 2, unknown.error)
            XCTAssertTrue(unknown.error.contains("Unknown subcommand '\(word)'"), unknown.error)
            XCTAssertTrue(unknown.error.contains("Subcommands: generate, check, presets, explain, help"), unknown.error)
            XCTAssertFalse(unknown.error.contains("rigger wizard"), unknown.error)
        }
        for arguments in [["--help"], ["generate", "--help"], ["help", "explain"], ["--version"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 0, "rigger \(arguments.joined(separator: " ")): \(result.error)")
            XCTAssertFalse(result.output.isEmpty)
        }
    }

    /// Piped, `explain` and `presets` wrap to 80 columns; continuation lines keep the indent.
    func testExplainAndPresetsFitEightyColumnsWhenPiped() throws {
        var outputs = [("presets", try run(["presets"]))]
        for app in AppRegistry.standard.ids {
            outputs.append(("explain --app \(app)", try run(["explain", "--app", app])))
            outputs.append(("presets --app \(app)", try run(["presets", "--app", app])))
        }
        for (command, result) in outputs {
            XCTAssertEqual(result.status, 0, "\(command): \(result.error)")
            for line in result.output.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 80, "rigger \(command): \(line)")
            }
        }
        let explained = try run(["explain", "ingress.tls"]).output
        // Nothing is lost to the wrapping: the words are the same as on one line.
        XCTAssertTrue(explained.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("applies when: ingress.type is not none"), explained)
    }

    /// The bash completion script offers preset names of the app given, answer keys and paths.
    func testBashCompletionOffersPresetsKeysAndPaths() throws {
        guard programExists("bash") else { throw XCTSkip("no bash") }
        let folder = try TestProject.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("bundles"), withIntermediateDirectories: true)
        try Data("cloud: gcp\n".utf8).write(to: folder.appendingPathComponent("answers.yaml"))
        let script = """
            source <("$RIGGER" --generate-completion-script bash) || exit 3
            complete_line() {
                COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
                read -r -a COMP_WORDS <<< "$COMP_LINE"
                if [[ "$COMP_LINE" == *" " ]]; then COMP_WORDS+=(""); fi
                COMP_WORDS[0]="$RIGGER"
                COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                COMPREPLY=()
                _rigger_values_follow_keys rigger "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
                echo "$1|$(printf '%s,' "${COMPREPLY[@]}")"
            }
            complete_line "rigger generate --preset "
            complete_line "rigger generate --app posthog --preset a"
            complete_line "rigger wizard --preset l"
            complete_line "rigger generate --app no-such-app --preset "
            complete_line "rigger generate --set ingress.h"
            complete_line "rigger generate --secret postgresql.p"
            complete_line "rigger generate --rotate redis."
            complete_line "rigger explain ingress.tl"
            complete_line "rigger generate --out bun"
            complete_line "rigger generate --answers ans"
            complete_line "rigger --preset "
            complete_line "rigger --preset l"
            complete_line "rigger --app "
            complete_line "rigger --app plausible --preset a"
            complete_line "rigger --plain --out bun"
            complete_line "rigger --pl"
            complete_line "rigger "
            """
        var environment = ProcessInfo.processInfo.environment
        environment["RIGGER"] = rigger
        environment["RIGGER_PRESETS"] = nil
        let result = try runProgram("bash", ["-c", script], environment: environment, directory: folder)
        XCTAssertEqual(result.status, 0, result.error)
        var offered: [String: [String]] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            offered[String(parts[0])] = parts[1].split(separator: ",").map(String.init).sorted()
        }
        XCTAssertEqual(offered["rigger generate --preset "], TestProject.presetNames)
        XCTAssertEqual(offered["rigger generate --app posthog --preset a"], ["aws", "aws-managed"])
        XCTAssertEqual(offered["rigger wizard --preset l"], ["local"])
        XCTAssertEqual(offered["rigger generate --app no-such-app --preset "], [])
        XCTAssertEqual(offered["rigger generate --set ingress.h"], ["ingress.hostname="])
        XCTAssertEqual(offered["rigger generate --secret postgresql.p"], ["postgresql.password="])
        XCTAssertEqual(offered["rigger generate --rotate redis."], ["redis.password"])
        XCTAssertEqual(offered["rigger explain ingress.tl"], ["ingress.tls", "ingress.tlsSecretName"])
        XCTAssertEqual(offered["rigger generate --out bun"], ["bundles"])
        XCTAssertEqual(offered["rigger generate --answers ans"], ["answers.yaml"])
        // The wizard's options without its subcommand word complete as with it.
        XCTAssertEqual(offered["rigger --preset "], TestProject.presetNames)
        XCTAssertEqual(offered["rigger --preset l"], ["local"])
        XCTAssertEqual(offered["rigger --app "], ["helicone", "plausible", "posthog"])
        XCTAssertEqual(offered["rigger --app plausible --preset a"], ["aws", "aws-managed"])
        XCTAssertEqual(offered["rigger --plain --out bun"], ["bundles"])
        XCTAssertEqual(offered["rigger --pl"], ["--plain"])
        XCTAssertEqual(offered["rigger "]?.contains("generate"), true, "\(offered["rigger "] ?? [])")
    }
}
