import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// `ingress.type=traefik` for every app and TLS mode: the real Traefik chart 41.3.0 renders with
/// the bundle's values (its image pinned, visitors' addresses kept, HTTP sent to HTTPS), and the
/// app's real chart renders every Ingress for the class traefik. ingress-nginx stays for the
/// bundles that have it, with its retirement said, and the move says its order.
final class TraefikIngressTests: XCTestCase {
    private static let fixtures: [AppTestFixture] = [.postHog, .plausible, .helicone]

    /// The bundle of an app's preset with `sets` on top of what the preset leaves open.
    private func bundle(_ fixture: AppTestFixture, preset: String, _ sets: [String] = []) throws -> PreparedBundle {
        var open = fixture.openAnswers[preset] ?? []
        if !sets.contains("ingress.tls=letsencrypt") { open.removeAll { $0.hasPrefix("ingress.letsencryptEmail=") } }
        return try TestProject.prepare(app: fixture.app, preset: preset, sets: open + sets, secrets: fixture.openSecrets[preset] ?? [:])
    }

    /// The Traefik chart rendered with the bundle's values, as 30-prerequisites.sh installs it.
    private func renderTraefik(_ prepared: PreparedBundle, _ name: String) throws -> RenderedChart {
        let values = try XCTUnwrap(prepared.bundle[TraefikAddOns.valuesPath]?.contents, "\(name): the Traefik values")
        return try RenderedChart.render(
            chart: try TestTools.chart("traefik"), values: values, release: ClusterAddOn.traefik.release, namespace: ClusterAddOn.traefik.namespace)
    }

    private func arguments(_ rendered: RenderedChart) -> [String] {
        rendered.objects("Deployment").flatMap { RenderedChart.containers(in: $0.object) }.flatMap { ($0["args"] as? [String]) ?? [] }
    }

    func testThePresetsAndCloudOtherUseTraefik() throws {
        for fixture in Self.fixtures {
            for preset in fixture.presets where !preset.hasPrefix("gcp") {
                let prepared = try TestProject.presetBundle(preset, of: fixture)
                XCTAssertEqual(prepared.answers["ingress.type"]?.description, "traefik", "\(fixture.app) \(preset)")
                XCTAssertFalse(prepared.warnings.contains { $0.contains("ingress-nginx was retired") }, "\(fixture.app) \(preset): \(prepared.warnings)")
            }
            let other = try TestProject.prepare(app: fixture.app, preset: nil, sets: ["cloud=other", "ingress.hostname=\(fixture.app).example.com",
                                                                                      "ingress.letsencryptEmail=ops@example.com"])
            XCTAssertEqual(other.answers["ingress.type"]?.description, "traefik", "\(fixture.app): cloud=other")
            XCTAssertEqual(other.answers["ingress.tls"]?.description, "letsencrypt", "\(fixture.app): cloud=other")
        }
    }

    /// Each app on AWS with each TLS mode: both real charts render, every Ingress names the class
    /// traefik, the load balancer speaks the PROXY protocol and Traefik trusts it.
    func testEveryAppAndTLSModeRendersOnTraefikBehindAnAWSLoadBalancer() throws {
        for fixture in Self.fixtures {
            let chart = try TestTools.chart(fixture.app == "posthog" ? "posthog" : fixture.app == "plausible" ? "plausible-analytics" : "helicone")
            for tls in ["letsencrypt", "secret", "none"] {
                let name = "\(fixture.app) \(tls)"
                var sets = ["ingress.tls=\(tls)"]
                if tls == "secret" { sets.append("ingress.tlsSecretName=site-tls") }
                if fixture.app == "helicone" { sets.append("helicone.studio=true") }
                let prepared = try bundle(fixture, preset: "aws", sets)
                XCTAssertEqual(prepared.answers["ingress.type"]?.description, "traefik", name)

                let app = try RealChartRender.render(prepared, chart: chart, name: name)
                let ingresses = app.objects("Ingress")
                XCTAssertEqual(ingresses.count, fixture.app == "helicone" ? 4 : 1, "\(name): an Ingress per host")
                for ingress in ingresses {
                    let spec = try XCTUnwrap(ingress.object["spec"] as? [String: Any], name)
                    XCTAssertEqual(spec["ingressClassName"] as? String, "traefik", "\(name): \(ingress.name)")
                    XCTAssertNil(ingress.annotations["kubernetes.io/ingress.class"], "\(name): \(ingress.name)")
                    XCTAssertFalse(ingress.annotations.keys.contains { $0.hasPrefix("nginx.ingress") }, "\(name): \(ingress.annotations)")
                    XCTAssertEqual((spec["tls"] as? [Any])?.isEmpty == false, tls != "none", "\(name): \(ingress.name) TLS")
                    if tls == "letsencrypt" {
                        XCTAssertEqual(ingress.annotations["cert-manager.io/cluster-issuer"], "\(prepared.answers["release"]?.description ?? "")-letsencrypt", name)
                    }
                }

                let traefik = try renderTraefik(prepared, name)
                XCTAssertEqual(BundleChartCheck.imageProblems(traefik), [], name)
                XCTAssertEqual(BundleChartCheck.normalizedImages(traefik), ["docker.io/library/traefik:\(TraefikAddOns.imageTag)"], name)
                let service = try XCTUnwrap(traefik.objects("Service").first, name)
                XCTAssertEqual(service.annotations["service.beta.kubernetes.io/aws-load-balancer-proxy-protocol"], "*", name)
                XCTAssertEqual(service.annotations["service.beta.kubernetes.io/aws-load-balancer-type"], "external", name)
                let args = arguments(traefik)
                for entryPoint in ["web", "websecure"] {
                    let trusted = args.first { $0.hasPrefix("--entryPoints.\(entryPoint).proxyProtocol.trustedIPs=") }
                    XCTAssertEqual(trusted.map { $0.split(separator: "=")[1] }, "\(TraefikAddOns.awsLoadBalancerRanges.joined(separator: ","))", "\(name): \(args)")
                }
                XCTAssertEqual(args.contains("--entryPoints.web.http.redirections.entryPoint.scheme=https"), tls != "none", "\(name): \(args)")
                let ingressClass = try XCTUnwrap(traefik.objects("IngressClass").first, name)
                XCTAssertEqual(ingressClass.name, "traefik", name)
                XCTAssertEqual((ingressClass.object["spec"] as? [String: Any])?["controller"] as? String, TraefikAddOns.controller, name)
                XCTAssertNotEqual(ingressClass.annotations["ingressclass.kubernetes.io/is-default-class"], "true", name)

                let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents, name)
                XCTAssertTrue(readme.contains("docker.io/traefik:\(TraefikAddOns.imageTag)"), "\(name): the README lists the image")
                XCTAssertTrue(readme.contains("## Moving off ingress-nginx"), name)
                let prerequisites = try XCTUnwrap(prepared.bundle["scripts/30-prerequisites.sh"]?.contents, name)
                XCTAssertTrue(prerequisites.contains("TRAEFIK_VERSION='\(ClusterAddOn.traefik.version)'"), name)
                XCTAssertTrue(prerequisites.contains("kube get ingressclass traefik"), "\(name): a cluster's own class traefik is used as it is")
                XCTAssertFalse(prerequisites.contains("INGRESS_NGINX"), name)
                XCTAssertTrue(prerequisites.contains("-l app.kubernetes.io/name=aws-load-balancer-controller"), "\(name): the NLB needs the controller")
                guard tls == "letsencrypt" else { continue }
                let issuer = try XCTUnwrap(try PlausibleTestBundles.documents(prepared.bundle, IngressAddOns.clusterIssuerPath).first, name)
                let solver = (((issuer["spec"] as? [String: Any])?["acme"] as? [String: Any])?["solvers"] as? [[String: Any]])?.first
                XCTAssertEqual(((solver?["http01"] as? [String: Any])?["ingress"] as? [String: Any])?["ingressClassName"] as? String, "traefik", name)
            }
        }
    }

    /// Off AWS the Service keeps the visitor's address by never routing through another node.
    func testTheLocalPresetsKeepVisitorsAddressesWithALocalTrafficPolicy() throws {
        for fixture in Self.fixtures {
            let prepared = try TestProject.presetBundle("local", of: fixture)
            let traefik = try renderTraefik(prepared, "\(fixture.app) local")
            let service = try XCTUnwrap(traefik.objects("Service").first)
            XCTAssertEqual((service.object["spec"] as? [String: Any])?["externalTrafficPolicy"] as? String, "Local", fixture.app)
            XCTAssertNil(service.annotations["service.beta.kubernetes.io/aws-load-balancer-proxy-protocol"], fixture.app)
            XCTAssertFalse(arguments(traefik).contains { $0.contains("proxyProtocol") }, fixture.app)
            XCTAssertFalse(arguments(traefik).contains { $0.contains("redirections") }, "\(fixture.app): no TLS, no redirect")
            let prerequisites = try XCTUnwrap(prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
            XCTAssertFalse(prerequisites.contains("aws-load-balancer-controller"), fixture.app)
        }
    }

    /// A cluster that already has an IngressClass traefik (k3s brings one) is used as it is, as
    /// 30-prerequisites.sh uses it; one served by another controller is warned about.
    func testAClustersOwnClassTraefikIsUsedAsThe30PrerequisitesScriptUsesIt() throws {
        let cluster = try StandInCluster(scenario: "old-controllers")
        var facts = ClusterProbe(runner: cluster.runner).read(ClusterProbeTarget(kubeContext: nil, namespace: "plausible", release: "plausible"))
        let answers = try TestProject.presetBundle("local", of: .plausible).answers
        let app = try XCTUnwrap(AppRegistry.standard.entry("plausible"))
        let k3s = IngressClassFact(
            name: "traefik", controller: TraefikAddOns.controller, isDefault: true, owner: HelmOwner(release: "traefik", namespace: "kube-system"),
            version: "3.3.6")
        facts.ingressClasses = .success([k3s])
        let used = ClusterFindings(facts: facts, answers: answers, app: app)
        XCTAssertEqual(used.conflicts.map(\.description), [])
        XCTAssertEqual(used["ingress.type"]?.warnings.map(\.description) ?? [], [])
        let info = try XCTUnwrap(used["ingress.type"]?.info)
        XCTAssertTrue(info.hasSuffix("30-prerequisites.sh uses the controller behind it rather than installing Traefik"), info)

        facts.ingressClasses = .success([IngressClassFact(
            name: "traefik", controller: "example.com/other-controller", isDefault: false, owner: nil, version: nil)])
        let other = ClusterFindings(facts: facts, answers: answers, app: app)
        let warning = try XCTUnwrap(other["ingress.type"]?.warnings.first, "\(String(describing: other["ingress.type"]))")
        XCTAssertTrue(warning.message.contains("not Traefik") && warning.message.hasSuffix("use ingress.type=existing with ingress.className=traefik"), warning.message)
    }

    /// A bundle written with ingress-nginx keeps it on regeneration, with the retirement said in
    /// the warnings (generate and the review) and the README.
    func testANginxBundleRegeneratesWithNginxAndTheRetirementWarning() throws {
        for fixture in ["posthog-aws", "plausible-local"] {
            let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
            try FileManager.default.copyItem(at: TestProject.fixtures.appendingPathComponent("previous-release/\(fixture)"), to: out)
            let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
            var random = SeededSecretGenerator(seed: "nginx")
            let prepared = try generator.prepare(GenerationRequest(outputDirectory: out.path), generator: &random)
            XCTAssertEqual(prepared.answers["ingress.type"]?.description, "nginx", fixture)
            let warning = try XCTUnwrap(prepared.warnings.first { $0.contains("ingress-nginx was retired") }, "\(fixture): \(prepared.warnings)")
            XCTAssertTrue(warning.contains("2025-11-11") && warning.contains("March 2026") && warning.contains("--set ingress.type=traefik"), warning)
            XCTAssertNotNil(prepared.bundle[IngressAddOns.ingressNginxValuesPath], fixture)
            XCTAssertNil(prepared.bundle[TraefikAddOns.valuesPath], fixture)
            let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
            XCTAssertTrue(readme.contains("## ingress-nginx is retired"), fixture)
            XCTAssertFalse(readme.contains("## Moving off ingress-nginx\n"), fixture)
        }
    }

    /// Moving a bundle from ingress-nginx to Traefik says what changes and in what order, and
    /// removes nothing.
    func testMovingFromNginxToTraefikSaysTheOrder() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        try FileManager.default.copyItem(at: TestProject.fixtures.appendingPathComponent("previous-release/plausible-local"), to: out)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "move")
        let prepared = try generator.prepare(
            GenerationRequest(setArguments: ["ingress.type=traefik"], outputDirectory: out.path), generator: &random)
        XCTAssertEqual(prepared.answers["ingress.type"]?.description, "traefik")
        let note = try XCTUnwrap(prepared.warnings.first { $0.hasPrefix("ingress.type: nginx -> traefik") }, "\(prepared.warnings)")
        let order = ["30-prerequisites.sh", "--from 40", "point the DNS records", "remove ingress-nginx"].map { note.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), note)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "new controller, then DNS, then the old one goes: \(note)")
        XCTAssertTrue(note.contains("never removes a controller"), note)
        XCTAssertFalse(prepared.warnings.contains { $0.contains("ingress-nginx was retired") }, "\(prepared.warnings)")
        let scripts = prepared.bundle.files.filter { $0.path.hasPrefix("scripts/") }.map(\.contents).joined()
        XCTAssertFalse(scripts.contains("helm uninstall"), "rigger never removes a controller itself")
        XCTAssertTrue(try XCTUnwrap(prepared.bundle["README.md"]?.contents).contains("## Moving off ingress-nginx"))
    }

    /// Moving a bundle from ingress-nginx to a Gateway: the routes go in while ingress-nginx still
    /// serves the site, DNS moves, and only then does the chart drop its Ingresses.
    func testMovingFromNginxToAGatewaySaysTheOrderThatKeepsBothServing() throws {
        let out = try TestProject.temporaryFolder().appendingPathComponent("bundle")
        try FileManager.default.copyItem(at: TestProject.fixtures.appendingPathComponent("previous-release/plausible-local"), to: out)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "move")
        let prepared = try generator.prepare(
            GenerationRequest(
                setArguments: ["ingress.type=gateway", "ingress.gateway.name=shared", "ingress.gateway.namespace=gateways", "ingress.tls=gateway"],
                outputDirectory: out.path),
            generator: &random)
        let note = try XCTUnwrap(prepared.warnings.first { $0.hasPrefix("ingress.type: nginx -> gateway") }, "\(prepared.warnings)")
        let order = ["allowedRoutes", "kubectl apply", "point the DNS records", "--from 40", "remove ingress-nginx"].map { note.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), note)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "routes, then DNS, then the Ingresses and the old controller go: \(note)")
        XCTAssertTrue(note.contains("kubectl get gateway --namespace gateways shared"), note)
        let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
        XCTAssertTrue(readme.contains("## Moving off ingress-nginx"), readme)
        XCTAssertTrue(readme.contains("-f \(GatewayRoutes.path)"), readme)
        let scripts = prepared.bundle.files.filter { $0.path.hasPrefix("scripts/") }.map(\.contents).joined()
        XCTAssertFalse(scripts.contains("helm uninstall"), "rigger never removes a controller itself")
    }
}
