import Foundation
import RiggerApps
import RiggerCore
@testable import RiggerTUI
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

/// The wizard's flow driven through its intents, as a front end other than the full screen would:
/// no terminal, no key, and no draft on disk.
final class WizardFlowTests: XCTestCase {
    private let folder = "/nonexistent/rigger-flow-\(UUID().uuidString)"

    private func session(drafts: MemoryDraftStore, cluster: (any WizardClusterReading)? = nil) throws -> WizardSession {
        let generator = BundleGenerator(registry: .standard, presets: WizardTestSupport.presets, environment: [:])
        return try WizardSession(
            request: GenerationRequest(app: "plausible", preset: "aws", outputDirectory: folder), generator: generator, outputGiven: true,
            cluster: cluster, drafts: drafts)
    }

    /// Fills the page's open answers and goes on, until the review.
    private func walkToReview(_ session: WizardSession) {
        let open = ["ingress.hostname": "plausible.example.com", "ingress.letsencryptEmail": "ops@example.com", "postgresql.host": "db.example.com"]
        for _ in 0..<20 where session.page != .review {
            for (key, text) in open.sorted(by: { $0.key < $1.key }) where session.fields.contains(.answer(key)) && session.displayText(key).isEmpty {
                session.replaceText(text, in: .answer(key))
            }
            session.next()
        }
    }

    func testTheFlowWalksToTheReviewAndKeepsItsDraftInTheStoreItWasGiven() throws {
        let drafts = MemoryDraftStore()
        let session = try session(drafts: drafts)
        walkToReview(session)
        XCTAssertEqual(session.page, .review, session.errors.description)
        XCTAssertNotNil(session.reviewed, session.reviewError ?? "")
        XCTAssertGreaterThan(drafts.saves, 0, "the draft is saved as pages are left")
        XCTAssertEqual(drafts.drafts[folder]?.app, "plausible")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "nothing reached the disk")

        // The next run over the same store offers the draft, and resuming gives back the review.
        let again = try self.session(drafts: drafts)
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
        let first = try session(drafts: drafts)
        let opening = first.page
        first.next()
        XCTAssertNotEqual(first.page, opening)
        first.back()
        XCTAssertEqual(first.page, opening, "back returns to the page before")

        let again = try session(drafts: drafts)
        XCTAssertEqual(again.page, .resume)
        again.answerResume(false)
        XCTAssertEqual(again.page, opening, "starting over opens where a new run does")
    }

    func testTheClusterIsReadThroughTheReaderItWasGiven() throws {
        let reader = FixedClusterReader(storageClasses: [
            StorageClassFact(name: "gp2", provisioner: "ebs.csi.aws.com", isDefault: false),
            StorageClassFact(name: "gp3", provisioner: "ebs.csi.aws.com", isDefault: true),
        ])
        let session = try session(drafts: MemoryDraftStore(), cluster: reader)
        XCTAssertTrue(reader.reads.isEmpty, "nothing is read before the front end starts it")
        session.startReadingCluster()
        XCTAssertEqual(reader.reads.first?.namespace, "plausible")
        _ = session.clusterDidChange()
        XCTAssertEqual(session.clusterSuggestions("storageClass").map(\.description), ["gp2", "gp3 (default)"])
    }
}
