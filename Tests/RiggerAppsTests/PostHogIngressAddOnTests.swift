import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// PostHog's ingress on the core's add-ons: the chart's own ingress-nginx (v1.1.0) and
/// cert-manager (v1.6.1) off, the add-ons' controller serving the chart's Ingress, and a bundle
/// that ran the chart's moving over without the site going down.
final class PostHogIngressAddOnTests: XCTestCase {
    private static let awsAnswers = ["ingress.hostname=posthog.example.com", "ingress.letsencryptEmail=ops@example.com", "ingress.type=nginx"]

    private func values(_ prepared: PreparedBundle) throws -> [String: Any] {
        try XCTUnwrap(try PlausibleTestBundles.values(prepared))
    }

    func testTheChartsOwnControllerAndCertManagerAreOffAndTheAddOnsInstallTheirs() throws {
        let prepared = try TestProject.prepare(preset: "aws", sets: Self.awsAnswers)
        let values = try values(prepared)
        let value = { PlausibleTestBundles.value(values, $0) }
        XCTAssertEqual(value("ingress.nginx.enabled") as? Bool, false, "the ingress-nginx subchart is off")
        XCTAssertEqual(value("cert-manager.enabled") as? Bool, false, "the cert-manager subchart is off")
        XCTAssertEqual(value("ingress.letsencrypt") as? Bool, false, "the chart's own ClusterIssuer is off")
        XCTAssertEqual(value("ingress.type") as? String, "nginx")
        XCTAssertEqual(value("ingress.nginx.redirectToTLS") as? Bool, false, "its configuration-snippet would be refused")
        XCTAssertNil(values["ingress-nginx"], "nothing is set for a subchart that is off")
        XCTAssertEqual(value("ingress.secretName") as? String, "nginx-letsencrypt-posthog", "the Secret the chart's certificate was kept in")
        XCTAssertEqual((value("ingress.annotations") as? [String: Any])?["cert-manager.io/cluster-issuer"] as? String, "posthog-letsencrypt")

        let prerequisites = try XCTUnwrap(prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
        for needed in ["INGRESS_NGINX_VERSION='\(ClusterAddOn.ingressNginx.version)'", "CERT_MANAGER_VERSION='\(ClusterAddOn.certManager.version)'",
                       "apply_manifest \(IngressAddOns.clusterIssuerPath)", "FORMER_RELEASE='posthog'"] {
            XCTAssertTrue(prerequisites.contains(needed), needed)
        }
        let controllerValues = try XCTUnwrap(prepared.bundle[IngressAddOns.ingressNginxValuesPath]?.contents)
        XCTAssertTrue(controllerValues.contains("use-proxy-protocol: \"true\""), "on AWS, both ends speak the PROXY protocol: \(controllerValues)")
        let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
        XCTAssertFalse(readme.contains("controller:v1.1.0"), readme)
        XCTAssertFalse(readme.contains(":v1.6.1"), readme)
        XCTAssertTrue(readme.contains("### Moving off the chart's own ingress-nginx and cert-manager"), readme)
        XCTAssertFalse(prepared.warnings.contains { $0.contains("v1.1.0") }, "\(prepared.warnings)")
    }

    /// The chart names its class only in the annotation; through the post-renderer the rendered
    /// Ingress names the IngressClass the add-ons' controller serves, carries nothing a current
    /// ingress-nginx refuses, and takes its certificate from the add-ons' issuer.
    func testTheRenderedIngressIsServedByTheAddOnsController() throws {
        let chart = try TestTools.chart("posthog")
        for (name, prepared) in [("aws", try TestProject.prepare(preset: "aws", sets: Self.awsAnswers)), ("local", try TestProject.prepare(preset: "local", sets: ["ingress.type=nginx"]))] {
            let rendered = try RealChartRender.render(prepared, chart: chart, name: name)
            let ingress = try XCTUnwrap(rendered.objects("Ingress").first, name)
            let spec = try XCTUnwrap(ingress.object["spec"] as? [String: Any], name)
            XCTAssertEqual(spec["ingressClassName"] as? String, IngressAddOns.ingressClass, "\(name): the add-on controller's class")
            XCTAssertNil(ingress.annotations["kubernetes.io/ingress.class"], "\(name): the API server refuses the annotation beside the field")
            XCTAssertFalse(ingress.annotations.keys.contains { $0.hasSuffix("-snippet") }, "\(name): a current ingress-nginx refuses snippets: \(ingress.annotations)")
            for image in rendered.images.map(\.image) {
                XCTAssertFalse(image.contains("ingress-nginx") || image.contains("cert-manager"), "\(name): the chart still runs \(image)")
            }
            XCTAssertEqual(rendered.objects("ClusterIssuer").map(\.name), [], "\(name): the chart's letsencrypt-prod is off")
            XCTAssertEqual(rendered.objects("IngressClass").map(\.name), [], "\(name): the chart's own IngressClass is off")
            guard name == "aws" else { continue }
            let issuer = try XCTUnwrap(try PlausibleTestBundles.documents(prepared.bundle, IngressAddOns.clusterIssuerPath).first)
            let issuerName = try XCTUnwrap((issuer["metadata"] as? [String: Any])?["name"] as? String)
            XCTAssertEqual(ingress.annotations["cert-manager.io/cluster-issuer"], issuerName)
            let solver = try XCTUnwrap((((issuer["spec"] as? [String: Any])?["acme"] as? [String: Any])?["solvers"] as? [[String: Any]])?.first)
            XCTAssertEqual(((solver["http01"] as? [String: Any])?["ingress"] as? [String: Any])?["ingressClassName"] as? String, IngressAddOns.ingressClass)
            let tls = try XCTUnwrap((spec["tls"] as? [[String: Any]])?.first)
            XCTAssertEqual(tls["secretName"] as? String, "nginx-letsencrypt-posthog")
        }
    }

    /// The bundle the previous release wrote for the aws preset (the chart ran its own
    /// controller and cert-manager), regenerated: it says what moves and in what order, once.
    func testRegeneratingABundleThatRanTheChartsControllerSaysWhatMoves() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        try FileManager.default.copyItem(at: TestProject.fixtures.appendingPathComponent("previous-release/posthog-aws"), to: out)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "move")
        let prepared = try generator.prepare(GenerationRequest(outputDirectory: out.path), generator: &random)
        let controller = try XCTUnwrap(prepared.warnings.first { $0.hasPrefix("ingress-nginx moves from the chart's own") }, "\(prepared.warnings)")
        for part in ["controller v1.1.0, release posthog in namespace posthog", "release ingress-nginx in namespace ingress-nginx",
                     "the DNS record for posthog.example.com moves", "scripts/30-prerequisites.sh", "./install.sh --from 40"] {
            XCTAssertTrue(controller.contains(part), part)
        }
        XCTAssertTrue(prepared.warnings.contains { $0.hasPrefix("cert-manager moves from the chart's own (v1.6.1") }, "\(prepared.warnings)")
        XCTAssertEqual(prepared.secrets.entries.mapValues(\.source).values.filter { $0 != .kept }, [], "every secret is kept")

        _ = try BundleWriter(directory: out.path).write(prepared.bundle)
        let again = try generator.prepare(GenerationRequest(outputDirectory: out.path), generator: &random)
        XCTAssertFalse(again.warnings.contains { $0.contains(" moves from the chart's own") }, "said once: \(again.warnings)")
    }

    /// 30-prerequisites.sh on a cluster where the chart's release installed the IngressClass and
    /// cert-manager's CRDs: each is kept and handed to the add-on's release before it is installed.
    func testThe30PrerequisitesScriptHandsTheChartsObjectsOver() throws {
        let handedOver = try runPrerequisites(owner: "posthog/posthog")
        let log = handedOver.log
        let annotateClass = try XCTUnwrap(log.firstIndex { $0.hasPrefix("kubectl annotate --overwrite ingressclass.networking.k8s.io/nginx helm.sh/resource-policy=keep meta.helm.sh/release-name=ingress-nginx meta.helm.sh/release-namespace=ingress-nginx") }, log.joined(separator: "\n"))
        let installController = try XCTUnwrap(log.firstIndex { $0.hasPrefix("helm upgrade --install ingress-nginx ingress-nginx") }, log.joined(separator: "\n"))
        XCTAssertLessThan(annotateClass, installController)
        let crds = log.filter { $0.hasPrefix("kubectl annotate --overwrite customresourcedefinition") }
        XCTAssertEqual(crds.map { $0.split(separator: " ")[3] }, [
            "customresourcedefinition.apiextensions.k8s.io/certificates.cert-manager.io",
            "customresourcedefinition.apiextensions.k8s.io/challenges.acme.cert-manager.io",
        ], "only cert-manager's")
        XCTAssertTrue(crds.allSatisfy { $0.contains("helm.sh/resource-policy=keep meta.helm.sh/release-name=cert-manager meta.helm.sh/release-namespace=cert-manager") })
        XCTAssertTrue(log.contains { $0.hasPrefix("helm upgrade --install cert-manager cert-manager") }, log.joined(separator: "\n"))
        XCTAssertEqual(handedOver.result.status, 0, handedOver.result.error)

        let theirs = try runPrerequisites(owner: "nginx-ingress/kube-system")
        XCTAssertFalse(theirs.log.contains { $0.contains("annotate") }, "another release's objects are left alone")
        XCTAssertFalse(theirs.log.contains { $0.hasPrefix("helm upgrade") }, "the cluster's own are used as they are")
        XCTAssertTrue(theirs.result.output.contains("IngressClass nginx exists; using the controller behind it"), theirs.result.output)
        XCTAssertEqual(theirs.result.status, 0, theirs.result.error)
    }

    /// Runs the aws bundle's 30-prerequisites.sh with a kubectl that says `owner` installed the
    /// IngressClass nginx and cert-manager's CRDs, and a helm that only logs.
    private func runPrerequisites(owner: String) throws -> (result: ProgramResult, log: [String]) {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle")
        try TestProject.materialize(try TestProject.prepare(preset: "aws", sets: Self.awsAnswers + ["ingress.installCertManager=true"]).bundle, in: bundle)
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("calls.log")
        let kubectl = """
            #!/usr/bin/env bash
            echo "kubectl $*" >>'\(log.path)'
            case "$*" in
              *"get ingressclass nginx -o jsonpath"* | *"get crd certificates.cert-manager.io -o jsonpath"*) printf '%s' '\(owner)' ;;
              *"get ingressclass nginx -o name"*) echo ingressclass.networking.k8s.io/nginx ;;
              *"get crd -o name"*)
                echo customresourcedefinition.apiextensions.k8s.io/certificates.cert-manager.io
                echo customresourcedefinition.apiextensions.k8s.io/challenges.acme.cert-manager.io
                echo customresourcedefinition.apiextensions.k8s.io/widgets.example.com ;;
            esac
            exit 0
            """
        let helm = "#!/usr/bin/env bash\necho \"helm $*\" >>'\(log.path)'\n"
        for (tool, script) in [("kubectl", kubectl), ("helm", helm)] {
            let url = bin.appendingPathComponent(tool)
            try Data(script.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":/usr/bin:/bin"
        let result = try runProgram("bash", ["scripts/30-prerequisites.sh"], environment: environment, directory: bundle)
        let calls = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        return (result, calls)
    }
}
