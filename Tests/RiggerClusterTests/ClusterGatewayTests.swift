import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// The Gateway API as `generate --probe`, `rigger check` and the wizard read it: the Gateways
/// offered for `ingress.gateway.name`, and what 00-preflight.sh would stop at said first.
/// The stand-in cluster `gateway` has gateway-infra/shared (http: Same, https: All),
/// gateway-infra/internal (https: Same) and gke-gateway/external (https: Selector).
final class ClusterGatewayTests: XCTestCase {
    private static let gateway = ["ingress.type=gateway", "ingress.hostname=posthog.example.com", "ingress.tls=gateway"]

    private func facts(_ scenario: String, readsGateways: Bool = true) throws -> ClusterFacts {
        let cluster = try StandInCluster(scenario: scenario)
        return ClusterProbe(runner: cluster.runner).read(
            ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog", readsGateways: readsGateways))
    }

    private func checked(_ scenario: String, _ sets: [String]) throws -> ClusterCheckedBundle {
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "cluster")
        let request = GenerationRequest(
            preset: "aws", setArguments: Self.gateway + sets, outputDirectory: "/nonexistent/rigger-cluster")
        return try generator.prepare(request, generator: &random, cluster: try facts(scenario))
    }

    func testTheProbeReadsTheGatewaysAndTheirListeners() throws {
        let api = try XCTUnwrap(try facts("gateway eks").gatewayAPI?.get())
        XCTAssertTrue(api.servesHTTPRoutes)
        XCTAssertEqual(api.gateways.map { "\($0.namespace)/\($0.name)" }, ["gateway-infra/shared", "gateway-infra/internal", "gke-gateway/external"])
        XCTAssertEqual(api.gateways.first?.listeners.map(\.admits), [.same, .all], "a listener without allowedRoutes admits its own namespace")
        XCTAssertEqual(api.gateways.last?.className, "gke-l7-global-external-managed")
        XCTAssertNil(try facts("eks", readsGateways: false).gatewayAPI, "nothing is read of the Gateway API without a Gateway in the answers")
    }

    func testTheGatewaysAreOfferedAndOneThatAdmitsTheNamespaceIsSaidSo() throws {
        let findings = try checked("gateway eks", ["ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra"]).findings
        XCTAssertEqual(findings["ingress.gateway.name"]?.choices, [
            ClusterChoice("shared", detail: "namespace gateway-infra, class istio"),
            ClusterChoice("internal", detail: "namespace gateway-infra, class istio"),
            ClusterChoice("external", detail: "namespace gke-gateway, class gke-l7-global-external-managed"),
        ])
        XCTAssertEqual(findings["ingress.gateway.namespace"]?.choices.map(\.value), ["gateway-infra", "gke-gateway"])
        XCTAssertEqual(
            findings["ingress.gateway.name"]?.info,
            "the Gateway gateway-infra/shared (class istio) admits HTTPRoutes from namespace posthog (listeners https)")
        XCTAssertEqual(findings.warnings.filter(\.isConflict).map(\.description), [])
    }

    func testAGatewayThatAdmitsOnlyItsOwnNamespaceIsAConflict() throws {
        let findings = try checked("gateway eks", ["ingress.gateway.name=internal", "ingress.gateway.namespace=gateway-infra"]).findings
        let warning = try XCTUnwrap(findings["ingress.gateway.name"]?.warnings.first)
        XCTAssertTrue(warning.isConflict)
        XCTAssertTrue(warning.description.contains("no listener of the Gateway gateway-infra/internal (class istio) admits HTTPRoutes from namespace posthog"), warning.description)
        // The listener named is the one that counts.
        let named = try checked("gateway eks", ["ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra", "ingress.gateway.sectionName=http"])
        XCTAssertEqual(named.findings["ingress.gateway.name"]?.warnings.first?.isConflict, true)
        let missing = try checked("gateway eks", ["ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra", "ingress.gateway.sectionName=tls"])
        XCTAssertTrue(
            missing.findings["ingress.gateway.sectionName"]?.warnings.first?.description.contains("has no listener tls; it has http, https") == true)
    }

    func testASelectorIsSaidToBeUnknownWithoutAConflict() throws {
        let findings = try checked("gateway eks", ["ingress.gateway.name=external", "ingress.gateway.namespace=gke-gateway"]).findings
        let warning = try XCTUnwrap(findings["ingress.gateway.name"]?.warnings.first)
        XCTAssertFalse(warning.isConflict, "rigger can't tell: nothing for --strict to refuse")
        XCTAssertTrue(warning.description.contains("rigger can't tell whether namespace posthog is one"), warning.description)
    }

    func testAMissingGatewayOrGatewayAPIIsAConflict() throws {
        let missing = try checked("gateway eks", ["ingress.gateway.name=edge", "ingress.gateway.namespace=gateway-infra"]).findings
        XCTAssertEqual(
            missing["ingress.gateway.name"]?.warnings.first?.description,
            "ingress.gateway.name: 'edge': the cluster has no Gateway edge in namespace gateway-infra; it has gateway-infra/shared, "
                + "gateway-infra/internal, gke-gateway/external (read from the cluster)")
        let noAPI = try checked("no-gateway-api eks", ["ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra"]).findings
        let warning = try XCTUnwrap(noAPI["ingress.type"]?.warnings.first)
        XCTAssertTrue(warning.isConflict)
        XCTAssertTrue(warning.description.contains("does not serve Gateway API HTTPRoutes"), warning.description)
    }

    /// The https listener of gateway-infra/shared takes *.example.com: a host elsewhere attaches to no listener.
    func testAHostNoAdmittingListenerTakesIsAConflict() throws {
        let findings = try checked("gateway eks", [
            "ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra", "ingress.hostname=posthog.example.org",
        ]).findings
        let warning = try XCTUnwrap(findings["ingress.gateway.name"]?.warnings.first)
        XCTAssertTrue(warning.isConflict)
        XCTAssertTrue(warning.description.contains("takes posthog.example.org (their hostnames: https *.example.com)"), warning.description)
        XCTAssertTrue(GatewayRoutes.listener(hostname: "*.example.com", serves: "a.b.example.com"))
        XCTAssertFalse(GatewayRoutes.listener(hostname: "*.example.com", serves: "example.com"))
        XCTAssertTrue(GatewayRoutes.listener(hostname: nil, serves: "example.com"))
    }
}
