import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Host names are case-insensitive, but the API server refuses an Ingress host that is not lower
/// case: one typed in capitals is written in lower case, and the operator is told so.
final class HostNameCaseTests: XCTestCase {
    private let cases: [(app: String, preset: String, sets: [String])] = [
        ("posthog", "aws-managed", [
            "ingress.hostname=Stats.Example.COM", "ingress.letsencryptEmail=ops@example.com",
            "postgresql.host=Posthog.ABC123.us-east-1.RDS.amazonaws.com", "redis.host=Redis.Example.COM",
            "kafka.brokers=B-1.Kafka.Example.COM:9092,B-2.Kafka.Example.COM:9092",
        ]),
        ("plausible", "aws", ["ingress.hostname=Stats.Example.COM", "ingress.letsencryptEmail=ops@example.com"]),
        ("helicone", "aws", [
            "ingress.hostname=Stats.Example.COM", "ingress.letsencryptEmail=ops@example.com", "helicone.workerHostname=OAI.Example.COM",
        ]),
    ]

    func testUpperCaseHostsAreWrittenInLowerCaseAndSaidSo() throws {
        for (app, preset, sets) in cases {
            let prepared = try TestProject.prepare(app: app, preset: preset, sets: sets, secrets: TestProject.appFixtures.first { $0.app == app }?.openSecrets[preset] ?? [:])
            XCTAssertEqual(prepared.answers["ingress.hostname"]?.description, "stats.example.com", app)
            for file in prepared.bundle.files {
                for given in ["Stats.Example.COM", "Example.COM", "ABC123", "RDS.amazonaws", "Redis.Example", "Kafka.Example", "OAI.Example"] {
                    XCTAssertFalse(file.contents.contains(given), "\(app): \(file.path) holds \(given)")
                }
            }
            let note = prepared.warnings.first { $0.hasPrefix("ingress.hostname: Stats.Example.COM is written in lower case") } ?? ""
            XCTAssertTrue(note.contains("stats.example.com") && note.contains("case-insensitive"), "\(app): \(prepared.warnings)")
        }
        let helicone = try TestProject.prepare(app: "helicone", preset: "aws", sets: cases[2].sets)
        XCTAssertEqual(helicone.answers["helicone.apiHostname"]?.description, "api.example.com")
        XCTAssertEqual(helicone.answers["helicone.workerHostname"]?.description, "oai.example.com")
    }

    /// A host already in lower case says nothing; the wizard's session reads the same catalog.
    func testALowerCaseHostIsNotRemarkedOn() throws {
        let prepared = try TestProject.presetBundle("aws")
        XCTAssertFalse(prepared.warnings.contains { $0.contains("lower case") }, "\(prepared.warnings)")
        let question = try XCTUnwrap(AppRegistry.standard.entry("posthog")?.catalog["ingress.hostname"])
        XCTAssertEqual(try question.parse("Stats.Example.COM", given: AnswerLookup()).get(), .string("stats.example.com"))
    }

    /// Through the command line too: exit 0, and the files on disk hold only the lower-case host.
    func testGenerateWritesTheLowerCaseHost() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bundle").path
        let result = try TestProject.runRigger([
            "generate", "--app", "plausible", "--preset", "aws", "--out", out,
            "--set", "ingress.hostname=Stats.Example.COM", "--set", "ingress.letsencryptEmail=ops@example.com",
        ])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("written in lower case"), result.error)
        let values = try String(contentsOfFile: out + "/values.yaml", encoding: .utf8)
        XCTAssertTrue(values.contains("stats.example.com"))
        let answers = try String(contentsOfFile: out + "/rigger.yaml", encoding: .utf8)
        XCTAssertTrue(answers.contains("hostname: stats.example.com"), answers)
    }
}
