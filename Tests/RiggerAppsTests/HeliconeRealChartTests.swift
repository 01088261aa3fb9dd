import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// Helicone bundles rendered by the real chart (helm/helicone at commit 4289687) through the real
/// Helm library, as 40-install.sh installs them: every preset and the variants the presets leave out.
final class HeliconeRealChartTests: XCTestCase {
    /// Each variant rendered once for every test: rendering is the slow part.
    nonisolated(unsafe) private static var cache: [(String, PreparedBundle, RenderedChart)]?

    private func renderedVariants() throws -> [(String, PreparedBundle, RenderedChart)] {
        if let cached = Self.cache { return cached }
        let chart = try TestTools.chart("helicone")
        let rendered = try TestProject.heliconeVariants().map { name, prepared in
            (name, prepared, try RealChartRender.render(prepared, chart: chart, name: name))
        }
        Self.cache = rendered
        return rendered
    }

    private func rendered(_ name: String) throws -> (PreparedBundle, RenderedChart) {
        let found = try XCTUnwrap(try renderedVariants().first { $0.0 == name }, name)
        return (found.1, found.2)
    }

    /// Every Secret name and key a workload reads is in secrets/ or checked by 00-preflight.sh.
    func testEveryVariantRendersAndEverySecretItReadsIsProvided() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            XCTAssertGreaterThanOrEqual(rendered.objects("Deployment").count, 10, name)
            XCTAssertEqual(BundleChartCheck.secretProblems(rendered, bundle: prepared.bundle), [], name)
            XCTAssertEqual(BundleChartCheck.leakedSecrets(prepared), [], "\(name): values.yaml holds a secret value")
        }
    }

    func testEveryImageIsPinnedFromNoRetiredRegistryAndListedInTheReadme() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            XCTAssertEqual(BundleChartCheck.imageProblems(rendered), [], name)
            let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
            for image in Set(rendered.images.map(\.image)) {
                XCTAssertTrue(readme.contains("`\(image)`"), "\(name): the README does not list \(image)")
            }
        }
    }

    /// ConfigMap data takes only strings; the API server rejects anything else.
    func testEveryConfigMapValueIsAStringAndNoSecretIsInOne() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            let secrets = prepared.secrets.entries.values.map(\.value).filter { $0.count >= 8 }
            for configMap in rendered.objects("ConfigMap") {
                for (key, value) in configMap.object["data"] as? [String: Any] ?? [:] {
                    XCTAssertTrue(value is String, "\(name): ConfigMap \(configMap.name) \(key) is not a string")
                    if let text = value as? String {
                        XCTAssertFalse(secrets.contains { text.contains($0) }, "\(name): ConfigMap \(configMap.name) \(key) holds a secret")
                    }
                }
                let data = configMap.object["data"] as? [String: Any] ?? [:]
                XCTAssertNil(data["SECRET_KEY_BASE"], "\(name): Realtime's key base must not be in a ConfigMap")
                XCTAssertNil(data["DB_ENC_KEY"], "\(name): Realtime's database key must not be in a ConfigMap")
            }
        }
    }

    /// The four Ingresses: each host its own, the class where the controller needs it, and TLS.
    func testTheIngressesServeEachHostWithTheClassAndTLSAsked() throws {
        let expectations: [(String, [String: String], String?, Bool)] = [
            ("local", ["helicone-helicone-web": "helicone.localhost", "helicone-helicone-kong": "api.localhost", "helicone-helicone-worker": "oai.localhost"], "traefik", false),
            ("aws", ["helicone-helicone-web": "helicone.example.com", "helicone-helicone-kong": "api.example.com", "helicone-helicone-worker": "oai.example.com"], "traefik", true),
            ("gcp", ["helicone-helicone-web": "helicone.example.com", "helicone-helicone-kong": "api.example.com", "helicone-helicone-worker": "oai.example.com"], nil, false),
            ("Studio exposed, mail on, a TLS Secret", [
                "helicone-helicone-web": "helicone.example.com", "helicone-helicone-kong": "api.example.com",
                "helicone-helicone-worker": "oai.example.com", "helicone-helicone-studio": "studio.example.com",
            ], nil, true),
            ("an existing ingress controller, hosts of its own", [
                "observability-helicone-web": "helicone.internal.example", "observability-helicone-kong": "supabase.internal.example",
                "observability-helicone-worker": "llm-proxy.internal.example",
            ], "traefik", false),
            ("no ingress, Studio for port-forward", [:], nil, false),
        ]
        for (name, hosts, className, tls) in expectations {
            let (_, rendered) = try self.rendered(name)
            let ingresses = rendered.objects("Ingress")
            var found: [String: String] = [:]
            for ingress in ingresses {
                let spec = ingress.object["spec"] as? [String: Any] ?? [:]
                let rules = spec["rules"] as? [[String: Any]] ?? []
                XCTAssertEqual(rules.count, 1, "\(name): \(ingress.name)")
                found[ingress.name] = rules.first?["host"] as? String
                XCTAssertEqual(spec["ingressClassName"] as? String, className, "\(name): \(ingress.name)")
                let tlsHosts = (spec["tls"] as? [[String: Any]] ?? []).flatMap { $0["hosts"] as? [String] ?? [] }
                XCTAssertEqual(tlsHosts, tls ? [found[ingress.name] ?? ""] : [], "\(name): \(ingress.name)")
            }
            XCTAssertEqual(found, hosts, name)
        }
        let (_, gcp) = try rendered("gcp")
        for ingress in gcp.objects("Ingress") {
            XCTAssertEqual(ingress.annotations["kubernetes.io/ingress.class"], "gce")
            XCTAssertNotNil(ingress.annotations["networking.gke.io/managed-certificates"], ingress.name)
        }
        let ipNames = Set(gcp.objects("Ingress").compactMap { $0.annotations["kubernetes.io/ingress.global-static-ip-name"] })
        XCTAssertEqual(ipNames, ["helicone", "helicone-api", "helicone-worker"], "a static IP per load balancer")
    }

    /// The chart brings no ingress controller and no certificate issuer: the bundle installs
    /// Traefik and cert-manager unless present, and applies the ClusterIssuer every
    /// Let's Encrypt Ingress names.
    func testLetsEncryptIngressesNameTheIssuerTheBundleApplies() throws {
        let (aws, rendered) = try self.rendered("aws")
        let issuerText = try XCTUnwrap(aws.bundle[IngressAddOns.clusterIssuerPath]?.contents, "the ClusterIssuer is in the bundle")
        let issuer = try XCTUnwrap(try Yams.load_all(yaml: issuerText).compactMap { $0 as? [String: Any] }.first)
        let issuerName = try XCTUnwrap((issuer["metadata"] as? [String: Any])?["name"] as? String)
        XCTAssertEqual(issuer["kind"] as? String, "ClusterIssuer")
        let ingresses = rendered.objects("Ingress")
        XCTAssertEqual(ingresses.count, 3)
        for ingress in ingresses {
            XCTAssertEqual(ingress.annotations["cert-manager.io/cluster-issuer"], issuerName, ingress.name)
        }
        let prerequisites = try XCTUnwrap(aws.bundle["scripts/30-prerequisites.sh"]?.contents)
        for needed in ["apply_manifest \(IngressAddOns.clusterIssuerPath)", TraefikAddOns.valuesPath, IngressAddOns.certManagerValuesPath,
                       "TRAEFIK_VERSION='\(ClusterAddOn.traefik.version)'", "CERT_MANAGER_VERSION='\(ClusterAddOn.certManager.version)'"] {
            XCTAssertTrue(prerequisites.contains(needed), "30-prerequisites.sh lacks \(needed)")
        }
        let readme = try XCTUnwrap(aws.bundle["README.md"]?.contents)
        for image in IngressAddOns.images(ingress: try IngressPlan(PlanReader(answers: aws.answers))) {
            XCTAssertTrue(readme.contains(image.reference), "the README lists \(image.reference)")
        }

        let own = try TestProject.prepare(
            app: "helicone", preset: "aws", sets: (AppTestFixture.helicone.openAnswers["aws"] ?? []) + ["ingress.installCertManager=false"])
        XCTAssertNotNil(own.bundle[IngressAddOns.clusterIssuerPath])
        XCTAssertNil(own.bundle[IngressAddOns.certManagerValuesPath], "the cluster's cert-manager is used")
        let ownPrerequisites = try XCTUnwrap(own.bundle["scripts/30-prerequisites.sh"]?.contents)
        XCTAssertFalse(ownPrerequisites.contains("CERT_MANAGER_VERSION"), ownPrerequisites)
        XCTAssertTrue(ownPrerequisites.contains("kube get crd clusterissuers.cert-manager.io"), ownPrerequisites)

        for (name, prepared) in try TestProject.heliconeVariants() where prepared.answers["ingress.type"]?.description != "nginx" {
            XCTAssertNil(prepared.bundle[IngressAddOns.ingressNginxValuesPath], "\(name): no ingress-nginx without ingress.type=nginx")
        }
    }

    func testStudioRunsOnlyWhenAskedFor() throws {
        for (name, _, rendered) in try renderedVariants() {
            let studio = rendered.objects("Deployment").contains { $0.name.hasSuffix("-helicone-studio") }
            XCTAssertEqual(studio, name.contains("Studio"), name)
        }
    }

    func testManagedClickHouseIsWhereWebWorkerAndTheMigrationsGo() throws {
        let (_, rendered) = try rendered("managed ClickHouse")
        for configMap in rendered.objects("ConfigMap") where configMap.name.hasSuffix("-helicone-web") || configMap.name.hasSuffix("-helicone-worker") {
            XCTAssertEqual((configMap.object["data"] as? [String: Any])?["CLICKHOUSE_HOST"] as? String, "https://abc123.us-east-1.aws.clickhouse.cloud:8443")
        }
        let web = try XCTUnwrap(rendered.objects("Deployment").first { $0.name.hasSuffix("-helicone-web") })
        let runner = RenderedChart.containers(in: web.object).first { $0["name"] as? String == "clickhouse-migration-runner" }
        let host = (runner?["env"] as? [[String: Any]])?.first { $0["name"] as? String == "CLICKHOUSE_HOST" }?["value"] as? String
        XCTAssertEqual(host, "https://abc123.us-east-1.aws.clickhouse.cloud:8443")
    }

    private func container(_ rendered: RenderedChart, deployment suffix: String, _ name: String) throws -> [String: Any] {
        let deployment = try XCTUnwrap(rendered.objects("Deployment").first { $0.name.hasSuffix(suffix) }, suffix)
        return try XCTUnwrap(RenderedChart.containers(in: deployment.object).first { $0["name"] as? String == name }, name)
    }

    private func env(_ container: [String: Any], _ name: String) -> [String: Any]? {
        (container["env"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    private func strategy(_ rendered: RenderedChart, _ suffix: String) -> String? {
        let deployment = rendered.objects("Deployment").first { $0.name.hasSuffix(suffix) }
        return ((deployment?.object["spec"] as? [String: Any])?["strategy"] as? [String: Any])?["type"] as? String
    }

    /// Realtime's two keys come from a Secret through the post-renderer, never from a ConfigMap.
    func testRealtimeReadsItsKeysFromASecret() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            let realtime = try container(rendered, deployment: "-helicone-realtime", "helicone-realtime")
            let secret = prepared.bundle["secrets/realtime.secret.yaml"] == nil ? "realtime-keys" : "helicone-realtime"
            for key in ["SECRET_KEY_BASE", "DB_ENC_KEY"] {
                let ref = (env(realtime, key)?["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any]
                XCTAssertEqual(ref?["name"] as? String, secret, "\(name): \(key)")
                XCTAssertEqual(ref?["key"] as? String, key, "\(name): \(key)")
            }
        }
    }

    /// The chart's ClickHouse keeps its data on a volume of clickhouse.storage; volumes are
    /// replaced, not rolled; a managed ClickHouse leaves the chart's own out.
    func testClickHouseKeepsItsDataAndEveryVolumeIsReplacedNotRolled() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            XCTAssertEqual(strategy(rendered, "-helicone-db"), "Recreate", name)
            XCTAssertEqual(strategy(rendered, "-helicone-storage"), "Recreate", name)
            let clickhouse = rendered.objects("Deployment").first { $0.name.hasSuffix("-helicone-clickhouse") }
            guard prepared.answers["clickhouse.mode"]?.description == "in-cluster" else {
                XCTAssertNil(clickhouse, "\(name): a managed ClickHouse leaves the chart's own out")
                XCTAssertFalse(rendered.objects("Service").contains { $0.name.hasSuffix("-helicone-clickhouse") }, name)
                continue
            }
            XCTAssertEqual(strategy(rendered, "-helicone-clickhouse"), "Recreate", name)
            let server = try container(rendered, deployment: "-helicone-clickhouse", "helicone-clickhouse")
            let mounts = server["volumeMounts"] as? [[String: Any]] ?? []
            let mount = try XCTUnwrap(mounts.first { $0["mountPath"] as? String == "/var/lib/clickhouse" }, name)
            let spec = ((clickhouse?.object["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
            let volume = (spec?["volumes"] as? [[String: Any]])?.first { $0["name"] as? String == mount["name"] as? String }
            let claim = try XCTUnwrap((volume?["persistentVolumeClaim"] as? [String: Any])?["claimName"] as? String, name)
            let pvc = try XCTUnwrap(rendered.objects("PersistentVolumeClaim").first { $0.name == claim }, "\(name): no claim \(claim)")
            let requested = ((pvc.object["spec"] as? [String: Any])?["resources"] as? [String: Any])?["requests"] as? [String: Any]
            XCTAssertEqual(requested?["storage"] as? String, prepared.answers["clickhouse.storage"]?.description, name)
            XCTAssertEqual(pvc.annotations["helm.sh/resource-policy"], "keep", "\(name): helm uninstall keeps the data")
        }
    }

    /// With the operator's own Secrets, no workload reads one of the chart's fixed names.
    func testTheOperatorsOwnSecretsAreWhatEveryWorkloadReads() throws {
        let (_, rendered) = try rendered("every Secret the operator's own")
        let read = Set(rendered.secretUses.map(\.secret))
        XCTAssertEqual(read, ["supabase-jwt", "pg-credentials", "clickhouse-cloud", "ses-smtp", "realtime-keys"])
    }

    func testMailIsSentFromTheFromAddress() throws {
        let (_, rendered) = try rendered("Studio exposed, mail on, a TLS Secret")
        let auth = try container(rendered, deployment: "-helicone-auth", "helicone-auth")
        let sender = try XCTUnwrap(env(auth, "GOTRUE_SMTP_ADMIN_EMAIL"))
        XCTAssertEqual(sender["value"] as? String, "helicone@example.com")
        XCTAssertNil(sender["valueFrom"])
        let user = (env(auth, "GOTRUE_SMTP_USER")?["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any]
        XCTAssertEqual(user?["key"] as? String, "SMTP_USERNAME")
    }

    /// On GKE each Ingress has its own load balancer, address and Google-managed certificate.
    func testEachGoogleLoadBalancerHasItsManagedCertificate() throws {
        let (_, rendered) = try rendered("gcp")
        let certificates = Dictionary(uniqueKeysWithValues: rendered.objects("ManagedCertificate").map { certificate in
            (certificate.name, ((certificate.object["spec"] as? [String: Any])?["domains"] as? [String]) ?? [])
        })
        XCTAssertEqual(certificates.count, 3)
        for ingress in rendered.objects("Ingress") {
            let host = (((ingress.object["spec"] as? [String: Any])?["rules"] as? [[String: Any]])?.first?["host"] as? String) ?? ""
            let name = try XCTUnwrap(ingress.annotations["networking.gke.io/managed-certificates"], ingress.name)
            XCTAssertEqual(certificates[name], [host], ingress.name)
        }
        // Kong answers 404 at /, where GKE checks health by default: the API's check reads Kong's status API.
        let service = try XCTUnwrap(rendered.objects("Service").first { $0.name == "helicone-helicone-kong" })
        XCTAssertEqual(service.annotations["cloud.google.com/backend-config"], "{\"default\": \"helicone-kong\"}")
        let backend = try XCTUnwrap(rendered.objects("BackendConfig").first { $0.name == "helicone-kong" })
        let check = (backend.object["spec"] as? [String: Any])?["healthCheck"] as? [String: Any]
        XCTAssertEqual(check?["requestPath"] as? String, "/status")
        XCTAssertEqual(check?["port"] as? Int, 8100)
        let kong = try container(rendered, deployment: "-helicone-kong", "helicone-kong")
        XCTAssertTrue((kong["ports"] as? [[String: Any]] ?? []).contains { $0["containerPort"] as? Int == 8100 })
        let configMap = try XCTUnwrap(rendered.objects("ConfigMap").first { $0.name == "helicone-helicone-kong" })
        XCTAssertEqual((configMap.object["data"] as? [String: Any])?["KONG_STATUS_LISTEN"] as? String, "0.0.0.0:8100")
    }

    /// What the install runs, as the chart renders it through the post-renderer, has no image in
    /// a critical or high range of the advisories rigger knows that its configuration reaches.
    func testNoImageTheInstallRunsHasAKnownAdvisory() throws {
        let table = try XCTUnwrap(AppRegistry.standard.entry("helicone")).app.advisoryTable
        for (name, _, rendered) in try renderedVariants() {
            let images = rendered.images.map { BundleImage($0.workload, $0.image) }
            XCTAssertEqual(AdvisoryFinding.findings(images, table: table).filter(\.advisory.refusesNewInstalls).map(\.summary), [], name)
            let clickHouse = images.filter { $0.reference.contains("clickhouse-server") }.map(\.reference)
            XCTAssertTrue(clickHouse.allSatisfy { $0 == "clickhouse/clickhouse-server:23.8.16.40" }, "\(name): \(clickHouse)")
        }
    }
}
