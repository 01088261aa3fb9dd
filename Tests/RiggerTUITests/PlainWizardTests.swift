import Foundation
import RiggerCore
@testable import RiggerTUI
import XCTest

/// The plain mode over a wizard session, answered by a script instead of a terminal: what each
/// kind of reply does, without starting the binary.
final class PlainWizardTests: XCTestCase {
    /// Answers each prompt with the next reply queued for the title it starts with, Enter when
    /// none is queued, and y at "Write the bundle?" unless a reply is queued for that.
    final class ScriptedConsole: LineConsole {
        var replies: [String: [String]]
        private(set) var transcript = ""
        private(set) var prompts: [String] = []

        init(_ replies: [String: [String]]) { self.replies = replies }

        func write(_ text: String) { transcript += text }

        func readLine(prompt: String, echo: Bool) -> LineInput {
            write(prompt)
            prompts.append(prompt)
            guard prompts.count < 300 else { return .endOfInput }
            let title = replies.keys.filter { prompt.hasPrefix($0) }.max { $0.count < $1.count }
            if let title, var queued = replies[title], !queued.isEmpty {
                let reply = queued.removeFirst()
                replies[title] = queued
                if reply == "^C" { return .interrupt }
                if reply == "^D" { return .endOfInput }
                if echo { write(reply) }
                write("\n")
                return .line(reply)
            }
            write("\n")
            return .line(prompt.hasPrefix("Write the bundle?") ? "y" : "")
        }
    }

    private func run(preset: String, _ replies: [String: [String]]) throws -> (WizardSession, ScriptedConsole, WizardRunner.Ending) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-plain-unit-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let session = try WizardTestSupport.session(preset: preset, out: folder.path)
        let console = ScriptedConsole(replies)
        let ending = PlainWizard(flow: session.flow, console: console).run()
        return (session, console, ending)
    }

    func testADashEmptiesATextAnswerAndEnterKeepsIt() throws {
        let (session, console, ending) = try run(preset: "local", ["Kube context": ["kind-rigger", "-"], "Namespace": ["<"]])
        XCTAssertEqual(ending, .finished)
        XCTAssertTrue(console.prompts.contains("Kube context [kind-rigger]: "), console.transcript)
        XCTAssertNil(session.reviewed?.answers["kubeContext"], "emptied: the current context")
        XCTAssertEqual(session.reviewed?.answers["namespace"]?.description, "posthog", "Enter kept the preset's")
    }

    func testAChoiceIsPickedByNumberOrValueAndAnythingElseIsAskedAgain() throws {
        let (session, console, ending) = try run(preset: "local", ["Cloud": ["7", "aws"], "Object storage": ["2"]])
        XCTAssertEqual(ending, .finished)
        XCTAssertTrue(console.transcript.contains("Cloud (1-3) [other]: 7\n! expected a number from 1 to 3, or one of gcp, aws, other\nCloud (1-3) [other]: aws\n"), console.transcript)
        XCTAssertEqual(session.reviewed?.answers["cloud"]?.description, "aws")
        XCTAssertEqual(session.reviewed?.answers["objectStorage.mode"]?.description, "in-cluster")
    }

    func testAnExistingSecretAsksForItsNameWithTheWizardsMessage() throws {
        let (session, console, ending) = try run(preset: "local", ["PostHog secret key (1-3)": ["3"], "Existing Secret for the PostHog secret key": ["", "posthog-django"]])
        XCTAssertEqual(ending, .finished)
        XCTAssertTrue(console.transcript.contains("! required: the name of the Secret in the namespace\nExisting Secret for the PostHog secret key: posthog-django\n"), console.transcript)
        XCTAssertEqual(session.reviewed?.secrets.existing["posthog.secretKey"]?.name, "posthog-django")
    }

    func testNoAtTheReviewAsksBeforeQuittingAndCtrlCCanBeTakenBack() throws {
        let (_, console, ending) = try run(preset: "local", ["Write the bundle?": ["n", "y"], "Quit without": ["n"], "Namespace": ["^C"]])
        XCTAssertEqual(ending, .finished)
        XCTAssertTrue(console.transcript.contains("Namespace [posthog]: \nQuit without writing anything? [y/N]: n\nNamespace: The"), console.transcript)
        XCTAssertTrue(console.transcript.contains("Write the bundle? (y/n): n\nQuit without writing anything? [y/N]: \nWrite the bundle? (y/n): y\n"), console.transcript)
    }

    /// Enter at the write question asks it again with what each answer does: it never leads to
    /// the quit question, where the `y` meant for writing would throw the run away.
    func testEnterAtTheWriteQuestionAsksItAgainAndTheNextYWrites() throws {
        let (session, console, ending) = try run(preset: "local", ["Write the bundle?": ["", "maybe", "y"]])
        XCTAssertEqual(ending, .finished)
        XCTAssertNotNil(session.writtenTo)
        XCTAssertFalse(console.transcript.contains("Quit without writing"), console.transcript)
        let hint = "y writes the bundle, n quits without writing it, < goes back to the last question"
        XCTAssertTrue(console.transcript.contains("Write the bundle? (y/n): \n\(hint)\nWrite the bundle? (y/n): maybe\n\(hint)\nWrite the bundle? (y/n): y\n"), console.transcript)
    }

    func testTheEndOfInputQuitsWithoutWriting() throws {
        let (session, _, ending) = try run(preset: "local", ["Namespace": ["^D"]])
        XCTAssertEqual(ending, .quit)
        XCTAssertNil(session.writtenTo)
        XCTAssertFalse(FileManager.default.fileExists(atPath: session.outputDirectory), "the draft and the folder it made are gone")
    }

    func testTheOutputFolderIsAskedFirstWithoutOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-plain-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:])
        let session = try WizardSession(
            request: GenerationRequest(preset: "local", outputDirectory: "./posthog-install"), generator: generator, outputGiven: false)
        let console = ScriptedConsole(["Output folder": [folder.path]])
        XCTAssertEqual(PlainWizard(flow: session.flow, console: console).run(), .finished)
        XCTAssertEqual(console.prompts.first, "Output folder [./posthog-install]: ")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("values.yaml").path))
    }

    func testRepliesToAQuestion() throws {
        let session = try WizardTestSupport.session(preset: "local", out: FileManager.default.temporaryDirectory.appendingPathComponent("rigger-plain-\(UUID().uuidString)").path)
        let cloud = PlainQuestion(.answer("cloud"), in: session.flow)
        XCTAssertEqual(cloud.reply(to: " 2 "), .choose("aws"))
        XCTAssertEqual(cloud.reply(to: "GCP"), .choose("gcp"))
        XCTAssertEqual(cloud.reply(to: "<"), .back)
        XCTAssertEqual(cloud.reply(to: "?"), .help)
        XCTAssertEqual(cloud.reply(to: ""), .keep)
        let email = PlainQuestion(.answer("email.enabled"), in: session.flow)
        XCTAssertEqual(email.prompt, "Send email (yes/no) [no]: ")
        XCTAssertEqual(email.reply(to: "Y"), .choose("true"))
        XCTAssertEqual(email.reply(to: "maybe"), .invalid("expected yes or no"))
        // A secret is taken as typed, spaces and all.
        let secret = PlainQuestion(.secretValue("posthog.secretKey"), in: session.flow)
        XCTAssertEqual(secret.reply(to: " two words "), .text(" two words "))
        XCTAssertEqual(TerminalLines.text(of: Array("ab\u{1B}[Dc\u{7F}\u{1B}OAd\r".utf8)), "abcd")
    }

    func testAForeignOutFolderIsRefusedBeforeTheFirstPrompt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-plain-foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let session = try WizardTestSupport.session(preset: "local", out: folder.path)
        let console = ScriptedConsole(["Output folder": ["^D"]])
        XCTAssertEqual(PlainWizard(flow: session.flow, console: console).run(), .quit)
        let firstPrompt = try XCTUnwrap(console.transcript.range(of: "Output folder [\(folder.path)]: "), console.transcript)
        let before = console.transcript[..<firstPrompt.lowerBound]
        XCTAssertTrue(before.contains("\n! not a rigger bundle and not empty (holds notes.txt)"), "said before Enter:\n\(console.transcript)")
    }

    func testTheResumeQuestionStartsWithItsTitleAndIsNoNumberedStep() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-plain-resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try WizardTestSupport.session(preset: "local", out: folder.path)
        _ = first.handle(.enter)
        _ = first.handle(.enter)
        let again = try WizardTestSupport.session(preset: "local", out: folder.path, fresh: false)
        XCTAssertEqual(again.page, .resume)
        let console = ScriptedConsole([:])
        XCTAssertEqual(PlainWizard(flow: again.flow, console: console).run(), .finished)
        let lines = console.transcript.split(separator: "\n").map(String.init)
        let prompt = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Draft (1-2) [resume]: ") }, console.transcript)
        XCTAssertEqual(lines[..<prompt].last { !$0.hasPrefix("  ") }?.hasPrefix("Draft: "), true, "the question line starts with its title:\n\(console.transcript)")
        let steps = lines.filter { $0.hasPrefix("Step ") }
        XCTAssertFalse(steps.contains { $0.hasSuffix(": Resume") }, "the resume question is no step of the count:\n\(steps.joined(separator: "\n"))")
        let counts = Set(steps.compactMap { $0.split(separator: ":").first?.split(separator: " ").last })
        XCTAssertEqual(counts.count, 1, "every step is counted out of the same total:\n\(steps.joined(separator: "\n"))")
    }

    func testCtrlCAtTheQuitQuestionQuits() throws {
        let (session, console, ending) = try run(preset: "local", ["Namespace": ["^C"], "Quit without": ["^C"]])
        XCTAssertEqual(ending, .quit, console.transcript)
        XCTAssertNil(session.writtenTo)
        XCTAssertEqual(console.prompts.filter { $0.hasPrefix("Quit without") }.count, 1, "asked once: the second Ctrl-C is the answer")
    }

    func testALinesStringsAndMouseReportsAreDroppedWhole() {
        let line = "ab\u{1B}]11;rgb:0000/0000/0000\u{07}c\u{1B}P1+r544e\u{1B}\\d\u{1B}[<0;10;5Me\u{1B}[M !!f\u{1B}Nqg\u{1B}_Gi=1\u{1B}\\h\r"
        XCTAssertEqual(TerminalLines.text(of: Array(line.utf8)), "abcdefgh")
        // A sequence cut short by another ESC: that one is read as a sequence of its own.
        XCTAssertEqual(TerminalLines.text(of: Array("x\u{1B}[1;5\u{1B}[Ay".utf8)), "xy")
        // A paste's brackets go, its text stays.
        XCTAssertEqual(TerminalLines.text(of: Array("\u{1B}[200~pasted\u{1B}[201~".utf8)), "pasted")
    }
}
