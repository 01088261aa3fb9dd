import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The objects a Plausible bundle writes under manifests/: the kinds Kubernetes knows checked by
/// kubernetes-validate, the custom resources (CloudNativePG, GKE, cert-manager) field by field;
/// and the scripts and YAML of every variant through shellcheck and yamllint.
final class PlausibleManifestTests: XCTestCase {
    private typealias Bundles = PlausibleTestBundles

    private func object(_ prepared: PreparedBundle, kind: String) throws -> [String: Any] {
        let found = try Bundles.manifestObjects(prepared.bundle).filter { $0.object["kind"] as? String == kind }
        XCTAssertEqual(found.count, 1, "one \(kind)")
        return try XCTUnwrap(found.first?.object)
    }

    private func string(_ map: [String: Any], _ path: String) -> String? { Bundles.value(map, path) as? String }

    func testThePostgreSQLClusterBootstrapsTheDatabaseWithTheBundlesCredentials() throws {
        let prepared = try Bundles.prepare("gcp", ["storageClass=premium-rwo", "release=analytics"])
        let cluster = try object(prepared, kind: "Cluster")
        XCTAssertEqual(string(cluster, "apiVersion"), "postgresql.cnpg.io/v1")
        XCTAssertEqual(string(cluster, "metadata.name"), "analytics-postgresql")
        XCTAssertEqual(string(cluster, "metadata.namespace"), "plausible")
        XCTAssertEqual(Bundles.value(cluster, "spec.instances") as? Int, 1)
        let image = try XCTUnwrap(ImageReference(try XCTUnwrap(string(cluster, "spec.imageName"))))
        XCTAssertTrue(image.isPinned)
        XCTAssertEqual(image.registry + "/" + image.repository, "ghcr.io/cloudnative-pg/postgresql")
        XCTAssertTrue(image.tag?.hasPrefix("17.") == true, "PostgreSQL stays on one major version")
        XCTAssertEqual(string(cluster, "spec.storage.size"), "10Gi")
        XCTAssertEqual(string(cluster, "spec.storage.storageClass"), "premium-rwo")
        // CloudNativePG requires a basic-auth Secret whose user is the owner.
        let credentials = try XCTUnwrap(try Bundles.documents(prepared.bundle, "secrets/postgresql.secret.yaml").first)
        XCTAssertEqual(string(credentials, "type"), "kubernetes.io/basic-auth")
        XCTAssertEqual(string(cluster, "spec.bootstrap.initdb.secret.name"), string(credentials, "metadata.name"))
        XCTAssertEqual(string(cluster, "spec.bootstrap.initdb.owner"), string(credentials, "stringData.username"))
        let url = try XCTUnwrap(URLComponents(string: try XCTUnwrap(try Bundles.secretData(prepared, "plausible-env.secret.yaml")?["DATABASE_URL"])))
        XCTAssertEqual(url.path, "/" + (try XCTUnwrap(string(cluster, "spec.bootstrap.initdb.database"))))
        XCTAssertEqual(url.host, "\(try XCTUnwrap(string(cluster, "metadata.name")))-rw")
    }

    func testClickHouseReadsItsPasswordAndServesTheURLsHost() throws {
        let prepared = try Bundles.prepare("local", ["storageClass=local-path"])
        let statefulSet = try object(prepared, kind: "StatefulSet")
        let service = try object(prepared, kind: "Service")
        XCTAssertEqual(string(statefulSet, "spec.serviceName"), string(service, "metadata.name"))
        let url = try XCTUnwrap(URLComponents(string: try XCTUnwrap(try Bundles.secretData(prepared, "plausible-env.secret.yaml")?["CLICKHOUSE_DATABASE_URL"])))
        XCTAssertEqual(url.host, string(service, "metadata.name"))
        let container = try XCTUnwrap((Bundles.value(statefulSet, "spec.template.spec.containers") as? [[String: Any]])?.first)
        let env = try XCTUnwrap(container["env"] as? [[String: Any]])
        XCTAssertEqual(env.first { $0["name"] as? String == "CLICKHOUSE_USER" }?["value"] as? String, url.user)
        let passwordRef = try XCTUnwrap(env.first { $0["name"] as? String == "CLICKHOUSE_PASSWORD" })
        let credentials = try XCTUnwrap(try Bundles.documents(prepared.bundle, "secrets/clickhouse.secret.yaml").first)
        XCTAssertEqual(Bundles.value(passwordRef, "valueFrom.secretKeyRef.name") as? String, string(credentials, "metadata.name"))
        XCTAssertEqual(url.password, try Bundles.secretData(prepared, "clickhouse.secret.yaml")?[try XCTUnwrap(Bundles.value(passwordRef, "valueFrom.secretKeyRef.key") as? String)])
        // Config files are mounted one by one, so the image's own config.d and users.d stay.
        let mounts = try XCTUnwrap(container["volumeMounts"] as? [[String: Any]]).filter { $0["name"] as? String == "config" }
        XCTAssertEqual(mounts.count, 3)
        XCTAssertTrue(mounts.allSatisfy { $0["subPath"] != nil })
        let claim = try XCTUnwrap((Bundles.value(statefulSet, "spec.volumeClaimTemplates") as? [[String: Any]])?.first)
        XCTAssertEqual(Bundles.value(claim, "spec.resources.requests.storage") as? String, "2Gi")
        XCTAssertEqual(Bundles.value(claim, "spec.storageClassName") as? String, "local-path")
        XCTAssertEqual(Bundles.value(statefulSet, "spec.replicas") as? Int, 1)
    }

    func testTheGoogleCertificateAndRedirectAreTheOnesTheIngressNames() throws {
        let prepared = try Bundles.prepare("gcp")
        let annotations = try XCTUnwrap(Bundles.value(try Bundles.values(prepared), "ingress.annotations") as? [String: String])
        let certificate = try object(prepared, kind: "ManagedCertificate")
        XCTAssertEqual(string(certificate, "apiVersion"), "networking.gke.io/v1")
        XCTAssertEqual(annotations["networking.gke.io/managed-certificates"], string(certificate, "metadata.name"))
        XCTAssertEqual(Bundles.value(certificate, "spec.domains") as? [String], ["plausible.example.com"])
        let frontend = try object(prepared, kind: "FrontendConfig")
        XCTAssertEqual(string(frontend, "apiVersion"), "networking.gke.io/v1beta1")
        XCTAssertEqual(annotations["networking.gke.io/v1beta1.FrontendConfig"], string(frontend, "metadata.name"))
        XCTAssertEqual(Bundles.value(frontend, "spec.redirectToHttps.enabled") as? Bool, true)
        let verify = try XCTUnwrap(prepared.bundle["scripts/50-verify.sh"]?.contents)
        XCTAssertTrue(verify.contains("MANAGED_CERTIFICATE='\(try XCTUnwrap(string(certificate, "metadata.name")))'"), verify)

        let withoutTLS = try Bundles.prepare("gcp", ["ingress.tls=none"])
        XCTAssertNil(withoutTLS.bundle[PlausibleTestPaths.gkeIngress])
        let plain = try XCTUnwrap(Bundles.value(try Bundles.values(withoutTLS), "ingress.annotations") as? [String: String])
        XCTAssertNil(plain["networking.gke.io/managed-certificates"])
        XCTAssertNil(plain["networking.gke.io/v1beta1.FrontendConfig"])
    }

    func testTheClusterIssuerIsTheOneTheIngressNames() throws {
        let prepared = try Bundles.prepare("aws")
        let issuer = try object(prepared, kind: "ClusterIssuer")
        XCTAssertEqual(string(issuer, "apiVersion"), "cert-manager.io/v1")
        XCTAssertNil(Bundles.value(issuer, "metadata.namespace"), "a ClusterIssuer is cluster-wide")
        let annotations = try XCTUnwrap(Bundles.value(try Bundles.values(prepared), "ingress.annotations") as? [String: String])
        XCTAssertEqual(annotations["cert-manager.io/cluster-issuer"], string(issuer, "metadata.name"))
        XCTAssertEqual(string(issuer, "spec.acme.email"), "ops@example.com")
        XCTAssertEqual(string(issuer, "spec.acme.server"), "https://acme-v02.api.letsencrypt.org/directory")
        let solver = try XCTUnwrap((Bundles.value(issuer, "spec.acme.solvers") as? [[String: Any]])?.first)
        XCTAssertEqual(Bundles.value(solver, "http01.ingress.ingressClassName") as? String, "traefik")
        let prerequisites = try XCTUnwrap(prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
        XCTAssertTrue(prerequisites.contains("apply_manifest \(PlausibleTestPaths.clusterIssuer)"))
        XCTAssertTrue(prerequisites.contains("CERT_MANAGER_VERSION='v1.20.2'"))
    }

    /// The cluster's own cert-manager (`ingress.installCertManager=false`, which the cluster probe
    /// sets when it finds one): the issuer still comes, cert-manager isn't installed but required.
    func testWithTheClustersOwnCertManagerOnlyTheIssuerIsApplied() throws {
        let prepared = try Bundles.prepare("aws", ["ingress.installCertManager=false"])
        XCTAssertNotNil(prepared.bundle[PlausibleTestPaths.clusterIssuer])
        XCTAssertNil(prepared.bundle["manifests/cert-manager.values.yaml"])
        let prerequisites = try XCTUnwrap(prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
        XCTAssertFalse(prerequisites.contains("CERT_MANAGER_VERSION"), prerequisites)
        XCTAssertTrue(prerequisites.contains("kube get crd clusterissuers.cert-manager.io"), prerequisites)
        XCTAssertTrue(prerequisites.contains("apply_manifest \(PlausibleTestPaths.clusterIssuer)"))
        let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
        XCTAssertFalse(readme.contains("quay.io/jetstack"), "no cert-manager image is pulled")
    }

    func testIngressNginxKeepsVisitorsAddresses() throws {
        let aws = try Bundles.documents(try Bundles.prepare("aws", ["ingress.type=nginx"]).bundle, "manifests/ingress-nginx.values.yaml").first ?? [:]
        XCTAssertEqual(Bundles.value(aws, "controller.config.use-proxy-protocol") as? String, "true")
        let annotations = try XCTUnwrap(Bundles.value(aws, "controller.service.annotations") as? [String: String])
        XCTAssertEqual(annotations["service.beta.kubernetes.io/aws-load-balancer-proxy-protocol"], "*")
        let local = try Bundles.documents(try Bundles.prepare("local", ["ingress.type=nginx"]).bundle, "manifests/ingress-nginx.values.yaml").first ?? [:]
        XCTAssertEqual(Bundles.value(local, "controller.service.externalTrafficPolicy") as? String, "Local")
        XCTAssertNil(try Bundles.prepare("gcp").bundle["manifests/ingress-nginx.values.yaml"], "the Google load balancer needs no ingress-nginx")
    }

    func testEachVariantWritesTheManifestsItsChoicesNeedAndNoOthers() throws {
        for (name, prepared) in try Bundles.all() {
            let answers = prepared.answers
            let paths = Set(prepared.bundle.paths.filter { $0.hasPrefix("manifests/") })
            let pg = answers["postgresql.mode"]?.description == "in-cluster"
            XCTAssertEqual(paths.contains(PlausibleTestPaths.postgresql), pg, name)
            XCTAssertEqual(paths.contains("manifests/cloudnative-pg.values.yaml"), pg, name)
            XCTAssertEqual(paths.contains(PlausibleTestPaths.clickhouse), answers["clickhouse.mode"]?.description == "in-cluster", name)
            XCTAssertEqual(paths.contains(PlausibleTestPaths.clusterIssuer), answers["ingress.tls"]?.description == "letsencrypt", name)
            XCTAssertEqual(paths.contains("manifests/ingress-nginx.values.yaml"), answers["ingress.type"]?.description == "nginx", name)
            let prerequisites = try XCTUnwrap(prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
            for path in paths { XCTAssertTrue(prerequisites.contains(path), "\(name): 30-prerequisites.sh never uses \(path)") }
        }
    }

    func testKubernetesValidateAcceptsTheBuiltInKinds() throws {
        let kubernetesValidate = try TestTools.require("kubernetes-validate")
        let builtIn: Set<String> = ["ConfigMap", "Service", "StatefulSet", "Secret"]
        var validated = 0
        for (name, prepared) in try Bundles.all() {
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try TestProject.materialize(prepared.bundle, in: folder)
            var files = prepared.bundle.paths.filter { $0.hasPrefix("secrets/") }
            for path in prepared.bundle.paths where path.hasPrefix("manifests/") && !path.hasSuffix(".values.yaml") {
                let kinds = try Bundles.documents(prepared.bundle, path).compactMap { $0["kind"] as? String }
                if kinds.allSatisfy(builtIn.contains) { files.append(path) }
            }
            guard !files.isEmpty else { continue }
            let result = try runProgram(kubernetesValidate, ["--strict"] + files, directory: folder)
            XCTAssertEqual(result.status, 0, "\(name): kubernetes-validate rejected:\n\(result.output)\(result.error)")
            XCTAssertFalse(result.output.contains("ERROR"), "\(name): \(result.output)")
            validated += files.filter { $0.hasPrefix("manifests/") }.count
        }
        XCTAssertGreaterThan(validated, 5, "the ClickHouse manifests were never validated")
    }

    func testShellcheckAndYamllintPassOnEveryVariant() throws {
        let shellcheck = try TestTools.require("shellcheck")
        let yamllint = try TestTools.require("yamllint")
        let config = TestProject.fixtures.appendingPathComponent("yamllint.yaml").path
        for (name, prepared) in try Bundles.all() {
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try TestProject.materialize(prepared.bundle, in: folder)
            let scripts = prepared.bundle.paths.filter { $0.hasSuffix(".sh") }
            let checked = try runProgram(shellcheck, ["--severity=style", "--shell=bash"] + scripts, directory: folder)
            XCTAssertEqual(checked.status, 0, "\(name): shellcheck:\n\(checked.output)\(checked.error)")
            let yaml = prepared.bundle.paths.filter { $0.hasSuffix(".yaml") }
            let linted = try runProgram(yamllint, ["--strict", "-c", config] + yaml, directory: folder)
            XCTAssertEqual(linted.status, 0, "\(name): yamllint:\n\(linted.output)\(linted.error)")
        }
    }
}
