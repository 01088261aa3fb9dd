import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Bad input: every problem at once, each naming the key, the value and what is expected.
final class ValidationTests: XCTestCase {
    private func problems(_ preset: String?, _ sets: [String]) -> [AnswerProblem] {
        do {
            _ = try TestProject.prepare(preset: preset, sets: sets)
            return []
        } catch let error as InvalidAnswers {
            return error.problems
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testTheCatalogIsSound() {
        XCTAssertEqual(TestCatalogs.postHog.selfCheck(), [])
    }

    func testEveryPresetLoadsWithKnownKeysOnly() throws {
        XCTAssertEqual(TestProject.presets.names(app: "posthog"), TestProject.presetNames)
        for name in TestProject.presetNames {
            let preset = try TestProject.presets.load(name, app: "posthog")
            XCTAssertFalse(preset.description.isEmpty, name)
            XCTAssertTrue(preset.document.layer.order.allSatisfy { TestCatalogs.postHog[$0] != nil }, name)
        }
    }

    func testLocalNeedsNoFurtherAnswers() throws {
        XCTAssertNoThrow(try TestProject.prepare(preset: "local"))
    }

    func testPresetsListEveryOpenAnswerWithWhatItExpects() {
        let open = problems("aws-managed", [])
        XCTAssertEqual(Set(open.map(\.key)), ["ingress.hostname", "ingress.letsencryptEmail", "postgresql.host", "redis.host", "kafka.brokers"])
        for problem in open {
            guard case .missing(let expected) = problem.reason else { return XCTFail("\(problem)") }
            XCTAssertFalse(expected.isEmpty)
            XCTAssertTrue(problem.description.contains(problem.key))
        }
        XCTAssertEqual(problems("gcp", []).map(\.key), ["ingress.hostname"])
        XCTAssertEqual(Set(problems(nil, []).map(\.key)), ["cloud", "ingress.hostname", "ingress.letsencryptEmail"])
    }

    func testInvalidValuesAreAllReportedWithKeyValueAndExpectation() {
        let found = problems("local", [
            "ingress.hostname=not a host", "postgresql.storage=20GB", "namespace=Bad_Namespace", "release=-x",
            "email.enabled=yes", "nope.key=1", "ingress.hostnme=x",
        ])
        let byKey = Dictionary(found.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        XCTAssertEqual(Set(byKey.keys), ["ingress.hostname", "postgresql.storage", "namespace", "release", "email.enabled", "nope.key", "ingress.hostnme"])
        XCTAssertEqual(byKey["ingress.hostname"]?.value, "not a host")
        XCTAssertTrue(byKey["ingress.hostname"]?.description.contains("expected a DNS name") == true)
        XCTAssertTrue(byKey["postgresql.storage"]?.description.contains("a volume size with its unit, at least 1Gi") == true)
        XCTAssertTrue(byKey["namespace"]?.description.contains("DNS-1123 label") == true)
        XCTAssertTrue(byKey["email.enabled"]?.description.contains("true or false") == true)
        XCTAssertTrue(byKey["ingress.hostnme"]?.description.contains("did you mean ingress.hostname") == true)
        XCTAssertTrue(byKey["nope.key"]?.description.contains("unknown key") == true)
    }

    func testPortsOutOfRangeAndCombinationsThatCannotWork() {
        let found = problems("aws-managed", TestProject.openAnswers["aws-managed"]! + ["postgresql.port=70000", "ingress.type=gcp-clb"])
        let keys = Set(found.map(\.key))
        XCTAssertTrue(keys.contains("postgresql.port"))
        XCTAssertTrue(keys.contains("ingress.type"))
        let clb = found.first { $0.key == "ingress.type" }
        XCTAssertTrue(clb?.description.contains("cloud is gcp") == true, clb?.description ?? "")
        XCTAssertTrue(problems("gcp", ["ingress.hostname=a.example.com", "ingress.tls=letsencrypt"]).contains { $0.key == "ingress.tls" })
    }

    func testValuesThatCouldBreakYAMLOrScriptsAreRejected() {
        // A trailing newline too: the regular expressions once let one through at the end of a label.
        for hostile in ["a.example.com\nb: c", "a.example.com\n", "a\n.example.com", "$(reboot).example.com", "x'; rm -rf /; '", "a: b", "\"quoted\""] {
            XCTAssertEqual(problems("gcp", ["ingress.hostname=\(hostile)"]).map(\.key), ["ingress.hostname"], hostile)
        }
        XCTAssertEqual(problems("local", ["kubeContext=ctx$(id)"]).map(\.key), ["kubeContext"])
        XCTAssertEqual(problems("local", ["clickhouse.user=admin\nx"]).map(\.key), ["clickhouse.user"])
    }

    func testSecretsAreNeverPlainAnswersAndInapplicableKeysAreNamed() {
        let secret = problems("local", ["postgresql.password=hunter2"])
        XCTAssertEqual(secret.map(\.key), ["postgresql.password"])
        XCTAssertFalse(secret[0].description.contains("hunter2"))
        let inapplicable = problems("local", ["postgresql.host=db.example.com"])
        XCTAssertTrue(inapplicable.first?.description.contains("postgresql.mode is managed") == true)
    }

    func testLatestIsNeverAnImageTag() {
        XCTAssertEqual(problems("local", ["image.tag=latest"]).map(\.key), ["image.tag"])
    }

    func testStorageQuantitiesCompareByBytes() throws {
        XCTAssertLessThan(try XCTUnwrap(StorageQuantity("1Gi")), try XCTUnwrap(StorageQuantity("2000Mi")))
        XCTAssertEqual(StorageQuantity("1024Mi"), StorageQuantity("1Gi"))
        XCTAssertNil(StorageQuantity("0Gi"))
        XCTAssertNil(StorageQuantity("-1Gi"))
        XCTAssertNil(StorageQuantity("1 Gi"))
        XCTAssertNil(StorageQuantity("1Gi\n"))
        XCTAssertEqual(StorageQuantity("1.5Ki")?.bytes, 1536)
    }
}
