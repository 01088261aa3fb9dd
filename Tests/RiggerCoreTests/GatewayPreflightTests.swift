import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// 00-preflight.sh's Gateway check, run by bash against a `kube` that answers as a cluster would:
/// the HTTPRoute CRD served, the Gateway there, and a listener admitting routes from the namespace
/// (All always, Same only from the Gateway's own namespace, a Selector said to be unknown).
final class GatewayPreflightTests: XCTestCase {
    /// The Gateway section of a bundle's 00-preflight.sh, from its comment to the end of its last `fi`.
    private func section(_ sets: [String]) throws -> String {
        let prepared = try TestProject.prepare(
            app: "plausible", preset: "local",
            sets: ["ingress.type=gateway", "ingress.gateway.name=shared", "ingress.gateway.namespace=gateway-infra"] + sets)
        let lines = try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("# The HTTPRoutes attach to the Gateway") })
        let end = try XCTUnwrap(lines[start...].firstIndex { $0.isEmpty })
        let variables = lines.filter { $0.hasPrefix("NAMESPACE=") || $0.hasPrefix("GATEWAY_") }
        return (variables + lines[start..<end]).joined(separator: "\n")
    }

    private struct Cluster {
        var served = "true"
        var gatewayExists = true
        /// `name from` per line, as the jsonpath of the listeners prints them.
        var listeners = "https All\n"
    }

    private func run(_ sets: [String], _ cluster: Cluster) throws -> (passed: Bool, output: String) {
        let bash = try TestTools.require("bash")
        let script = """
            fail() { echo "FAIL: $*"; exit 1; }
            kube() {
              case "$*" in
                "get crd \(GatewayRoutes.httpRouteCRD) "*) printf '%s' '\(cluster.served)' ;;
                "get gateway "*" -o jsonpath="*) printf '%s' '\(cluster.listeners)' ;;
                "get gateway "*) \(cluster.gatewayExists ? "return 0" : "return 1") ;;
                *) echo "unexpected: kube $*" >&2; return 1 ;;
              esac
            }
            \(try section(sets))
            echo "PASSED"
            """
        let result = try runProgram(bash, ["-c", script])
        return (result.status == 0 && result.output.contains("PASSED"), result.output + result.error)
    }

    func testAListenerForAllNamespacesAdmitsTheRoutes() throws {
        let result = try run([], Cluster(listeners: "http Same\nhttps All\n"))
        XCTAssertTrue(result.passed, result.output)
        XCTAssertTrue(result.output.contains("admits HTTPRoutes from namespace plausible (listeners: https)"), result.output)
    }

    func testSameAdmitsOnlyFromTheGatewaysOwnNamespace() throws {
        let other = try run([], Cluster(listeners: "https Same\n"))
        XCTAssertFalse(other.passed, other.output)
        XCTAssertTrue(other.output.contains("no listener of the Gateway gateway-infra/shared admits HTTPRoutes from namespace plausible"), other.output)
        let same = try run(["ingress.gateway.namespace=plausible"], Cluster(listeners: "https Same\n"))
        XCTAssertTrue(same.passed, same.output)
    }

    /// A listener without allowedRoutes admits routes from its own namespace only.
    func testAListenerWithoutAllowedRoutesIsSame() throws {
        XCTAssertFalse(try run([], Cluster(listeners: "https \n")).passed)
        XCTAssertTrue(try run(["ingress.gateway.namespace=plausible"], Cluster(listeners: "https \n")).passed)
    }

    func testASelectorIsSaidToBeUnknownNotRefused() throws {
        let result = try run([], Cluster(listeners: "https Selector\n"))
        XCTAssertTrue(result.passed, result.output)
        XCTAssertTrue(result.output.contains("rigger can't tell whether namespace plausible is one"), result.output)
    }

    func testTheNamedListenerIsTheOneChecked() throws {
        let named = try run(["ingress.gateway.sectionName=internal"], Cluster(listeners: "https All\ninternal Same\n"))
        XCTAssertFalse(named.passed, named.output)
        let missing = try run(["ingress.gateway.sectionName=public"], Cluster(listeners: "https All\n"))
        XCTAssertFalse(missing.passed, missing.output)
        XCTAssertTrue(missing.output.contains("has no listener public"), missing.output)
        XCTAssertTrue(try run(["ingress.gateway.sectionName=https"], Cluster(listeners: "https All\ninternal Same\n")).passed)
    }

    func testNoHTTPRouteCRDOrNoGatewayStops() throws {
        let crd = try run([], Cluster(served: ""))
        XCTAssertFalse(crd.passed, crd.output)
        XCTAssertTrue(crd.output.contains("does not serve Gateway API HTTPRoutes"), crd.output)
        let gateway = try run([], Cluster(gatewayExists: false))
        XCTAssertFalse(gateway.passed, gateway.output)
        XCTAssertTrue(gateway.output.contains("the Gateway shared is not in namespace gateway-infra"), gateway.output)
    }

    /// The Gateway's names reach the scripts and the routes: a value that is no Kubernetes name is
    /// refused, naming the key, the value and what is expected, and nothing is written.
    func testNamesThatAreNoKubernetesNamesAreRefused() throws {
        XCTAssertThrowsError(try section(["ingress.gateway.name=Bad_Name", "ingress.gateway.namespace=a/b", "ingress.gateway.sectionName=$(x)"])) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("ingress.gateway.name: 'Bad_Name' is not valid; expected a Kubernetes object name"), message)
            XCTAssertTrue(message.contains("ingress.gateway.namespace: 'a/b' is not valid; expected a DNS-1123 label"), message)
            XCTAssertTrue(message.contains("ingress.gateway.sectionName: '$(x)' is not valid"), message)
        }
        XCTAssertThrowsError(try TestProject.prepare(app: "plausible", preset: "local", sets: ["ingress.type=gateway"])) { error in
            XCTAssertTrue(String(describing: error).contains("ingress.gateway.name: missing"), String(describing: error))
        }
    }
}
