import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// A PostHog bundle written before TLS to a managed PostgreSQL keeps connecting as it did, and
/// is told how to move; the secrets stay.
final class ManagedTLSRegenerationTests: XCTestCase {
    func testAnEarlierManagedBundleKeepsItsPlainConnectionAndIsToldHowToMove() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BundleWriter(directory: folder.path).write(try TestProject.presetBundle("aws-managed").bundle)
        // What an earlier rigger wrote: no sslmode and no CA Secret among the answers.
        let answersFile = folder.appendingPathComponent("rigger.yaml")
        let earlier = try String(contentsOf: answersFile, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("sslmode:") && !$0.contains("caSecret:") }.joined(separator: "\n")
        try earlier.write(to: answersFile, atomically: true, encoding: .utf8)
        let secretsBefore = BundleWriter(directory: folder.path).currentFiles().filter { $0.key.hasPrefix("secrets/") }

        let regenerated = try TestProject.prepare(preset: nil, outputDirectory: folder.path, seed: "another-seed")
        XCTAssertEqual(regenerated.answers["postgresql.sslmode"]?.description, "disable")
        let values = try XCTUnwrap(regenerated.bundle["values.yaml"]?.contents)
        XCTAssertFalse(values.contains("PGBOUNCER_SERVER_TLS_SSLMODE") || values.contains("PGSSLMODE"), values)
        XCTAssertTrue(regenerated.warnings.contains { $0.hasPrefix("postgresql.sslmode:") && $0.contains("--set postgresql.sslmode=verify-full") },
            "\(regenerated.warnings)")
        _ = try BundleWriter(directory: folder.path).write(regenerated.bundle)
        XCTAssertEqual(BundleWriter(directory: folder.path).currentFiles().filter { $0.key.hasPrefix("secrets/") }, secretsBefore)

        // The move the note names.
        let moved = try TestProject.prepare(preset: nil, sets: ["postgresql.sslmode=verify-full"], outputDirectory: folder.path, seed: "another-seed")
        XCTAssertTrue(try XCTUnwrap(moved.bundle["values.yaml"]?.contents).contains("PGBOUNCER_SERVER_TLS_SSLMODE"))
        XCTAssertFalse(moved.warnings.contains { $0.hasPrefix("postgresql.sslmode:") })
    }
}
