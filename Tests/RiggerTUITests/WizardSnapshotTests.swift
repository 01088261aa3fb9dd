import Foundation
import RiggerApps
import RiggerCore
import RiggerTUI
import XCTest

/// Every page drawn into the in-memory screen at 80x24 and 120x40, against reviewed text
/// snapshots in Snapshots/. Set RIGGER_RECORD_SNAPSHOTS=1 to write them anew, then review the diff.
final class WizardSnapshotTests: XCTestCase {
    private func check(
        _ session: WizardSession, _ name: String, rows: Int, columns: Int, unicode: Bool = true, suffix: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let canvas = WizardView.render(session, rows: rows, columns: columns, capabilities: TerminalCapabilities(hasColor: false, unicode: unicode))
        try WizardTestSupport.checkSnapshot(canvas, "\(name)-\(columns)x\(rows)\(suffix)", file: file, line: line)
    }

    func testEveryPageAtBothSizes() throws {
        let session = try WizardTestSupport.session(preset: "aws", outputGiven: false)
        var visited: [String] = []
        for _ in 0..<12 {
            let name = session.page == .review ? "review" : session.page.title.lowercased().replacingOccurrences(of: " ", with: "-")
            if visited.contains(name) { break }
            visited.append(name)
            try check(session, "aws-\(name)", rows: 24, columns: 80)
            try check(session, "aws-\(name)", rows: 40, columns: 120)
            if session.page == .step(.ingress) {
                // The error state: Enter with the hostname and email missing.
                _ = session.handle(.enter)
                try check(session, "aws-ingress-errors", rows: 24, columns: 80)
                session.type("posthog.example.com")
                _ = session.handle(.tab)
                _ = session.handle(.tab)
                session.type("ops@example.com")
            }
            if session.page == .review { break }
            _ = session.handle(.enter)
        }
        XCTAssertEqual(visited, ["output-folder", "app-and-cloud", "cluster", "dependencies", "ingress-and-tls", "email", "sizing", "secrets", "review"])
    }

    /// At the smallest size, labels are whole (wrapped when longer than their column), cut text
    /// ends with an ellipsis, and the focused field's whole error and choice description are in
    /// the help area.
    func testTheSmallestSizeKeepsTextReadable() throws {
        let session = try WizardTestSupport.session(preset: "aws-managed")
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .preset, "the preset list, with the chosen one's description")
        try check(session, "aws-managed-app-and-cloud", rows: 20, columns: 70)
        for _ in 0..<4 where session.page != .step(.dependencies) { _ = session.handle(.enter) }
        _ = session.handle(.enter)
        XCTAssertEqual(session.focusedField, .answer("postgresql.host"), "stays on the first field with an error")
        try check(session, "aws-managed-dependencies-errors", rows: 20, columns: 70)
        for _ in 0..<20 where session.focusedField != .answer("clickhouse.mode") { _ = session.handle(.tab) }
        _ = session.handle(.character("m"))
        for _ in 0..<20 where session.focusedField != .answer("clickhouse.secure") { _ = session.handle(.tab) }
        _ = session.handle(.character("y"))
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .answer("clickhouse.verify"))
        try check(session, "aws-managed-dependencies-long-label", rows: 20, columns: 70)
        try check(session, "aws-managed-dependencies-long-label", rows: 20, columns: 70, unicode: false, suffix: "-ascii")

        let aws = try WizardTestSupport.session(preset: "aws")
        aws.walk(to: .step(.ingress))
        _ = aws.handle(.enter)
        try check(aws, "aws-ingress-errors", rows: 20, columns: 70)
        aws.walk(to: .secrets)
        try check(aws, "aws-secrets", rows: 20, columns: 70)
    }

    func testHelpQuitAndTooSmall() throws {
        let session = try WizardTestSupport.session(preset: "local")
        try check(session, "too-small", rows: 15, columns: 60)
        _ = session.handle(.function(1))
        try check(session, "help", rows: 24, columns: 80)
        _ = session.handle(.character("x"))
        _ = session.handle(.control("c"))
        try check(session, "confirm-quit", rows: 24, columns: 80)
        try check(session, "confirm-quit-ascii", rows: 24, columns: 80, unicode: false)
    }

    func testTextFieldsScrollAndEdit() throws {
        var editor = TextEditor()
        for character in "abcdefghijklmnopqrstuvwxyz" { _ = editor.handle(.character(character)) }
        XCTAssertEqual(editor.visible(width: 10).text, "rstuvwxyz")
        _ = editor.handle(.home)
        XCTAssertEqual(editor.visible(width: 10).text, "abcdefghij")
        _ = editor.handle(.delete)
        _ = editor.handle(.end)
        _ = editor.handle(.backspace)
        XCTAssertEqual(editor.text, "bcdefghijklmnopqrstuvwxy")
        _ = editor.handle(.left)
        _ = editor.handle(.control("u"))
        XCTAssertEqual(editor.text, "y")
        _ = editor.handle(.paste("pasted\nsecond line"))
        XCTAssertEqual(editor.text, "pastedy")
    }

    func testGoingBackKeepsWhatWasTyped() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .step(.ingress))
        XCTAssertEqual(session.focusedField, .answer("ingress.hostname"))
        session.type("keep.example.com")
        _ = session.handle(.escape)
        XCTAssertNotEqual(session.page, .step(.ingress))
        _ = session.handle(.enter)
        XCTAssertEqual(session.displayText("ingress.hostname"), "keep.example.com")
    }

    func testSecretsAreMaskedWithTheirLengthAndRevealedOnF2() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        session.walk(to: .secrets)
        _ = session.handle(.character("t"))  // type-ahead: "type or paste it"
        _ = session.handle(.tab)
        session.type("s3cret-value")
        var text = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: false)).text
        XCTAssertFalse(text.contains("s3cret-value"))
        XCTAssertTrue(text.contains("************_") && text.contains("(12 characters)"), text)
        _ = session.handle(.function(2))
        text = WizardView.render(session, rows: 24, columns: 80, capabilities: TerminalCapabilities(hasColor: false, unicode: false)).text
        XCTAssertTrue(text.contains("s3cret-value"))
    }
}

final class WizardPresetTests: XCTestCase {
    func testChoosingAPresetOnTheAppPageStartsTheAnswersFromIt() throws {
        let session = try WizardTestSupport.session(preset: nil)
        XCTAssertEqual(session.page, .step(.app))
        XCTAssertEqual(session.focusedField, .answer("app"), "the app comes first: the presets are its own")
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .preset)
        XCTAssertEqual(session.presetName, "none")
        XCTAssertEqual(session.presetChoices.map(\.value), ["none"] + WizardTestSupport.presets.names(app: "posthog"))
        _ = session.handle(.character("l"))
        XCTAssertEqual(session.presetName, "local")
        XCTAssertEqual(session.displayText("ingress.hostname"), "posthog.localhost", "the local preset's answers apply")
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .answer("cloud"))
        _ = session.handle(.character("g"))
        _ = session.handle(.backTab)
        _ = session.handle(.character("a"))
        XCTAssertEqual(session.presetName, "aws")
        XCTAssertEqual(session.displayText("cloud"), "gcp", "what was typed stays over the preset")
    }
}

final class WizardExistingSecretTests: XCTestCase {
    func testASecretFromTheClusterIsAskedByNameAndWrittenAsGenerateWould() throws {
        let session = try WizardTestSupport.session(preset: "local")
        session.walk(to: .secrets)
        XCTAssertEqual(session.focusedField, .secretChoice("posthog.secretKey"))
        _ = session.handle(.character("u"))
        XCTAssertEqual(session.secretChoice("posthog.secretKey"), .existing, "u: use an existing Secret")
        XCTAssertEqual(session.fields.prefix(2), [.secretChoice("posthog.secretKey"), .answer("posthog.existingSecret")])
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .secrets, "the Secret's name is required")
        XCTAssertEqual(session.errors["posthog.existingSecret"], "required: the name of the Secret in the namespace")
        XCTAssertEqual(session.focusedField, .answer("posthog.existingSecret"))
        session.type("django-key")
        _ = session.handle(.tab)
        XCTAssertEqual(session.focusedField, .answer("posthog.existingSecretKey"), "the key is asked once the name is given")
        XCTAssertEqual(session.displayText("posthog.existingSecretKey"), "posthog-secret")
        for (rows, columns) in [(24, 80), (40, 120)] {
            let canvas = WizardView.render(session, rows: rows, columns: columns, capabilities: TerminalCapabilities(hasColor: false, unicode: true))
            try WizardTestSupport.checkSnapshot(canvas, "local-secrets-existing-\(columns)x\(rows)")
        }
        for _ in 0..<10 where session.page != .review { _ = session.handle(.enter) }
        let reviewed = try XCTUnwrap(session.reviewed)
        XCTAssertNil(reviewed.bundle["secrets/posthog-secret-key.secret.yaml"])
        let review = WizardView.render(session, rows: 100, columns: 120, capabilities: TerminalCapabilities(hasColor: false, unicode: false)).text
        XCTAssertTrue(review.contains("posthog.secretKey: existing Secret django-key, key posthog-secret"), review)

        var random = SystemSecretGenerator()
        let generated = try BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:]).prepare(
            GenerationRequest(preset: "local", setArguments: ["posthog.existingSecret=django-key"], outputDirectory: WizardTestSupport.snapshotFolder),
            generator: &random)
        for file in generated.bundle.files where !file.path.hasPrefix("secrets/") {
            XCTAssertEqual(reviewed.bundle[file.path]?.contents, file.contents, "\(file.path) differs between the wizard and generate")
        }
        XCTAssertEqual(reviewed.bundle.paths, generated.bundle.paths)
    }

    func testLeavingExistingClearsTheName() throws {
        let session = try WizardTestSupport.session(preset: "local")
        session.walk(to: .secrets)
        _ = session.handle(.character("u"))
        _ = session.handle(.tab)
        session.type("django-key")
        _ = session.handle(.backTab)
        _ = session.handle(.character("g"))
        XCTAssertEqual(session.secretChoice("posthog.secretKey"), .generate)
        XCTAssertEqual(session.displayText("posthog.existingSecret"), "")
        XCTAssertFalse(session.fields.contains(.answer("posthog.existingSecret")))
    }
}

final class WizardDraftTests: XCTestCase {
    func testDraftKeepsTypedAnswersNotSecretsAndIsOfferedAgain() throws {
        let session = try WizardTestSupport.session(preset: "aws")
        for _ in 0..<10 where session.page != .step(.ingress) { _ = session.handle(.enter) }
        XCTAssertEqual(session.focusedField, .answer("ingress.hostname"))
        session.type("draft.example.com")
        session.focus(on: .answer("ingress.letsencryptEmail"))
        session.type("ops@example.com")
        session.walk(to: .secrets)
        XCTAssertEqual(session.page, .secrets)
        _ = session.handle(.character("t"))
        _ = session.handle(.tab)
        session.type("s3cret-value")
        _ = session.handle(.tab)

        let folder = WizardTestSupport.snapshotFolder
        let draftPath = WizardDraft.path(in: folder)
        let draft = try String(contentsOfFile: draftPath, encoding: .utf8)
        XCTAssertTrue(draft.contains("ingress.hostname: draft.example.com"), draft)
        XCTAssertTrue(draft.contains("step: Secrets"), draft)
        XCTAssertFalse(draft.contains("s3cret-value"), "a typed secret value must never reach the draft")
        XCTAssertEqual(try permissions(draftPath), 0o600)
        XCTAssertEqual(try permissions(folder + "/.rigger"), 0o700)
        XCTAssertEqual(BundleWriter.bundlePaths(in: folder), [], "a draft is not a bundle")

        // A new run in the same folder offers it; resuming restores the step, answers and choices.
        let again = try WizardTestSupport.session(preset: "aws", out: folder, fresh: false)
        XCTAssertEqual(again.page, .resume)
        for (rows, columns) in [(24, 80), (40, 120)] {
            let canvas = WizardView.render(again, rows: rows, columns: columns, capabilities: TerminalCapabilities(hasColor: false, unicode: true))
            try WizardTestSupport.checkSnapshot(canvas, "aws-resume-\(columns)x\(rows)")
        }
        _ = again.handle(.enter)
        XCTAssertEqual(again.page, .secrets)
        XCTAssertEqual(again.displayText("ingress.hostname"), "draft.example.com")
        let typedSecret = try XCTUnwrap(again.catalog.secrets.first { again.secretChoice($0.key) == .type })
        XCTAssertEqual(again.secretText(typedSecret.key), "", "typed secret values are asked for again")

        // Quitting on purpose drops the draft and the folder it made.
        _ = again.handle(.control("c"))
        XCTAssertEqual(again.handle(.character("y")), .quit)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder))
    }

    func testStartOverKeepsThePresetOnly() throws {
        let session = try WizardTestSupport.session(preset: "local")
        _ = session.handle(.enter)
        _ = session.handle(.enter)
        let again = try WizardTestSupport.session(preset: "local", out: WizardTestSupport.snapshotFolder, fresh: false)
        XCTAssertEqual(again.page, .resume)
        _ = again.handle(.character("s"))
        _ = again.handle(.enter)
        XCTAssertEqual(again.page, .step(.app))
    }

    func testAForeignFolderIsRefusedOnTheOutputPage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-foreign-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        let session = try WizardTestSupport.session(preset: "local", out: folder, outputGiven: false)
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .output)
        XCTAssertTrue(session.errors["output"]?.contains("not a rigger bundle") == true, "\(session.errors)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["notes.txt"])
    }

    private func permissions(_ path: String) throws -> Int {
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
        return mode.intValue & 0o777
    }
}

extension WizardSession {
    func type(_ text: String) {
        for character in text { _ = handle(.character(character)) }
    }
}

extension WizardSession {
    /// Moves focus with Tab until it is on `field` (at most one lap of the page).
    func focus(on field: WizardField) {
        for _ in 0...fields.count where focusedField != field { _ = handle(.tab) }
    }
}

extension WizardSession {
    /// What the aws preset leaves open, as an operator would answer it.
    static let awsOpenAnswers = ["ingress.hostname": "posthog.example.com", "ingress.letsencryptEmail": "ops@example.com"]

    /// Presses Enter page by page until `target` (at most 20 times), first typing each of
    /// `answers` that the page asks and that is still empty.
    func walk(to target: WizardPage, answers: [String: String] = awsOpenAnswers) {
        for _ in 0..<20 where page != target {
            for (key, text) in answers.sorted(by: { $0.key < $1.key }) where fields.contains(.answer(key)) && displayText(key).isEmpty {
                focus(on: .answer(key))
                type(text)
            }
            _ = handle(.enter)
        }
    }
}
