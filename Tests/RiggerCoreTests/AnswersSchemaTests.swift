import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Schema migration, checked with a made-up schema whose version 2 renames shared keys; the
/// shipped schema's own step, an app's renamed answer, is checked with that app
/// (PlausibleRegenerationTests).
final class AnswersSchemaTests: XCTestCase {
    /// A version 2 in which `ingress.host` became `ingress.hostname`, `cloud: google` became `gcp`,
    /// and `telemetry` went away.
    private let schema = AnswersSchema(currentVersion: 2, migrations: [
        AnswersMigration(
            fromVersion: 1, renamedKeys: [(old: "ingress.host", new: "ingress.hostname")],
            renamedValues: [(key: "cloud", old: "google", new: "gcp")],
            removedKeys: [(key: "telemetry", reason: "rigger sends none")]),
    ])

    func testAnOlderFileIsMigratedWithANoteOfEachChange() throws {
        let text = "version: 1\ncloud: google\ningress:\n  host: old.example.com\ntelemetry: true\n"
        let document = try AnswersDocument(text: text, path: "old.yaml", layerName: "answers file", strict: true)
        let (layer, notes) = try schema.upgrade(document)
        XCTAssertEqual(layer["ingress.hostname"]?.text, "old.example.com")
        XCTAssertNil(layer["ingress.host"])
        XCTAssertEqual(layer["cloud"]?.text, "gcp")
        XCTAssertNil(layer["telemetry"])
        XCTAssertEqual(notes, [
            "old.yaml (answers version 1 to 2): ingress.host is now ingress.hostname",
            "old.yaml (answers version 1 to 2): cloud: google is now called gcp",
            "old.yaml (answers version 1 to 2): telemetry was dropped: rigger sends none",
        ])
        // The moved answer still points at where it was written.
        XCTAssertEqual(layer["ingress.hostname"]?.origin, .file(path: "old.yaml", line: 4, column: 3))
    }

    func testANewerFileIsRefusedAndAnUnversionedOneIsCurrent() throws {
        let newer = try AnswersDocument(text: "version: 3\ncloud: gcp\n", path: "new.yaml", layerName: "answers file")
        XCTAssertThrowsError(try schema.upgrade(newer)) { error in
            XCTAssertEqual(String(describing: error), "new.yaml: answers version 3 is newer than this rigger understands (2); use a newer rigger")
        }
        let unversioned = try AnswersDocument(text: "ingress.host: x.example.com\n", path: "plain.yaml", layerName: "answers file")
        let (layer, notes) = try schema.upgrade(unversioned)
        XCTAssertEqual(notes, [])
        XCTAssertEqual(layer["ingress.host"]?.text, "x.example.com", "a file without a version is taken as current and not migrated")
    }

    func testGenerateMigratesAnOldAnswersFileAndSaysSo() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers.yaml")
        try Data("version: 1\ncloud: google\ningress:\n  host: old.example.com\n".utf8).write(to: answers)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], schema: schema)
        var random = SeededSecretGenerator(seed: "migration")
        let prepared = try generator.prepare(
            GenerationRequest(answersFile: answers.path, outputDirectory: folder.appendingPathComponent("out").path), generator: &random)
        XCTAssertEqual(prepared.answers["ingress.hostname"]?.description, "old.example.com")
        XCTAssertEqual(prepared.answers["cloud"], .string("gcp"))
        XCTAssertTrue(prepared.warnings.contains { $0.hasSuffix("ingress.host is now ingress.hostname") }, "\(prepared.warnings)")
    }

    func testTheShippedSchemaRefusesAFutureBundle() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("version: \(AnswersDocument.currentVersion + 1)\ncloud: gcp\n".utf8).write(to: folder.appendingPathComponent("rigger.yaml"))
        XCTAssertThrowsError(try ExistingBundle.read(folder.path, registry: .standard)) { error in
            XCTAssertTrue(String(describing: error).contains("is newer than this rigger understands"), "\(error)")
        }
    }

    /// An operator's older script passes the key by its former name: it moves, its value renamed
    /// as a file's would be, and says so; the key's value under today's name is not translated.
    func testSetByAFormerKeyMovesToTodaysKeyWithANote() throws {
        let prepared = try TestProject.prepare(app: "plausible", preset: "local", sets: ["plausible.disableRegistration=true"])
        XCTAssertEqual(prepared.answers["plausible.registration"], .string("closed"))
        XCTAssertTrue(prepared.warnings.contains {
            $0 == "--set plausible.disableRegistration: plausible.disableRegistration is now plausible.registration; plausible.registration: true is now called closed"
        }, "\(prepared.warnings)")

        XCTAssertThrowsError(try TestProject.prepare(app: "plausible", preset: "local", sets: ["plausible.registration=true"])) { error in
            XCTAssertTrue(String(describing: error).contains("plausible.registration"), "\(error)")
        }
        let both = try TestProject.prepare(
            app: "plausible", preset: "local", sets: ["plausible.disableRegistration=true", "plausible.registration=open"])
        XCTAssertEqual(both.answers["plausible.registration"], .string("open"), "today's key wins")
    }
}
