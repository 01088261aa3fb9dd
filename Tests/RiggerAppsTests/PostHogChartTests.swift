import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// values.yaml against what the PostHog chart 30.46.0 really takes, from fixtures derived from it.
final class PostHogChartTests: XCTestCase {
    private func valuesTree(_ prepared: PreparedBundle) throws -> Node {
        let text = try XCTUnwrap(prepared.bundle["values.yaml"]?.contents)
        return try XCTUnwrap(try Yams.compose(yaml: text))
    }

    private func leafPaths(_ node: Node, prefix: String = "") -> [String] {
        guard case .mapping(let mapping) = node, mapping.count > 0 else { return [prefix] }
        return mapping.flatMap { key, value in
            leafPaths(value, prefix: prefix.isEmpty ? (key.string ?? "") : prefix + "." + (key.string ?? ""))
        }
    }

    private func value(_ node: Node, _ path: String) -> String? {
        var current: Node? = node
        for part in path.split(separator: ".") { current = current?[String(part)] }
        return current?.string
    }

    func testEveryKeyWrittenExistsInTheChart() throws {
        let chartPaths = Set(try TestProject.fixtureLines("posthog-30.46.0-value-paths.txt") + TestProject.fixtureLines("posthog-30.46.0-subchart-value-paths.txt")
            + TestProject.fixtureLines("subchart-value-paths.txt") + TestProject.fixtureLines("posthog-30.46.0-template-value-paths.txt"))
        let freeForm = try TestProject.fixtureLines("free-form-value-maps.txt")
        XCTAssertGreaterThan(chartPaths.count, 1000, "the chart key list looks truncated")
        for (name, prepared) in try TestProject.postHogVariants() {
            for path in leafPaths(try valuesTree(prepared)) {
                if freeForm.contains(where: { path.hasPrefix($0 + ".") }) { continue }
                XCTAssertTrue(chartPaths.contains(path), "\(name): values.yaml writes \(path), which chart 30.46.0 does not have")
            }
        }
    }

    /// The values only the templates name are really read there, by the real chart.
    func testTheValuesOnlyTheTemplatesReadAreReadByThem() throws {
        let templates = try TestTools.chart("posthog").appendingPathComponent("templates")
        let files = (FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "tpl" }
        XCTAssertGreaterThan(files.count, 20)
        let text = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        for path in try TestProject.fixtureLines("posthog-30.46.0-template-value-paths.txt") {
            XCTAssertTrue(text.contains(".Values.\(path) ") || text.contains(".Values.\(path) }}") || text.contains(".Values.\(path)\n"),
                "no template of the chart reads .Values.\(path)")
        }
    }

    func testTheKeysTheChartRejectsAreNeverWritten() throws {
        // error-on-invalid-values.tpl fails the render on these (certManager was renamed cert-manager).
        let rejected = ["certManager", "beat", "clickhouseOperator", "redis.host", "redis.port", "redis.password", "clickhouse.host",
                        "clickhouse.replication", "postgresql.postgresqlHost", "postgresql.postgresqlPort", "postgresql.postgresqlUsername"]
        for (name, prepared) in try TestProject.postHogVariants() {
            let paths = leafPaths(try valuesTree(prepared))
            for key in rejected {
                XCTAssertFalse(paths.contains { $0 == key || $0.hasPrefix(key + ".") }, "\(name): writes \(key), which the chart rejects")
            }
        }
    }

    func testEverySecretTheChartReadsIsInTheBundle() throws {
        let references = try TestProject.fixtureLines("posthog-secret-references.txt").map { $0.split(separator: " ").map(String.init) }
        for (name, prepared) in try TestProject.postHogVariants() {
            let values = try valuesTree(prepared)
            var provided: [String: Set<String>] = [:]
            for file in prepared.bundle.files where file.path.hasPrefix("secrets/") {
                let manifest = try XCTUnwrap(try Yams.compose(yaml: file.contents))
                let secretName = try XCTUnwrap(manifest["metadata"]?["name"]?.string)
                XCTAssertEqual(manifest["metadata"]?["namespace"]?.string, prepared.answers["namespace"]?.description)
                guard case .mapping(let data)? = manifest["stringData"] else { return XCTFail("\(file.path) has no stringData") }
                provided[secretName] = Set(data.keys.compactMap(\.string))
            }
            // A Secret the operator named instead: 00-preflight.sh must check it is there with the key.
            let preflight = try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents)
            var checked = 0
            for reference in references {
                guard let secretName = value(values, reference[0]) else { continue }
                let key = reference[1].hasPrefix("=") ? String(reference[1].dropFirst()) : value(values, reference[1])
                let dataKey = try XCTUnwrap(key, "\(name): \(reference[0]) is set but \(reference[1]) is not")
                if let existing = prepared.secrets.existing.values.first(where: { $0.name == secretName }) {
                    XCTAssertNil(provided[secretName], "\(name): \(secretName) is the operator's, yet secrets/ writes it")
                    XCTAssertTrue(preflight.contains("_SECRET='\(secretName)'") && preflight.contains("_KEY='\(dataKey)'")
                                  || preflight.contains("_KEY_1='\(dataKey)'") || preflight.contains("_KEY_2='\(dataKey)'"),
                                  "\(name): 00-preflight.sh does not check \(secretName)/\(dataKey)")
                    if let chosen = existing.dataKey { XCTAssertEqual(chosen, dataKey, "\(name): \(reference[1]) is not the key the operator named") }
                } else {
                    XCTAssertTrue(provided[secretName]?.contains(dataKey) == true,
                                  "\(name): the chart reads \(secretName)/\(dataKey) (\(reference[0])), which secrets/ does not create")
                }
                checked += 1
            }
            // Every bundle names at least the secret key, PostgreSQL and ClickHouse Secrets.
            XCTAssertGreaterThanOrEqual(checked, 3, name)
        }
    }

    func testPosthogSecretKeyAndClickHousePasswordAlwaysComeFromSecrets() throws {
        for (name, prepared) in try TestProject.postHogVariants() {
            let values = try valuesTree(prepared)
            XCTAssertNotNil(value(values, "posthogSecretKey.existingSecret"), name)
            XCTAssertNotNil(value(values, "cloud"), name)
            XCTAssertEqual(value(values, "image.tag"), "release-1.43.0", name)
            if prepared.answers["clickhouse.mode"]?.description == "in-cluster" {
                XCTAssertNotNil(value(values, "clickhouse.existingSecret"), "\(name): ClickHouse would use the chart's published password")
                XCTAssertNil(value(values, "clickhouse.password"), name)
            } else {
                XCTAssertNotNil(value(values, "externalClickhouse.existingSecret"), name)
            }
        }
    }

    func testManagedDependenciesDisableTheSubchartAndSetTheExternalBlock() throws {
        let prepared = try TestProject.presetBundle("aws-managed")
        let values = try valuesTree(prepared)
        XCTAssertEqual(value(values, "postgresql.enabled"), "false")
        XCTAssertEqual(value(values, "externalPostgresql.postgresqlHost"), "posthog.abc123.us-east-1.rds.amazonaws.com")
        XCTAssertEqual(value(values, "redis.enabled"), "false")
        XCTAssertEqual(value(values, "externalRedis.host"), "posthog.abc123.use1.cache.amazonaws.com")
        XCTAssertEqual(value(values, "kafka.enabled"), "false")
        XCTAssertEqual(values["externalKafka"]?["brokers"]?.sequence?.count, 2)
        XCTAssertEqual(value(values, "clickhouse.enabled"), "true")
        XCTAssertEqual(value(values, "zookeeper.enabled"), "true")
        // The controller is the add-ons': its PROXY protocol settings are in its own values.
        XCTAssertNil(values["ingress-nginx"])
        let controller = try XCTUnwrap(prepared.bundle[TraefikAddOns.valuesPath]?.contents)
        XCTAssertTrue(controller.contains("proxyProtocol:\n      trustedIPs:"), controller)
        XCTAssertTrue(controller.contains("service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: '*'"), controller)
    }

    func testOtherReleaseNamesPointKafkaAtTheirOwnZooKeeper() throws {
        let prepared = try TestProject.prepare(preset: "local", sets: ["release=analytics"])
        XCTAssertEqual(try valuesTree(prepared)["kafka"]?["externalZookeeper"]?["servers"]?.sequence?.first?.string, "analytics-posthog-zookeeper:2181")
    }

    func testPlainHTTPTurnsSecureCookiesOff() throws {
        XCTAssertEqual(value(try valuesTree(try TestProject.presetBundle("local")), "web.secureCookies"), "false")
        XCTAssertNil(value(try valuesTree(try TestProject.presetBundle("aws")), "web.secureCookies"))
    }
}
