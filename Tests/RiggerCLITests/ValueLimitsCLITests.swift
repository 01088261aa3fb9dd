import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// What a careful operator expects refused: a volume size without a unit or too small to hold
/// data, and a secret too short to be safe; a managed service's own password only warned about.
final class ValueLimitsCLITests: XCTestCase {
    private func run(_ arguments: [String]) throws -> ProgramResult {
        try TestProject.runRigger(arguments)
    }

    private func generate(_ preset: String, _ extra: [String]) throws -> (ProgramResult, URL) {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        var arguments = ["generate", "--preset", preset, "--out", out.path]
        for answer in TestProject.openAnswers[preset] ?? [] { arguments += ["--set", answer] }
        return (try run(arguments + extra), out)
    }

    func testAVolumeSizeNeedsAUnitAndAtLeastOneGibibyte() throws {
        for size in ["10", "500Mi", "0.5Gi", "1000M"] {
            let (result, out) = try generate("aws", ["--set", "postgresql.storage=\(size)"])
            XCTAssertEqual(result.status, 2, "\(size): \(result.error)")
            XCTAssertTrue(result.error.contains("postgresql.storage: '\(size)' is not valid"), result.error)
            XCTAssertTrue(result.error.contains("with its unit, at least 1Gi"), result.error)
            XCTAssertTrue(result.error.contains("a bare number is bytes"), result.error)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written for \(size)")
        }
        for size in ["1Gi", "10Gi", "1.5Ti", "2G"] {
            let (result, _) = try generate("aws", ["--set", "postgresql.storage=\(size)"])
            XCTAssertEqual(result.status, 0, "\(size): \(result.error)")
        }
    }

    func testAShortSecretIsRefusedWithTheReasonAndNeverQuoted() throws {
        let folder = try TestProject.temporaryFolder()
        let short = folder.appendingPathComponent("short")
        try Data("abc".utf8).write(to: short)
        let (refused, out) = try generate("aws", ["--secret", "postgresql.password=@\(short.path)"])
        XCTAssertEqual(refused.status, 2, refused.error)
        XCTAssertTrue(refused.error.contains("postgresql.password"), refused.error)
        XCTAssertTrue(refused.error.contains("at least 16 characters; the value given has 3"), refused.error)
        XCTAssertFalse(refused.error.contains("abc"), "the value is never repeated")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let explained = try run(["explain", "postgresql.password"])
        XCTAssertTrue(AppTestFixture.unwrapped(explained.output).contains("at least 16 characters long"), explained.output)
    }

    /// PostHog's secret key is Django's SECRET_KEY, which Django's deployment check wants at
    /// least 50 characters long: a password's 16 is not enough.
    func testPostHogsSecretKeyNeedsFiftyCharactersAndSaysWhy() throws {
        let folder = try TestProject.temporaryFolder()
        let sixteen = folder.appendingPathComponent("sixteen")
        try Data(String(repeating: "k", count: 16).utf8).write(to: sixteen)
        let (refused, out) = try generate("local", ["--secret", "posthog.secretKey=@\(sixteen.path)"])
        XCTAssertEqual(refused.status, 2, refused.error)
        XCTAssertTrue(refused.error.contains("posthog.secretKey is not valid; expected at least 50 characters"), refused.error)
        XCTAssertTrue(refused.error.contains("the value given has 16"), refused.error)
        XCTAssertTrue(refused.error.contains("Django"), "the reason is given:\n\(refused.error)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        let fifty = folder.appendingPathComponent("fifty")
        try Data(String(repeating: "k", count: 50).utf8).write(to: fifty)
        let (taken, _) = try generate("local", ["--secret", "posthog.secretKey=@\(fifty.path)"])
        XCTAssertEqual(taken.status, 0, taken.error)

        let explained = AppTestFixture.unwrapped(try run(["explain", "posthog.secretKey"]).output)
        XCTAssertTrue(explained.contains("at least 50 characters long"), explained)
        XCTAssertTrue(explained.contains("Django"), explained)
    }

    func testAManagedServicesShortPasswordIsTheOperatorsChoiceAndWarned() throws {
        let folder = try TestProject.temporaryFolder()
        let short = folder.appendingPathComponent("short")
        try Data("rds-pass".utf8).write(to: short)
        let token = folder.appendingPathComponent("token")
        try Data("elasticache-Token-1".utf8).write(to: token)
        let (result, out) = try generate("aws-managed", [
            "--secret", "postgresql.password=@\(short.path)", "--secret", "redis.password=@\(token.path)",
        ])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue((result.output + result.error).contains("postgresql.password: the value supplied is shorter than 16 characters"), result.output + result.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("values.yaml").path))
    }

    func testSecretAndRotateProblemsNameTheirOptionAndNoEmptyValue() throws {
        let folder = try TestProject.temporaryFolder()
        let short = folder.appendingPathComponent("3chars.txt")
        try Data("abc".utf8).write(to: short)
        let (refused, _) = try generate("local", ["--secret", "postgresql.password=@\(short.path)", "--rotate", "ingress.hostname"])
        XCTAssertEqual(refused.status, 2, refused.error)
        XCTAssertTrue(
            refused.error.contains("- --secret: postgresql.password is not valid; expected at least 16 characters; the value given has 3"), refused.error)
        XCTAssertTrue(refused.error.contains("- --rotate: ingress.hostname is not valid; expected a secret key to rotate"), refused.error)
        XCTAssertFalse(refused.error.contains("--set"), "nothing here came from --set:\n\(refused.error)")
        XCTAssertFalse(refused.error.contains(": is not valid"), "no empty slot where a value would be:\n\(refused.error)")

        let (unread, _) = try generate("local", ["--secret", "postgresql.password=@\(folder.appendingPathComponent("missing").path)"])
        XCTAssertTrue(unread.error.contains("- --secret: postgresql.password is not valid; expected a readable secret value: cannot read the file"), unread.error)
        let (plain, _) = try generate("local", ["--secret", "postgresql.password=hunter2hunter2hunter2"])
        XCTAssertTrue(plain.error.contains("- --secret: postgresql.password is not valid; expected @FILE or env:VAR"), plain.error)
        XCTAssertFalse(plain.error.contains("hunter2"), "the value is never repeated")
    }
}
