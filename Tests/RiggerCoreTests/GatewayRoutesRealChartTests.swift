import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// `ingress.type=gateway` for every app: the HTTPRoutes against the Gateway API v1.6.1 schema of
/// HTTPRoute, each host the app serves routed, every backendRef a Service and port that the real
/// chart renders (through the real Helm library) and no Ingress from the chart.
final class GatewayRoutesRealChartTests: XCTestCase {
    static let gateway = ["ingress.type=gateway", "ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra"]

    /// Each variant's bundle, the chart it installs and the hosts it must serve.
    static func variants() throws -> [(name: String, prepared: PreparedBundle, chart: String, hosts: [String])] {
        [
            ("PostHog, local", try TestProject.prepare(app: "posthog", preset: "local", sets: gateway), "posthog", ["posthog.localhost"]),
            ("PostHog, aws, the Gateway's TLS, a listener named", try TestProject.prepare(
                app: "posthog", preset: "aws",
                sets: gateway + ["ingress.tls=gateway", "ingress.hostname=posthog.example.com", "ingress.gateway.sectionName=https"]),
             "posthog", ["posthog.example.com"]),
            ("Plausible, aws, the Gateway's TLS, another release", try TestProject.prepare(
                app: "plausible", preset: "aws",
                sets: gateway + ["ingress.tls=gateway", "ingress.hostname=plausible.example.com", "release=analytics", "namespace=web"]),
             "plausible-analytics", ["plausible.example.com"]),
            ("Plausible, local", try TestProject.prepare(app: "plausible", preset: "local", sets: gateway), "plausible-analytics", ["plausible.localhost"]),
            ("Helicone, gcp, Studio exposed, the Gateway in the app's namespace", try TestProject.prepare(
                app: "helicone", preset: "gcp",
                sets: ["ingress.type=gateway", "ingress.gateway.name=gke-managed", "ingress.gateway.namespace=helicone", "ingress.tls=gateway",
                       "ingress.hostname=helicone.example.com", "helicone.studio=true"]),
             "helicone", ["helicone.example.com", "api.example.com", "oai.example.com", "studio.example.com"]),
            ("Helicone, local", try TestProject.prepare(app: "helicone", preset: "local", sets: gateway),
             "helicone", ["helicone.localhost", "api.localhost", "oai.localhost"]),
        ]
    }

    private static func routes(_ prepared: PreparedBundle) throws -> [[String: Any]] {
        let text = try XCTUnwrap(prepared.bundle[GatewayRoutes.path]?.contents, "\(GatewayRoutes.path) is missing")
        return try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
    }

    func testEveryRouteValidatesAgainstTheHTTPRouteSchema() throws {
        let python = try TestTools.require("python")
        let schema = TestProject.fixtures.appendingPathComponent("gateway-api/httproute-v1.schema.json").path
        let validate = TestProject.root.appendingPathComponent("tools/validate-schema.py").path
        for (name, prepared, _, hosts) in try Self.variants() {
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try TestProject.materialize(prepared.bundle, in: folder)
            let result = try runProgram(
                python, [validate, schema, "HTTPRoute", folder.appendingPathComponent(GatewayRoutes.path).path], environment: TestTools.environmentWithTools)
            XCTAssertEqual(result.status, 0, "\(name): the HTTPRoute schema refused:\n\(result.output)\(result.error)")
            XCTAssertTrue(result.error.contains("checked \(hosts.count) HTTPRoute documents"), "\(name): \(result.error)")
        }
    }

    func testEachHostHasARouteOnTheNamedGateway() throws {
        for (name, prepared, _, hosts) in try Self.variants() {
            let routes = try Self.routes(prepared)
            let served = routes.flatMap { Bundles.value($0, "spec.hostnames") as? [String] ?? [] }
            XCTAssertEqual(served.sorted(), hosts.sorted(), name)
            let answers = prepared.answers
            for route in routes {
                XCTAssertEqual(Bundles.value(route, "apiVersion") as? String, "gateway.networking.k8s.io/v1", name)
                XCTAssertEqual(Bundles.value(route, "metadata.namespace") as? String, answers["namespace"]?.description, name)
                let parents = try XCTUnwrap(Bundles.value(route, "spec.parentRefs") as? [[String: Any]], name)
                XCTAssertEqual(parents.count, 1, name)
                XCTAssertEqual(parents.first?["name"] as? String, answers["ingress.gateway.name"]?.description, name)
                XCTAssertEqual(parents.first?["namespace"] as? String, answers["ingress.gateway.namespace"]?.description, name)
                XCTAssertEqual(parents.first?["sectionName"] as? String, answers["ingress.gateway.sectionName"]?.description, name)
            }
            // TLS is the Gateway's: nothing installs a controller or cert-manager, and the review says what its owner must allow.
            XCTAssertNil(prepared.bundle[IngressAddOns.ingressNginxValuesPath], name)
            XCTAssertNil(prepared.bundle[IngressAddOns.certManagerValuesPath], name)
            XCTAssertNil(prepared.bundle[IngressAddOns.clusterIssuerPath], name)
            let warning = try XCTUnwrap(prepared.warnings.first { $0.hasPrefix("TLS belongs to the Gateway") }, name)
            for host in hosts { XCTAssertTrue(warning.contains(host), "\(name): \(warning)") }
            let readme = AppTestFixture.unwrapped(try XCTUnwrap(prepared.bundle["README.md"]?.contents))
            XCTAssertTrue(readme.contains("TLS belongs to the Gateway"), name)
            XCTAssertTrue(readme.contains("allowedRoutes.namespaces.from"), name)
        }
    }

    /// What the chart renders: every backendRef names one of its Services and a port of it, and
    /// there is no Ingress. Each path the chart's own Ingress would route goes to the same Service.
    func testEveryBackendIsAServiceAndPortTheRealChartRendersAndNoIngressIs() throws {
        for (name, prepared, chartName, _) in try Self.variants() {
            let rendered = try RealChartRender.render(prepared, chart: try TestTools.chart(chartName), name: name)
            XCTAssertEqual(rendered.objects("Ingress").map(\.name), [], "\(name): the chart still renders an Ingress")
            var ports: [String: Set<Int>] = [:]
            for service in rendered.objects("Service") {
                for port in Bundles.value(service.object, "spec.ports") as? [[String: Any]] ?? [] {
                    if let number = port["port"] as? Int { ports[service.name, default: []].insert(number) }
                }
            }
            var backends = 0
            for route in try Self.routes(prepared) {
                for rule in Bundles.value(route, "spec.rules") as? [[String: Any]] ?? [] {
                    for backend in rule["backendRefs"] as? [[String: Any]] ?? [] {
                        backends += 1
                        let service = try XCTUnwrap(backend["name"] as? String, name), port = try XCTUnwrap(backend["port"] as? Int, name)
                        XCTAssertTrue(
                            ports[service]?.contains(port) == true,
                            "\(name): backendRef \(service):\(port) is no Service port the chart renders; it renders \(ports.keys.sorted())")
                    }
                }
            }
            XCTAssertGreaterThan(backends, 0, name)
        }
    }

    /// PostHog's capture endpoints go where the chart's own Ingress sends them: the events Service.
    func testPostHogRoutesThePathsTheChartsIngressRoutes() throws {
        let prepared = try TestProject.prepare(app: "posthog", preset: "local", sets: ["ingress.type=existing", "ingress.className=traefik"])
        let rendered = try RealChartRender.render(prepared, chart: try TestTools.chart("posthog"), name: "PostHog with an Ingress")
        let ingress = try XCTUnwrap(rendered.objects("Ingress").first)
        var chartPaths: [String: String] = [:]
        for rule in Bundles.value(ingress.object, "spec.rules") as? [[String: Any]] ?? [] {
            for path in Bundles.value(rule, "http.paths") as? [[String: Any]] ?? [] {
                let value = try XCTUnwrap(path["path"] as? String)
                let normalized = value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
                chartPaths[normalized] = Bundles.value(path, "backend.service.name") as? String
            }
        }
        let gateway = try TestProject.prepare(app: "posthog", preset: "local", sets: Self.gateway)
        var routePaths: [String: String] = [:]
        for route in try Self.routes(gateway) {
            for rule in Bundles.value(route, "spec.rules") as? [[String: Any]] ?? [] {
                let backend = (rule["backendRefs"] as? [[String: Any]])?.first?["name"] as? String
                for match in rule["matches"] as? [[String: Any]] ?? [] {
                    if let value = Bundles.value(match, "path.value") as? String { routePaths[value] = backend }
                }
            }
        }
        XCTAssertEqual(routePaths, chartPaths)
    }

    func testThePreflightAndVerifyScriptsAreShellcheckClean() throws {
        let shellcheck = try TestTools.require("shellcheck")
        for (name, prepared, _, _) in try Self.variants() {
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try TestProject.materialize(prepared.bundle, in: folder)
            let scripts = prepared.bundle.paths.filter { $0.hasSuffix(".sh") }
            let checked = try runProgram(shellcheck, ["--severity=style", "--shell=bash"] + scripts, directory: folder)
            XCTAssertEqual(checked.status, 0, "\(name): shellcheck:\n\(checked.output)\(checked.error)")
            XCTAssertTrue(prepared.bundle["scripts/00-preflight.sh"]?.contents.contains(GatewayRoutes.httpRouteCRD) == true, name)
            XCTAssertTrue(prepared.bundle["scripts/40-install.sh"]?.contents.contains("-f \(GatewayRoutes.path)") == true, name)
        }
    }

    private typealias Bundles = PlausibleTestBundles

    /// Every app's cloud presets take a Gateway with only its name and namespace: the TLS answer
    /// follows the ingress type (the presets leave it to its default), so it becomes the Gateway's.
    func testEveryPresetTakesAGatewayWithItsNameAlone() throws {
        for fixture in TestProject.appFixtures {
            for preset in fixture.presets {
                let sets = (fixture.openAnswers[preset] ?? []).filter { !$0.hasPrefix("ingress.letsencryptEmail=") }
                    + ["ingress.type=gateway", "ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra"]
                let prepared = try TestProject.prepare(app: fixture.app, preset: preset, sets: sets, secrets: fixture.openSecrets[preset] ?? [:])
                let expected = preset == "local" ? "none" : "gateway"
                XCTAssertEqual(prepared.answers["ingress.tls"]?.description, expected, "\(fixture.app) \(preset)")
                XCTAssertNotNil(prepared.bundle[GatewayRoutes.path], "\(fixture.app) \(preset)")
            }
        }
    }
}
