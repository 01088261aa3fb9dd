import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// Values that a chart (or its app) puts, unencoded, into a URL, a command line or a config file:
/// where rigger can't encode them it refuses what would break there, naming the key, where and the
/// characters allowed; where it builds the value itself it encodes it. Either way, every URL a
/// workload's environment holds parses back to the exact user and password.
final class UnencodedValueTests: XCTestCase {
    /// Every character that means something in a URL, to a shell or in XML, and a space.
    static let hostile = "p@ss:w/rd?#%&<>'\"$ x"
    /// A password of every character that means nothing anywhere.
    static let unreserved = "Ab-Cd.Ef_Gh~Ij-0123456789"

    private func problems(_ app: String, _ preset: String, _ sets: [String], secrets: [String: String]) -> [AnswerProblem] {
        do {
            _ = try TestProject.prepare(app: app, preset: preset, sets: sets, secrets: secrets)
            return []
        } catch let error as InvalidAnswers {
            return error.problems
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testValuesThatWouldBreakAnUnencodedURLAreRefusedWithWhereAndWhatIsAllowed() {
        let refused: [(app: String, preset: String, key: String, sets: [String], place: String)] = [
            ("helicone", "local", "postgresql.password", [], "Helicone's chart writes it unencoded into the postgres:// URLs"),
            ("posthog", "local", "clickhouse.password", [], "the chart's wait-for-service-dependencies init container puts it unencoded"),
            ("posthog", "local", "redis.password", [], "PostHog writes it unencoded into the redis:// URL it builds"),
            ("posthog", "aws-managed", "redis.password", (TestProject.openAnswers["aws-managed"] ?? []) + ["redis.tls=false"], "PostHog writes it unencoded"),
        ]
        for (app, preset, key, sets, place) in refused {
            let secrets = (TestProject.appFixtures.first { $0.app == app }?.openSecrets[preset] ?? [:]).merging([key: Self.hostile]) { $1 }
            let found = problems(app, preset, sets, secrets: secrets)
            XCTAssertEqual(found.map(\.key), [key], "\(app) \(preset)")
            let text = found.first?.description ?? ""
            XCTAssertTrue(text.contains("only letters, digits and - . _ ~ (\(place)"), text)
            XCTAssertTrue(text.contains("the value given has 13 other characters"), text)
            XCTAssertFalse(text.contains("p@ss"), "the refusal must not quote the value")
            XCTAssertEqual(problems(app, preset, sets, secrets: secrets.merging([key: Self.unreserved]) { $1 }).map(\.key), [], "\(app) \(key)")
        }
        // Where rigger encodes the URL itself, or no URL is built, any readable value is taken.
        let taken: [(app: String, preset: String, key: String, sets: [String])] = [
            ("posthog", "local", "clickhouse.password", ["clickhouse.mode=managed", "clickhouse.host=ch.example.com"]),
            ("posthog", "aws-managed", "redis.password", (TestProject.openAnswers["aws-managed"] ?? []) + ["redis.tls=true"]),
            ("plausible", "aws-managed", "postgresql.password", AppTestFixture.plausible.openAnswers["aws-managed"] ?? []),
        ]
        for (app, preset, key, sets) in taken {
            let secrets = (TestProject.appFixtures.first { $0.app == app }?.openSecrets[preset] ?? [:]).merging([key: Self.hostile]) { $1 }
            XCTAssertEqual(problems(app, preset, sets, secrets: secrets).map(\.key), [], "\(app) \(key)")
        }
    }

    func testExplainSaysWhichCharactersAndWhy() throws {
        let catalog = try XCTUnwrap(AppRegistry.standard.entry("posthog")?.catalog)
        let expectation = try XCTUnwrap(catalog["clickhouse.password"]).kind.expectation
        XCTAssertTrue(expectation.contains("only letters, digits and - . _ ~ when clickhouse.mode is in-cluster ("), expectation)
    }

    // MARK: What the real charts build

    /// The variants, each with hostile values wherever they are taken, and the most varied
    /// values allowed elsewhere.
    private func variants() throws -> [(String, PreparedBundle, String)] {
        let smtp = ["email.enabled=true", "email.host=smtp.example.com", "email.user=user+tag@example.com", "email.from=app@example.com"]
        let postHog = try TestProject.prepare(
            app: "posthog", preset: "aws-managed",
            sets: (TestProject.openAnswers["aws-managed"] ?? []) + ["redis.tls=true"] + smtp,
            secrets: ["postgresql.password": Self.hostile, "redis.password": Self.hostile + "2", "email.password": Self.hostile + "3",
                      "clickhouse.password": Self.unreserved])
        let plausible = try TestProject.prepare(
            app: "plausible", preset: "aws-managed",
            sets: (AppTestFixture.plausible.openAnswers["aws-managed"] ?? []) + [
                "clickhouse.mode=managed", "clickhouse.host=ch.example.com", "clickhouse.user=user+tag@example.com",
            ] + smtp,
            secrets: ["postgresql.password": Self.hostile, "clickhouse.password": Self.hostile + "2", "email.password": Self.hostile + "3"])
        let helicone = try TestProject.prepare(
            app: "helicone", preset: "aws", sets: (AppTestFixture.helicone.openAnswers["aws"] ?? []) + smtp,
            secrets: ["postgresql.password": Self.unreserved, "email.password": Self.hostile])
        return [("posthog", postHog, "posthog"), ("plausible", plausible, "plausible-analytics"), ("helicone", helicone, "helicone")]
    }

    /// Every env value of every container, as the kubelet makes it: from the Secrets the bundle
    /// writes and the chart renders, from ConfigMaps, and `$(NAME)` expanded from the variables
    /// listed before it.
    private func environments(_ rendered: RenderedChart, _ prepared: PreparedBundle) throws -> [(String, [String: String])] {
        var secrets: [String: [String: String]] = [:]
        for file in prepared.bundle.files where file.path.hasPrefix("secrets/") {
            for document in try Yams.load_all(yaml: file.contents).compactMap({ $0 as? [String: Any] }) {
                let name = (document["metadata"] as? [String: Any])?["name"] as? String ?? ""
                secrets[name] = ((document["stringData"] as? [String: Any]) ?? [:]).mapValues { "\($0)" }
            }
        }
        for secret in rendered.objects("Secret") {
            let data = (secret.object["data"] as? [String: String] ?? [:]).compactMapValues { Data(base64Encoded: $0).map { String(decoding: $0, as: UTF8.self) } }
            secrets[secret.name, default: [:]].merge(data.merging(secret.object["stringData"] as? [String: String] ?? [:]) { $1 }) { a, _ in a }
        }
        var configMaps: [String: [String: String]] = [:]
        for map in rendered.objects("ConfigMap") { configMaps[map.name] = (map.object["data"] as? [String: Any] ?? [:]).mapValues { "\($0)" } }

        var found: [(String, [String: String])] = []
        for document in rendered.documents {
            for container in RenderedChart.containers(in: document.object) {
                var environment: [String: String] = [:]
                for entry in container["env"] as? [[String: Any]] ?? [] {
                    guard let name = entry["name"] as? String else { continue }
                    if let value = entry["value"] as? String {
                        environment[name] = Self.expand(value, environment)
                    } else if let from = entry["valueFrom"] as? [String: Any] {
                        if let ref = from["secretKeyRef"] as? [String: Any], let secret = ref["name"] as? String, let key = ref["key"] as? String {
                            environment[name] = secrets[secret]?[key]
                        } else if let ref = from["configMapKeyRef"] as? [String: Any], let map = ref["name"] as? String, let key = ref["key"] as? String {
                            environment[name] = configMaps[map]?[key]
                        }
                    }
                }
                found.append(("\(document.kind)/\(document.name)/\(container["name"] as? String ?? "")", environment))
            }
        }
        return found
    }

    /// Kubernetes' `$(NAME)` expansion: a variable defined before is replaced, `$$` is a `$`.
    static func expand(_ value: String, _ environment: [String: String]) -> String {
        var out = "", rest = Substring(value)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$") {
                out += "$"
                rest = after.dropFirst()
            } else if after.hasPrefix("("), let close = after.firstIndex(of: ")"), let known = environment[String(after[after.index(after: after.startIndex)..<close])] {
                out += known
                rest = after[after.index(after: close)...]
            } else {
                out += "$"
                rest = after
            }
        }
        return out + rest
    }

    func testEveryURLInAWorkloadsEnvironmentParsesBackToTheExactUserAndPassword() throws {
        for (app, prepared, chartName) in try variants() {
            let rendered = try RealChartRender.render(prepared, chart: try TestTools.chart(chartName), name: app)
            let secretValues = Set(prepared.secrets.entries.values.map(\.value))
            var urls = 0
            for (container, environment) in try environments(rendered, prepared) {
                for (name, value) in environment {
                    guard let scheme = value.range(of: "://"), !value[..<scheme.lowerBound].contains(where: { $0 == " " || $0 == "\n" }) else { continue }
                    let authority = value[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
                    // Only URLs that carry credentials; a hostile value cut short still has its '@' further on.
                    guard value[scheme.upperBound...].contains("@") else { continue }
                    urls += 1
                    let components = URLComponents(string: value)
                    XCTAssertNotNil(components, "\(app): \(container) \(name) does not parse as a URL")
                    guard let components, let password = components.percentEncodedPassword?.removingPercentEncoding else {
                        XCTFail("\(app): \(container) \(name) has no password where it should (authority \(authority.count) characters)")
                        continue
                    }
                    XCTAssertTrue(secretValues.contains(password), "\(app): \(container) \(name) parses to another password than the bundle's")
                    XCTAssertFalse(components.percentEncodedUser?.removingPercentEncoding?.isEmpty ?? false && components.scheme != "rediss",
                        "\(app): \(container) \(name) has no user")
                }
            }
            XCTAssertGreaterThan(urls, 0, "\(app): no URL with credentials was checked")
        }
    }
}
