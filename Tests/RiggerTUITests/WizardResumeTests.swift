import Foundation
import RiggerApps
import RiggerCore
@testable import RiggerTUI
import XCTest

/// A run dropped on any page and resumed from its draft gives back the session that was left and
/// ends in the bundle of the walk that was never dropped: for every app, whichever way the app was
/// set (`--app`, a preset file that names it, or the app page). The same in tmux on the built
/// binary is `WizardResumeEndToEndTests`.
final class WizardResumeTests: XCTestCase {
    /// How the app of a run was set.
    enum Way: String, CaseIterable {
        /// `--app APP --preset aws`: the issue's case, a preset name that every app has.
        case flag
        /// `--preset presets/APP/local.yaml`: the preset file names the app.
        case preset
        /// Picked on the app page, with its local preset.
        case page
    }

    /// One clock for every session, so that the bundles compare (Helicone's keys carry their issue time).
    private let now = Date(timeIntervalSince1970: 1_767_225_600)

    private func folder() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-resume-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// A new run in `out`, as its command line starts it (the app page's choice is made by walking).
    private func start(_ app: String, _ way: Way, out: String) throws -> WizardSession {
        switch way {
        case .flag: return try WizardTestSupport.session(app: app, preset: "aws", out: out, now: now)
        case .preset:
            let path = WizardTestSupport.root.appendingPathComponent("presets/\(app)/local.yaml").path
            return try WizardTestSupport.session(preset: path, out: out, now: now)
        case .page: return try WizardTestSupport.session(preset: nil, out: out, now: now)
        }
    }

    /// Answers what the page asks that the operator would: on the app page of the `page` way the
    /// app and its local preset, elsewhere the answers the aws preset leaves open.
    private func fill(_ session: WizardSession, app: String, way: Way) {
        if way == .page, session.page == .step(.app), session.app.id != app || session.presetName != "local" {
            session.select(app, in: .answer("app"))
            session.select("local", in: .preset)
        }
        for (key, text) in WizardSession.awsOpenAnswers.sorted(by: { $0.key < $1.key })
        where session.fields.contains(.answer(key)) && session.displayText(key).isEmpty {
            session.focus(on: .answer(key))
            session.type(text)
        }
    }

    /// Walks with Enter until `target` (the review when nil), filling each page first.
    private func walk(_ session: WizardSession, app: String, way: Way, until target: WizardPage?) {
        for _ in 0..<20 where session.page != (target ?? .review) {
            fill(session, app: app, way: way)
            _ = session.handle(.enter)
        }
    }

    /// What the page shows: the app, the preset, and every field with its value.
    private func fingerprint(_ session: WizardSession) -> [String] {
        var lines = ["page \(session.page.title)", "app \(session.app.id)", "preset \(session.presetName)"]
        for field in session.fields {
            switch field {
            case .answer(let key): lines.append("\(key) = \(session.displayText(key))")
            case .secretChoice(let key): lines.append("\(key) by \(session.secretChoice(key).rawValue)")
            case .secretValue(let key): lines.append("\(key) typed \(session.secretText(key).count)")
            case .preset: lines.append("preset field \(session.presetName)")
            case .confirmReplace: lines.append("replace \(session.replaceConfirmed)")
            case .outputFolder, .resumeChoice: lines.append(field.key)
            }
        }
        return lines
    }

    /// The files of a bundle, but for the secrets, which are random in every run.
    private func files(_ prepared: PreparedBundle) -> [String: String] {
        var files: [String: String] = [:]
        for file in prepared.bundle.files where !file.path.hasPrefix("secrets/") {
            // Helicone's pods carry a digest of their Secrets, random with them.
            files[file.path] = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.contains("rigger/secrets-checksum: ") ? "<digest of the secrets>" : String(line)
            }.joined(separator: "\n")
        }
        return files
    }

    func testEveryPageResumesToTheSameSessionAndBundleForEveryAppAndWay() throws {
        for app in AppRegistry.standard.ids {
            for way in Way.allCases {
                let name = "\(app) by \(way.rawValue)"
                // The walk never dropped: each page as it was first shown, and the bundle reviewed.
                let whole = try start(app, way, out: folder())
                var shown: [(page: WizardPage, fingerprint: [String])] = []
                for _ in 0..<20 where whole.page != .review {
                    shown.append((whole.page, fingerprint(whole)))
                    fill(whole, app: app, way: way)
                    _ = whole.handle(.enter)
                }
                shown.append((whole.page, fingerprint(whole)))
                let expected = files(try XCTUnwrap(whole.reviewed, "\(name): \(whole.reviewError ?? "")"))
                XCTAssertEqual(whole.reviewed?.app.id, app, name)

                for (page, seen) in shown where page != .output {
                    let out = folder()
                    let left = try start(app, way, out: out)
                    walk(left, app: app, way: way, until: page)
                    XCTAssertEqual(left.page, page, "\(name): the walk reaches \(page.title)")
                    // Dropped here: the next run with the same command line finds the draft, but
                    // on the page it opens on, before anything was answered, there is none yet.
                    let again = try start(app, way, out: out)
                    if page == shown[0].page {
                        XCTAssertNotEqual(again.page, .resume, "\(name): nothing answered, no draft")
                    } else {
                        XCTAssertEqual(again.page, .resume, "\(name), dropped on \(page.title): the draft is offered")
                        _ = again.handle(.enter)
                    }
                    XCTAssertEqual(again.outputDirectory, out)
                    XCTAssertEqual(fingerprint(again), seen, "\(name), dropped on \(page.title): the page comes back as it was left")
                    walk(again, app: app, way: way, until: nil)
                    let resumed = try XCTUnwrap(again.reviewed, "\(name), dropped on \(page.title): \(again.reviewError ?? "")")
                    XCTAssertEqual(files(resumed), expected, "\(name), dropped on \(page.title): the bundle of the walk never dropped")
                }
            }
        }
    }
}

/// A draft saved by an older rigger resumes in today's answer keys.
final class WizardOlderDraftTests: XCTestCase {
    func testADraftOfTheFormerRegistrationKeyResumesAsWhoMayRegister() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-old-draft-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".rigger"), withIntermediateDirectories: true)
        // As the drafts before answersVersion were written: answers in schema version 1.
        let draft = """
            version: 1
            step: Email
            preset: local
            answers:
              app: plausible
              plausible.disableRegistration: 'true'
            secrets: {}

            """
        try Data(draft.utf8).write(to: folder.appendingPathComponent(".rigger/draft.yaml"))
        let session = try WizardTestSupport.session(preset: nil, out: folder.path)
        XCTAssertEqual(session.page, .resume)
        _ = session.handle(.enter)
        XCTAssertEqual(session.app.id, "plausible")
        XCTAssertEqual(session.page, .step(.email))
        XCTAssertEqual(session.displayText("plausible.registration"), "closed")
        XCTAssertNil(session.layer["plausible.disableRegistration"])
        XCTAssertNil(session.draftError)
        session.walk(to: .review)
        XCTAssertEqual(session.reviewed?.answers["plausible.registration"]?.description, "closed", session.reviewError ?? "")
    }
}

/// The output folder's default, `./<app>-install`, follows the app until the operator types a
/// folder of their own: in the full screen and in plain mode.
final class WizardOutputFolderTests: XCTestCase {
    /// Runs the test in a fresh working folder, where the relative defaults and their drafts land.
    private func inFreshWorkingFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.path))
        addTeardownBlock {
            FileManager.default.changeCurrentDirectoryPath(previous)
            try? FileManager.default.removeItem(at: folder)
        }
    }

    func testTheDefaultFolderFollowsTheAppPickedOnTheAppPage() throws {
        try inFreshWorkingFolder()
        let session = try WizardTestSupport.session(app: "plausible", preset: nil, out: "./plausible-install", outputGiven: false)
        XCTAssertEqual(session.outputDirectory, "./plausible-install")
        _ = session.handle(.enter)
        XCTAssertEqual(session.page, .step(.app))
        session.select("helicone", in: .answer("app"))
        XCTAssertEqual(session.outputDirectory, "./helicone-install", "the default follows the app")
        session.select("local", in: .preset)
        session.walk(to: .review)
        XCTAssertEqual(session.reviewed?.app.id, "helicone", session.reviewError ?? "")
        XCTAssertNil(session.reviewed?.previous)
        XCTAssertTrue(FileManager.default.fileExists(atPath: WizardDraft.path(in: "./helicone-install")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "./plausible-install"), "nothing is left in the folder it moved from")
    }

    func testAPresetThatNamesTheAppGivesItsDefaultFolder() throws {
        try inFreshWorkingFolder()
        let preset = WizardTestSupport.root.appendingPathComponent("presets/helicone/local.yaml").path
        let session = try WizardTestSupport.session(preset: preset, out: "./posthog-install", outputGiven: false)
        XCTAssertEqual(session.app.id, "helicone")
        XCTAssertEqual(session.outputDirectory, "./helicone-install")
    }

    func testAFolderTheOperatorTypedStaysWhateverTheApp() throws {
        try inFreshWorkingFolder()
        let session = try WizardTestSupport.session(preset: nil, out: "./posthog-install", outputGiven: false)
        session.focus(on: .outputFolder)
        _ = session.handle(.control("u"))
        session.type("./analytics")
        _ = session.handle(.enter)
        session.select("plausible", in: .answer("app"))
        XCTAssertEqual(session.outputDirectory, "./analytics")
        // Typed back to what the default was, it is still the operator's.
        let again = try WizardTestSupport.session(preset: nil, out: "./posthog-install", outputGiven: false)
        again.replaceText("./posthog-install", in: .outputFolder)
        _ = again.handle(.enter)
        again.select("helicone", in: .answer("app"))
        XCTAssertEqual(again.outputDirectory, "./posthog-install")
    }

    func testAFolderGivenWithOutStaysWhateverTheApp() throws {
        try inFreshWorkingFolder()
        let session = try WizardTestSupport.session(preset: nil, out: "./given", outputGiven: true)
        session.select("helicone", in: .answer("app"))
        XCTAssertEqual(session.outputDirectory, "./given")
    }

    func testPlainModeReviewsTheFolderOfTheAppPicked() throws {
        try inFreshWorkingFolder()
        let session = try WizardTestSupport.session(preset: nil, out: "./posthog-install", outputGiven: false)
        let console = PlainWizardTests.ScriptedConsole(["App (": ["helicone"], "Preset": ["local"]])
        XCTAssertEqual(PlainWizard(flow: session.flow, console: console).run(), .finished)
        XCTAssertTrue(console.transcript.contains("Bundle folder: ./helicone-install\n"), console.transcript)
        XCTAssertTrue(FileManager.default.fileExists(atPath: "./helicone-install/values.yaml"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "./posthog-install"))
    }
}
