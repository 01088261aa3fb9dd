import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The local presets serve `*.localhost`, which needs no DNS: the bundle says so, never asks for a
/// DNS record, doesn't wait ten minutes for an address a local cluster may never give, and names
/// the port-forward to the ingress controller the install really runs.
final class LocalhostAccessTests: XCTestCase {
    /// 50-verify.sh with a stand-in kubectl whose rollouts are done and whose Ingress has `address`.
    private func runVerify(_ prepared: PreparedBundle, address: String) throws -> ProgramResult {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundleFolder = folder.appendingPathComponent("bundle")
        try TestProject.materialize(prepared.bundle, in: bundleFolder)
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let kubectl = bin.appendingPathComponent("kubectl")
        let script = """
            #!/usr/bin/env bash
            case "$*" in
              get\\ deployments,statefulsets*) echo deployment.apps/web ;;
              rollout\\ status*) echo "rolled out" ;;
              get\\ ingress*) echo '\(address)' ;;
              get\\ certificate*|get\\ managedcertificate*) echo Ready ;;
              *) echo "stand-in kubectl: unexpected: $*" >&2; exit 1 ;;
            esac
            """
        try Data(script.utf8).write(to: kubectl)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: kubectl.path)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["KUBECONFIG"] = "/home/operator/.kube/config"
        return try runProgram("bash", ["scripts/50-verify.sh"], environment: environment, directory: bundleFolder)
    }

    func testEveryLocalBundleNeedsNoDNSAndNamesThePortForward() throws {
        let controllers = [
            "posthog": "--namespace traefik svc/traefik 80:80",
            "plausible": "--namespace traefik svc/traefik 80:80",
            "helicone": "--namespace traefik svc/traefik 80:80",
        ]
        for fixture in TestProject.appFixtures {
            let prepared = try TestProject.presetBundle("local", of: fixture)
            let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
            XCTAssertTrue(readme.contains("No DNS is needed: every `*.localhost` name resolves to this machine."), fixture.app)
            XCTAssertFalse(readme.contains("Point DNS"), fixture.app)
            XCTAssertFalse(readme.contains("/etc/hosts"), "\(fixture.app): browsers never read /etc/hosts for *.localhost")
            // The file list and the script's own header say what a local bundle's 50-verify.sh does.
            XCTAssertFalse(readme.contains("DNS record to create") || readme.contains("DNS records to create"), "\(fixture.app): \(readme)")
            XCTAssertTrue(readme.contains("`50-verify.sh`: waits for the rollouts, shows the ingress address and the port-forward that reaches "
                + "the app from this machine; no DNS record is needed"), "\(fixture.app): \(readme)")
            let verify = try XCTUnwrap(prepared.bundle["scripts/50-verify.sh"]?.contents)
            XCTAssertTrue(verify.contains("\n# Waits for every rollout, then shows the ingress address and the port-forward that reaches the app "
                + "from this machine; no DNS record is needed.\n"), "\(fixture.app): \(verify)")

            let result = try runVerify(prepared, address: "172.18.0.2")
            XCTAssertEqual(result.status, 0, result.output + result.error)
            XCTAssertFalse(result.output.contains("DNS record:"), result.output)
            XCTAssertTrue(result.output.contains("The ingress address is 172.18.0.2"), result.output)
            let forward = try XCTUnwrap(controllers[fixture.app])
            XCTAssertTrue(result.output.contains("sudo kubectl --kubeconfig /home/operator/.kube/config port-forward \(forward)"), result.output)
        }
    }

    /// PostHog's port-forward goes to the add-ons' controller, as every app's: the chart renders no
    /// ingress-nginx of its own any more.
    func testPostHogsForwardNamesTheAddOnsControllerService() throws {
        let prepared = try TestProject.presetBundle("local")
        let rendered = try RealChartRender.render(prepared, chart: try TestTools.chart("posthog"), name: "local")
        let services = rendered.objects("Service").map(\.name)
        XCTAssertFalse(services.contains { $0.contains("ingress-nginx") }, services.joined(separator: ", "))
        let verify = try XCTUnwrap(prepared.bundle["scripts/50-verify.sh"]?.contents)
        XCTAssertTrue(verify.contains("--namespace \(TraefikAddOns.localController.namespace) svc/\(TraefikAddOns.localController.service) 80:80"), verify)
    }

    func testARealHostStillGetsItsDNSRecord() throws {
        for fixture in TestProject.appFixtures {
            let prepared = try TestProject.presetBundle("aws", of: fixture)
            let result = try runVerify(prepared, address: "abc.elb.amazonaws.com")
            XCTAssertEqual(result.status, 0, result.output + result.error)
            XCTAssertTrue(result.output.contains("Create (or check) this DNS record:"), result.output)
            XCTAssertTrue(result.output.contains("CNAME  abc.elb.amazonaws.com"), result.output)
            XCTAssertFalse(result.output.contains("*.localhost"), result.output)
        }
    }
}
