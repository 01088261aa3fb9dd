import Foundation
import RiggerApps
import RiggerCore
@testable import RiggerTUI
import RiggerTestSupport
import XCTest

/// A draft store in memory: what a run saves, and proof that nothing went to disk.
private final class MemoryDraftStore: WizardDraftStore {
    var drafts: [String: WizardDraft] = [:]
    var saves = 0

    func read(from folder: String) throws -> WizardDraft? { drafts[folder] }

    func save(_ draft: WizardDraft, in folder: String) throws {
        drafts[folder] = draft
        saves += 1
    }

    func remove(from folder: String, removeEmptyFolder: Bool) { drafts[folder] = nil }

    func folderExists(_ folder: String) -> Bool { drafts[folder] != nil }
}

/// A cluster whose facts are given: the flow reads it as it reads the probes, and runs nothing.
private final class FixedClusterReader: WizardClusterReading {
    let storageClasses: [StorageClassFact]
    private(set) var facts: ClusterFacts?
    private(set) var reads: [ClusterProbeTarget] = []

    init(storageClasses: [StorageClassFact]) {
        self.storageClasses = storageClasses
    }

    var unavailableBecause: String? { nil }

    func read(_ target: ClusterProbeTarget) -> Bool {
        guard facts?.target != target else { return false }
        var facts = ClusterFacts(target: target)
        facts.storageClasses = .success(storageClasses)
        self.facts = facts
        reads.append(target)
        return true
    }

    var stamp: WizardClusterStamp { WizardClusterStamp(generation: reads.count, revision: 0) }

    func stop() {}
}

/// The wizard's flow driven through its intents, as a front end would: no terminal, no key, no
/// focus, and no draft on disk.
final class WizardFlowTests: XCTestCase {
    private let folder = "/nonexistent/rigger-flow-\(UUID().uuidString)"

    private func flow(drafts: MemoryDraftStore, cluster: (any WizardClusterReading)? = nil, out: String? = nil) throws -> WizardFlow {
        let generator = BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:])
        return try WizardFlow(
            request: GenerationRequest(app: "plausible", preset: "aws", outputDirectory: out ?? folder), generator: generator, outputGiven: true,
            cluster: cluster, drafts: drafts)
    }

    private static let open = ["ingress.hostname": "plausible.example.com", "ingress.letsencryptEmail": "ops@example.com"]

    /// Fills the page's open answers and goes on, until the review.
    private func walkToReview(_ flow: WizardFlow) {
        for _ in 0..<20 where flow.page != .review {
            for (key, text) in Self.open.sorted(by: { $0.key < $1.key }) where flow.fields.contains(.answer(key)) && flow.displayText(key).isEmpty {
                flow.setText(text, in: .answer(key))
            }
            flow.next()
        }
    }

    func testAWholeRunForPlausibleWritesTheBundleReviewedAndKeepsItsDraftOffDisk() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-flow-run-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: out) }
        let drafts = MemoryDraftStore()
        let flow = try flow(drafts: drafts, out: out)
        XCTAssertEqual(flow.page, .step(.app), "--out given: the run opens on the app")
        XCTAssertEqual(flow.field(at: flow.firstFieldToFill()), .answer("app"))

        // Going on from a page with an answer missing stays there, on it, and says why.
        for _ in 0..<10 where !flow.fields.contains(.answer("ingress.hostname")) { flow.next() }
        XCTAssertEqual(flow.page, .step(.ingress))
        let ingress = flow.fields
        let stop = try XCTUnwrap(flow.next(from: ingress.first))
        XCTAssertEqual(flow.page, .step(.ingress))
        XCTAssertEqual(ingress[stop], .answer("ingress.hostname"))
        XCTAssertEqual(flow.errors["ingress.hostname"], "required: a DNS name such as analytics.example.com (letters, digits, hyphens and dots)")

        // A bad answer is refused where it is typed, and a good one clears it.
        flow.setText("not a host!", in: .answer("ingress.hostname"))
        flow.leave(.answer("ingress.hostname"), for: ingress.last)
        XCTAssertNotNil(flow.errors["ingress.hostname"])
        flow.setText("plausible.example.com", in: .answer("ingress.hostname"))
        XCTAssertNil(flow.errors["ingress.hostname"])

        // The secrets: one typed, the rest as the flow offers them.
        for _ in 0..<10 where flow.page != .secrets {
            for (key, text) in Self.open where flow.fields.contains(.answer(key)) && flow.displayText(key).isEmpty { flow.setText(text, in: .answer(key)) }
            flow.next()
        }
        XCTAssertEqual(flow.page, .secrets, flow.errors.description)
        let secret = "plausible.secretKeyBase"
        flow.choose(SecretChoice.type.rawValue, in: .secretChoice(secret))
        XCTAssertEqual(flow.field(at: try XCTUnwrap(flow.next())), .secretValue(secret), "a value to type is asked before the page is left")
        XCTAssertNotNil(flow.errors[WizardField.secretValue(secret).key])
        let typed = String(repeating: "k", count: 64)
        flow.setText(typed, in: .secretValue(secret))
        XCTAssertNil(flow.errors[WizardField.secretValue(secret).key], "the error goes once the value is good")

        walkToReview(flow)
        XCTAssertEqual(flow.page, .review, flow.errors.description)
        let reviewed = try XCTUnwrap(flow.reviewed, flow.reviewError ?? "")
        XCTAssertEqual(reviewed.answers["ingress.hostname"]?.description, "plausible.example.com")
        XCTAssertGreaterThan(drafts.saves, 0, "the draft is saved as pages are left")
        XCTAssertEqual(drafts.drafts[out]?.app, "plausible")
        XCTAssertFalse(drafts.drafts[out]?.answers.contains { $0.text == typed } ?? true, "typed secrets stay out of the draft")
        XCTAssertFalse(FileManager.default.fileExists(atPath: WizardDraft.path(in: out)), "no draft reached the disk")

        XCTAssertNil(flow.next(), "the review has no field to stand on")
        XCTAssertEqual(flow.page, .done, flow.reviewError ?? "")
        XCTAssertEqual(flow.writtenTo, out)
        let written = try String(contentsOfFile: out + "/values.yaml", encoding: .utf8)
        XCTAssertEqual(written, reviewed.bundle["values.yaml"]?.contents, "exactly the bundle reviewed is written")
        XCTAssertNil(drafts.drafts[out], "writing drops the draft")
        XCTAssertEqual(flow.writtenSummary.first, "The bundle is written to \(out)")
        XCTAssertFalse(flow.nextSteps.isEmpty)
    }

    func testTheFlowWalksToTheReviewAndKeepsItsDraftInTheStoreItWasGiven() throws {
        let drafts = MemoryDraftStore()
        let flow = try flow(drafts: drafts)
        walkToReview(flow)
        XCTAssertEqual(flow.page, .review, flow.errors.description)
        XCTAssertNotNil(flow.reviewed, flow.reviewError ?? "")
        XCTAssertGreaterThan(drafts.saves, 0, "the draft is saved as pages are left")
        XCTAssertEqual(drafts.drafts[folder]?.app, "plausible")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "nothing reached the disk")

        // The next run over the same store offers the draft, and resuming gives back the review.
        let again = try self.flow(drafts: drafts)
        XCTAssertEqual(again.page, .resume)
        again.answerResume(true)
        XCTAssertEqual(again.page, .review)
        XCTAssertEqual(again.displayText("ingress.hostname"), "plausible.example.com")

        // Quitting drops this run's draft.
        again.quitWithoutWriting()
        XCTAssertNil(drafts.drafts[folder])
    }

    func testBackAndStartingOverAreIntentsNotKeys() throws {
        let drafts = MemoryDraftStore()
        let first = try flow(drafts: drafts)
        let opening = first.page
        first.next()
        XCTAssertNotEqual(first.page, opening)
        XCTAssertNotNil(first.back())
        XCTAssertEqual(first.page, opening, "back returns to the page before")

        let again = try flow(drafts: drafts)
        XCTAssertEqual(again.page, .resume)
        XCTAssertNil(again.back(), "the resume page has none before it")
        again.answerResume(false)
        XCTAssertEqual(again.page, opening, "starting over opens where a new run does")
    }

    func testTheClusterIsReadThroughTheReaderItWasGiven() throws {
        let reader = FixedClusterReader(storageClasses: [
            StorageClassFact(name: "gp2", provisioner: "ebs.csi.aws.com", isDefault: false),
            StorageClassFact(name: "gp3", provisioner: "ebs.csi.aws.com", isDefault: true),
        ])
        let flow = try flow(drafts: MemoryDraftStore(), cluster: reader)
        XCTAssertTrue(reader.reads.isEmpty, "nothing is read before the front end starts it")
        flow.startReadingCluster()
        XCTAssertEqual(reader.reads.first?.namespace, "plausible")
        _ = flow.clusterDidChange()
        XCTAssertEqual(flow.clusterSuggestions("storageClass").map(\.description), ["gp2", "gp3 (default)"])
    }

    /// The flow knows no key, focus, editor or curses, and plain mode drives the flow, not the
    /// full screen: neither front end imitates the other.
    func testTheFlowNamesNoKeyAndPlainModeNoFullScreen() throws {
        let sources = ProjectPaths.root.appendingPathComponent("Sources/RiggerTUI")
        let rules: [(folder: String, refused: [String])] = [
            ("Flow", ["import CNCursesW", "Key)", ": Key", "[Key]", "TextEditor", "WizardSession", "WizardView", "focus =", "var focus"]),
            ("Plain", ["WizardSession", "WizardView", "handle(", ".character(", ".control(", "Key)", ": Key"]),
        ]
        for rule in rules {
            let folder = sources.appendingPathComponent(rule.folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
            XCTAssertFalse(files.isEmpty, rule.folder)
            for file in files {
                let code = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
                    .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
                for refused in rule.refused {
                    XCTAssertFalse(code.contains(refused), "\(rule.folder)/\(file) has \(refused)")
                }
            }
        }
    }
}
