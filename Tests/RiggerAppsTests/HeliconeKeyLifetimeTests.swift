import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The API keys' issue time against the generation's clock: expired keys are refused, keys that
/// expire within a year or are issued in the future are warned about, and rotating the JWT secret
/// issues the new keys now while a plain regeneration keeps every byte.
final class HeliconeKeyLifetimeTests: XCTestCase {
    private static let validity = 3_652 * 86_400
    private var now: Int { Int(TestProject.fixedNow.timeIntervalSince1970) }

    private func prepare(_ sets: [String], now: Date = TestProject.fixedNow, folder: URL? = nil, rotate: [String] = []) throws -> PreparedBundle {
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: now)
        var random = SeededSecretGenerator(seed: "key-lifetime-\(rotate.joined())")
        var request = GenerationRequest(
            app: folder == nil ? "helicone" : nil, preset: folder == nil ? "local" : nil, setArguments: sets,
            outputDirectory: folder?.path ?? "/nonexistent/rigger-test")
        request.rotate = rotate
        return try generator.prepare(request, generator: &random)
    }

    private func problems(_ sets: [String]) throws -> [AnswerProblem] {
        do {
            _ = try prepare(sets)
            return []
        } catch let error as InvalidAnswers {
            return error.problems
        }
    }

    func testKeysThatHaveAlreadyExpiredAreRefusedWithWhenAndWhatToDo() throws {
        let refused = try problems(["helicone.jwtIssuedAt=1000000000"])
        XCTAssertEqual(refused.map(\.key), ["helicone.jwtIssuedAt"])
        let message = refused.first?.description ?? ""
        XCTAssertTrue(message.contains("helicone.jwtIssuedAt: '1000000000' is not valid; expected an issue time whose API keys are still valid"), message)
        XCTAssertTrue(message.contains("issued on 2001-09-09 expired on 2011-09-09"), message)
        XCTAssertTrue(message.contains("--set helicone.jwtIssuedAt=") && message.contains("--rotate helicone.jwtSecret"), message)
        // Expired a second ago is expired.
        XCTAssertEqual(try problems(["helicone.jwtIssuedAt=\(now - Self.validity)"]).map(\.key), ["helicone.jwtIssuedAt"])
        // Keys the operator keeps in a Secret of their own are not signed with the answer.
        XCTAssertEqual(try problems(["helicone.jwtIssuedAt=1000000000", "helicone.existingSecret=supabase-jwt"]).map(\.key), [])
    }

    func testKeysExpiringWithinAYearOrIssuedInTheFutureAreWarnedAbout() throws {
        let soon = try prepare(["helicone.jwtIssuedAt=\(now - Self.validity + 100 * 86_400)"])
        let expiring = soon.warnings.filter { $0.hasPrefix("the API keys (ANON_KEY, SERVICE_ROLE_KEY) expire on") }
        XCTAssertEqual(expiring.count, 1, "\(soon.warnings)")
        XCTAssertTrue(expiring.first?.contains("in 100 days") == true && expiring.first?.contains("--rotate helicone.jwtSecret") == true, "\(expiring)")

        let future = try prepare(["helicone.jwtIssuedAt=\(now + 86_400)"])
        let ahead = future.warnings.filter { $0.hasPrefix("helicone.jwtIssuedAt is \(now + 86_400)") }
        XCTAssertEqual(ahead.count, 1, "\(future.warnings)")
        XCTAssertTrue(ahead.first?.contains("a time still to come: rigger's clock says 2026-09-21") == true, "\(ahead)")

        for fine in [now, now - Self.validity + 366 * 86_400] {
            let prepared = try prepare(["helicone.jwtIssuedAt=\(fine)"])
            XCTAssertFalse(prepared.warnings.contains { $0.contains("helicone.jwtIssuedAt") && !$0.hasPrefix("rotating") }, "\(fine): \(prepared.warnings)")
        }
    }

    /// Rotating the JWT secret issues the new keys at the generation's clock, for a fresh ten
    /// years; regenerating afterwards, later, changes nothing at all.
    func testRotatingTheJWTSecretIssuesTheNewKeysNowAndRegeneratingKeepsEveryByte() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BundleWriter(directory: folder.path).write(try prepare([]).bundle)

        let later = TestProject.fixedNow.addingTimeInterval(2 * 365 * 86_400)
        let rotated = try prepare([], now: later, folder: folder, rotate: ["helicone.jwtSecret"])
        let issuedAt = Int(later.timeIntervalSince1970)
        XCTAssertEqual(rotated.answers["helicone.jwtIssuedAt"]?.intValue, issuedAt, "the new keys are issued at the rotation")
        let data = try HeliconeKeys.supabaseSecret(rotated.bundle)
        let secret = try XCTUnwrap(data["JWT_SECRET"])
        try HeliconeKeys.assertAPIKey(try XCTUnwrap(data["ANON_KEY"]), role: "anon", secret: secret, issuedAt: issuedAt)
        try HeliconeKeys.assertAPIKey(try XCTUnwrap(data["SERVICE_ROLE_KEY"]), role: "service_role", secret: secret, issuedAt: issuedAt)
        XCTAssertTrue(try XCTUnwrap(rotated.bundle["rigger.yaml"]?.contents).contains("jwtIssuedAt: \(issuedAt)"))
        let written = try BundleWriter(directory: folder.path).write(rotated.bundle)
        XCTAssertFalse(written.isUnchanged)

        let files = BundleWriter(directory: folder.path).currentFiles()
        let again = try prepare([], now: later.addingTimeInterval(400 * 86_400), folder: folder)
        XCTAssertEqual(again.answers["helicone.jwtIssuedAt"]?.intValue, issuedAt, "kept from then on")
        XCTAssertTrue(try BundleWriter(directory: folder.path).write(again.bundle).isUnchanged, "regenerating without rotation changes no byte")
        XCTAssertEqual(BundleWriter(directory: folder.path).currentFiles(), files)

        // An issue time given with the rotation is the operator's, and wins.
        let given = try prepare(["helicone.jwtIssuedAt=\(issuedAt + 60)"], now: later, folder: folder, rotate: ["helicone.jwtSecret"])
        XCTAssertEqual(given.answers["helicone.jwtIssuedAt"]?.intValue, issuedAt + 60)
    }
}
