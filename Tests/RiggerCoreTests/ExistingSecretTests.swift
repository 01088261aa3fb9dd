import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Secrets read from Secrets already in the cluster: never generated, written or supplied.
final class ExistingSecretTests: XCTestCase {
    func testAnExistingSecretIsNeitherGeneratedNorWritten() throws {
        let prepared = try TestProject.existingSecretsBundle()
        XCTAssertEqual(prepared.bundle.paths.filter { $0.hasPrefix("secrets/") }, [])
        XCTAssertEqual(prepared.secrets.entries.count, 0, "no secret value is held for an existing Secret")
        XCTAssertEqual(prepared.secrets.existing["postgresql.password"], ExistingSecretReference(name: "rds-credentials", dataKey: "password"))
        XCTAssertEqual(prepared.secrets.existing["objectStorage.secretAccessKey"], ExistingSecretReference(name: "s3-keys", dataKey: nil))
        let apply = try XCTUnwrap(prepared.bundle["scripts/20-secrets.sh"]?.contents)
        XCTAssertTrue(apply.contains("no Secrets to apply"), apply)
        let preflight = try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents)
        for line in ["POSTGRESQL_SECRET='rds-credentials'", "POSTGRESQL_SECRET_KEY='password'", "OBJECT_STORAGE_SECRET_KEY_1='root-user'",
                     "OBJECT_STORAGE_SECRET_KEY_2='root-password'", "SMTP_SECRET='ses-smtp'"] {
            XCTAssertTrue(preflight.contains(line), "00-preflight.sh lacks \(line)")
        }
        XCTAssertFalse(preflight.contains(SecretSet.placeholderMarker), "nothing is left to supply")
    }

    func testInTheClusterThePostgreSQLKeyIsTheChartsOwn() throws {
        let prepared = try TestProject.prepare(preset: "local", sets: ["postgresql.existingSecret=pg-auth"])
        let values = try XCTUnwrap(prepared.bundle["values.yaml"]?.contents)
        XCTAssertTrue(values.contains("existingSecret: pg-auth"))
        XCTAssertTrue(try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents).contains("POSTGRESQL_SECRET_KEY='postgresql-password'"))
        // The bitnami subchart reads only postgresql-password, so the key can't be chosen.
        XCTAssertThrowsError(try TestProject.prepare(preset: "local", sets: ["postgresql.existingSecret=pg-auth", "postgresql.existingSecretKey=pw"])) { error in
            XCTAssertTrue("\(error)".contains("postgresql.existingSecretKey"), "\(error)")
        }
    }

    func testSupplyingOrRotatingAnExistingSecretIsRefused() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pw")
        try Data("hunter2-hunter2".utf8).write(to: file)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:])
        var random = SeededSecretGenerator(seed: "existing")
        var request = GenerationRequest(
            preset: "local", setArguments: ["redis.existingSecret=redis-auth"], secretArguments: ["redis.password=@\(file.path)"],
            outputDirectory: folder.appendingPathComponent("out").path)
        XCTAssertThrowsError(try generator.prepare(request, generator: &random)) { error in
            XCTAssertTrue("\(error)".contains("read from the existing Secret redis-auth"), "\(error)")
            XCTAssertFalse("\(error)".contains("hunter2"))
        }
        request.secretArguments = []
        request.rotate = ["redis.password"]
        XCTAssertThrowsError(try generator.prepare(request, generator: &random)) { error in
            XCTAssertTrue("\(error)".contains("rotate it there"), "\(error)")
        }
    }

    func testSwitchingToAnExistingSecretRemovesTheBundlesOwn() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle").path
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:])
        var random = SeededSecretGenerator(seed: "switch")
        let first = try generator.prepare(GenerationRequest(preset: "local", outputDirectory: out), generator: &random)
        _ = try BundleWriter(directory: out).write(first.bundle)
        let second = try generator.prepare(GenerationRequest(setArguments: ["redis.existingSecret=redis-auth"], outputDirectory: out), generator: &random)
        let outcome = try BundleWriter(directory: out).write(second.bundle)
        XCTAssertEqual(outcome.removed, ["secrets/redis.secret.yaml"])
        XCTAssertEqual(second.secrets["postgresql.password"], first.secrets["postgresql.password"].map { SecretEntry(value: $0.value, source: .kept) })
    }
}
