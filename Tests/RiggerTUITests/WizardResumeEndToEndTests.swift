import Foundation
import RiggerTestSupport
import XCTest

/// The resume round trip on the built binary in tmux: a run whose terminal is killed on each page
/// in turn (SIGHUP, as a dropped SSH session) and started again with the same command line gives
/// back, page by page, the screens of the walk that was never dropped, and writes its bundle. For
/// each app, with the app given by `--app`, by a preset file that names it, and on the app page.
final class WizardResumeEndToEndTests: XCTestCase {
    private enum Way: String, CaseIterable { case flag, preset, page }

    /// One clock for both runs: Helicone's review shows when its API keys were issued.
    private let environment = "SOURCE_DATE_EPOCH=1790000000"

    private var tmux: TmuxSession!

    override func setUpWithError() throws {
        tmux = try TmuxSession()
    }

    override func tearDown() {
        tmux?.stop()
    }

    private func arguments(_ app: String, _ way: Way, out: URL) -> String {
        switch way {
        case .flag: return "--app \(app) --preset local --out '\(out.path)'"
        case .preset: return "--preset '\(WizardTestSupport.root.appendingPathComponent("presets/\(app)/local.yaml").path)' --out '\(out.path)'"
        case .page: return "--out '\(out.path)'"
        }
    }

    /// On the app page of the `page` way: the app by its place in the list, then its local preset.
    private func chooseOnTheAppPage(_ app: String) throws {
        for _ in 0..<(["posthog", "plausible", "helicone"].firstIndex(of: app) ?? 0) { try tmux.keys("Down") }
        try tmux.waitFor("(*) \(app)")
        try tmux.keys("Tab", "l")
        try tmux.waitFor("(*) local")
    }

    /// The page the step list marks as current.
    private func currentPage(_ screen: String) -> String? {
        screen.split(separator: "\n").lazy.compactMap { line -> String? in
            guard line.hasPrefix(" > ") else { return nil }
            return String(line.dropFirst(3).prefix { $0 != "│" && $0 != "|" }).trimmingCharacters(in: .whitespaces)
        }.first
    }

    /// Presses Enter and waits until another page is current, settled; returns its screen.
    private func enterToNextPage(from title: String) throws -> String {
        try tmux.keys("Enter")
        let screen = try tmux.waitUntil("left \(title)") { self.currentPage($0) != title }
        return try tmux.waitForSettled("> \(currentPage(screen) ?? "")")
    }

    /// The walk never dropped: every page's settled screen, in order, and the bundle in `out`.
    private func walk(_ app: String, _ way: Way, out: URL) throws -> [(title: String, screen: String)] {
        try tmux.start(arguments(app, way, out: out), environment: environment)
        var screen = try tmux.waitForSettled("> App and cloud")
        var pages: [(String, String)] = []
        while let title = currentPage(screen) {
            pages.append((title, screen))
            if way == .page, title == "App and cloud" { try chooseOnTheAppPage(app) }
            if title == "Review" { break }
            screen = try enterToNextPage(from: title)
        }
        try tmux.keys("Enter")
        try tmux.waitFor("The bundle is written to")
        try tmux.keys("q")
        try tmux.waitFor("EXIT=0")
        return pages
    }

    private func roundTrip(_ app: String) throws {
        for way in Way.allCases {
            let name = "\(app) by \(way.rawValue)"
            let out = tmux.folder.appendingPathComponent("\(app)-\(way.rawValue)")
            let whole = tmux.folder.appendingPathComponent("\(app)-\(way.rawValue)-never-dropped")
            let pages = try walk(app, way, out: out)
            XCTAssertEqual(pages.last?.title, "Review", name)
            // The same folder for the dropped run, so that the screens that show it compare.
            try FileManager.default.moveItem(at: out, to: whole)

            tmux.restart()
            try tmux.start(arguments(app, way, out: out), environment: environment)
            _ = try tmux.waitForSettled("> App and cloud")
            for (index, page) in pages.enumerated() {
                // Dropped here: the terminal goes, and the same command line comes back.
                tmux.restart()
                try tmux.start(arguments(app, way, out: out), environment: environment)
                if index > 0 {
                    try tmux.waitFor("A draft of an unfinished run")
                    try tmux.keys("Enter")
                }
                let resumed = try tmux.waitForSettled("> \(page.title)")
                XCTAssertEqual(resumed, page.screen, "\(name), dropped on \(page.title): the page comes back as the walk showed it")
                if way == .page, page.title == "App and cloud" { try chooseOnTheAppPage(app) }
                if page.title == "Review" { break }
                let next = try enterToNextPage(from: page.title)
                XCTAssertEqual(next, pages[index + 1].screen, "\(name): the page after \(page.title)")
            }
            try tmux.keys("Enter")
            try tmux.waitFor("The bundle is written to")
            try tmux.keys("q")
            try tmux.waitFor("EXIT=0")
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent(".rigger/draft.yaml").path), name)
            TmuxSession.assertSameBundle(out, whole)
            let answers = try String(contentsOf: out.appendingPathComponent("rigger.yaml"), encoding: .utf8)
            XCTAssertTrue(answers.contains("\napp: \(app)\n"), "\(name): \(answers)")
            tmux.restart()
        }
    }

    func testPostHogResumesOnEveryPage() throws { try roundTrip("posthog") }

    func testPlausibleResumesOnEveryPage() throws { try roundTrip("plausible") }

    func testHeliconeResumesOnEveryPage() throws { try roundTrip("helicone") }
}
