import Foundation
import RiggerApps
import RiggerCluster
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// TLS to managed PostgreSQL and Redis, as the real charts render it through the post-renderer:
/// every container that opens a connection to the server itself gets the TLS mode and the path of a
/// CA mounted from a Secret the bundle's preflight checks, and the Cloud SQL Auth Proxy is what
/// its answers say.
final class ManagedTLSRealChartTests: XCTestCase {
    private struct Container {
        let workload: String
        let name: String
        let env: [String: String]
        /// Mount path to the Secret mounted there.
        let secretMounts: [String: String]
    }

    private func containers(_ rendered: RenderedChart) -> [Container] {
        var found: [Container] = []
        for document in rendered.documents where ["Deployment", "Job", "StatefulSet"].contains(document.kind) {
            let template = (document.object["spec"] as? [String: Any])?["template"] as? [String: Any]
            let spec = template?["spec"] as? [String: Any] ?? [:]
            var secrets: [String: String] = [:]
            for volume in spec["volumes"] as? [[String: Any]] ?? [] {
                if let name = volume["name"] as? String, let secret = (volume["secret"] as? [String: Any])?["secretName"] as? String { secrets[name] = secret }
            }
            let all = (spec["initContainers"] as? [[String: Any]] ?? []) + (spec["containers"] as? [[String: Any]] ?? [])
            for container in all {
                var env: [String: String] = [:]
                for entry in container["env"] as? [[String: Any]] ?? [] {
                    guard let name = entry["name"] as? String else { continue }
                    env[name] = entry["value"] as? String ?? (entry["valueFrom"] != nil ? "<secret>" : "")
                }
                var mounts: [String: String] = [:]
                for mount in container["volumeMounts"] as? [[String: Any]] ?? [] {
                    if let path = mount["mountPath"] as? String, let volume = mount["name"] as? String, let secret = secrets[volume] { mounts[path] = secret }
                }
                found.append(Container(workload: "\(document.kind)/\(document.name)", name: container["name"] as? String ?? "", env: env, secretMounts: mounts))
            }
        }
        return found
    }

    /// The Secret mounted at the folder of `file`, if any.
    private func secret(mountedFor file: String, in container: Container) -> String? {
        container.secretMounts.first { file.hasPrefix($0.key + "/") }?.value
    }

    private func postHogBundles() throws -> [(String, PreparedBundle)] {
        [
            ("gcp-managed", try TestProject.presetBundle("gcp-managed")),
            ("aws-managed", try TestProject.presetBundle("aws-managed")),
            ("gcp-managed through the proxy", try TestProject.cloudSQLProxyBundle(privateIP: true)),
        ]
    }

    func testEveryPostHogContainerThatReachesTheServersUsesTLSWithAMountedCA() throws {
        let chart = try TestTools.chart("posthog")
        for (name, prepared) in try postHogBundles() {
            let rendered = try RealChartRender.render(prepared, chart: chart, name: name)
            let preflight = try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents)
            let all = containers(rendered)
            let viaProxy = prepared.answers["postgresql.connection"]?.description == "cloud-sql-proxy"
            let serverHost = viaProxy ? "analytics-cloud-sql-proxy" : try XCTUnwrap(prepared.answers["postgresql.host"]?.description)

            // Who reaches PostgreSQL itself: PgBouncer, and the migration job.
            let direct = all.filter { $0.env["POSTGRESQL_HOST"] == serverHost || $0.env["POSTHOG_POSTGRES_HOST"] == serverHost }
            XCTAssertEqual(Set(direct.map(\.name)), ["posthog-pgbouncer", "migrate-job"], name)
            for container in direct {
                let mode = container.env["PGBOUNCER_SERVER_TLS_SSLMODE"] ?? container.env["PGSSLMODE"]
                let caFile = container.env["PGBOUNCER_SERVER_TLS_CA_FILE"] ?? container.env["PGSSLROOTCERT"]
                if viaProxy {
                    XCTAssertNil(mode, "\(name) \(container.workload): the proxy's Service is plain inside the namespace")
                    continue
                }
                XCTAssertEqual(mode, prepared.answers["postgresql.sslmode"]?.description, "\(name) \(container.workload)")
                let file = try XCTUnwrap(caFile, "\(name) \(container.workload) names no CA")
                let secret = try XCTUnwrap(secret(mountedFor: file, in: container), "\(name) \(container.workload): nothing mounted at \(file)")
                XCTAssertEqual(secret, prepared.answers["postgresql.caSecret"]?.description, name)
                XCTAssertTrue(preflight.contains("POSTGRESQL_CA_SECRET='\(secret)'"), "\(name): 00-preflight.sh doesn't check \(secret)")
            }
            // Every pod that talks to PgBouncer is told no TLS mode of its own: PgBouncer offers none.
            for container in all where container.env["POSTHOG_POSTGRES_HOST"]?.hasSuffix("-pgbouncer") == true {
                XCTAssertNil(container.env["PGSSLMODE"], "\(name) \(container.workload)/\(container.name)")
            }

            // Every Redis client reads REDIS_URL over TLS, and the CA where one is named.
            let redisCA = prepared.answers["redis.caSecret"]?.description
            for container in all where container.env["REDIS_URL"] != nil {
                guard let redisCA else { continue }
                let mounted = secret(mountedFor: "/etc/posthog/redis-ca/ca.crt", in: container)
                XCTAssertEqual(mounted, redisCA, "\(name) \(container.workload)/\(container.name) lacks Redis's CA")
                XCTAssertTrue(preflight.contains("REDIS_CA_SECRET='\(redisCA)'"), name)
                if container.name == "posthog-plugins" {
                    XCTAssertEqual(container.env["NODE_EXTRA_CA_CERTS"], "/etc/posthog/redis-ca/ca.crt", name)
                    XCTAssertNil(container.env["POSTHOG_REDIS_HOST"], "\(name): the plugin server would connect without TLS")
                }
            }
            XCTAssertGreaterThanOrEqual(all.filter { $0.env["REDIS_URL"] != nil }.count, 8, name)
            XCTAssertEqual(BundleChartCheck.secretProblems(rendered, bundle: prepared.bundle), [], name)
        }
    }

    /// The passwords reach the connection strings intact: percent-encoded in REDIS_URL, with the CA's path.
    func testAPasswordWithURLReservedCharactersReachesTheRedisURL() throws {
        let prepared = try TestProject.cloudSQLProxyBundle()
        let secret = try XCTUnwrap(prepared.bundle["secrets/redis.secret.yaml"]?.contents)
        let document = try XCTUnwrap(try Yams.load(yaml: secret) as? [String: Any])
        let data = try XCTUnwrap((document["stringData"] ?? document["data"]) as? [String: String])
        let raw = try XCTUnwrap(data["redis-url"])
        let url = document["data"] != nil ? String(decoding: try XCTUnwrap(Data(base64Encoded: raw)), as: UTF8.self) : raw
        let components = try XCTUnwrap(URLComponents(string: url), url)
        XCTAssertEqual(components.scheme, "rediss")
        XCTAssertEqual(components.password, TestProject.reservedCharactersPassword)
        XCTAssertEqual(components.host, "10.30.0.4")
        XCTAssertEqual(components.port, 6378)
        let query = Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        XCTAssertEqual(query, ["ssl_cert_reqs": "required", "ssl_ca_certs": "/etc/posthog/redis-ca/ca.crt"])
        let password = try XCTUnwrap(prepared.bundle["secrets/postgresql.secret.yaml"]?.contents)
        XCTAssertTrue(password.contains(Data(TestProject.reservedCharactersPassword.utf8).base64EncodedString())
            || password.contains(TestProject.reservedCharactersPassword), "the PostgreSQL password is kept as given")
    }

    func testTheAuthProxyIsPinnedAndRunsAsItsAnswersSay() throws {
        for privateIP in [true, false] {
            let prepared = try TestProject.cloudSQLProxyBundle(privateIP: privateIP)
            let text = try XCTUnwrap(prepared.bundle[CloudSQLProxyAddOn.manifestPath]?.contents)
            let documents = try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
            let kinds = documents.map { $0["kind"] as? String ?? "" }
            XCTAssertEqual(kinds, ["ServiceAccount", "Deployment", "Service", "PodDisruptionBudget"])
            let account = documents[0]["metadata"] as? [String: Any]
            XCTAssertEqual((account?["annotations"] as? [String: String])?["iam.gke.io/gcp-service-account"],
                "cloudsql-client@example-project.iam.gserviceaccount.com")
            let pod = ((documents[1]["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any]
            XCTAssertEqual(pod?["serviceAccountName"] as? String, account?["name"] as? String)
            let container = try XCTUnwrap((pod?["containers"] as? [[String: Any]])?.first)
            let image = try XCTUnwrap(container["image"] as? String)
            XCTAssertTrue(image.hasPrefix("gcr.io/cloud-sql-connectors/cloud-sql-proxy:2."), image)
            XCTAssertEqual(ImageFinding.findings([(workload: "proxy", image: image)]).count, 0, "pinned, from a live registry")
            let arguments = try XCTUnwrap(container["args"] as? [String])
            XCTAssertEqual(arguments.last, "example-project:europe-west1:analytics")
            XCTAssertEqual(arguments.contains("--private-ip"), privateIP)
            XCTAssertTrue(arguments.contains("--address=0.0.0.0") && arguments.contains("--port=5432"), "\(arguments)")
            // What the manifest requests is what the sizing table counts.
            let table = try XCTUnwrap(prepared.app.app.sizing(prepared.answers))
            let counted = try XCTUnwrap(table.components.first { $0.name == "Cloud SQL Auth Proxy" })
            let spec = try XCTUnwrap(documents[1]["spec"] as? [String: Any])
            XCTAssertEqual(counted.replicas, spec["replicas"] as? Int)
            let requests = (container["resources"] as? [String: Any])?["requests"] as? [String: String]
            XCTAssertEqual(requests?["cpu"], ContainerResources.cpu(counted.resources.cpuMillis))
            XCTAssertEqual(requests?["memory"], ContainerResources.memory(counted.resources.memoryMiB))
            let install = try XCTUnwrap(prepared.bundle["scripts/30-prerequisites.sh"]?.contents)
            XCTAssertTrue(install.contains("apply_manifest \(CloudSQLProxyAddOn.manifestPath)"))
            let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
            XCTAssertTrue(readme.contains("member='serviceAccount:example-project.svc.id.goog[product-analytics/analytics-cloud-sql-proxy]'"), readme)
        }
        let kubernetesValidate = try TestTools.require("kubernetes-validate")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("proxy.yaml")
        try XCTUnwrap(try TestProject.cloudSQLProxyBundle().bundle[CloudSQLProxyAddOn.manifestPath]?.contents).write(to: file, atomically: true, encoding: .utf8)
        let valid = try runProgram(kubernetesValidate, ["--strict", file.path], directory: folder)
        XCTAssertEqual(valid.status, 0, "kubernetes-validate:\n\(valid.output)\(valid.error)")
    }

    func testPlausibleThroughTheProxyConnectsToItsServiceWithoutACA() throws {
        let prepared = try PlausibleTestBundles.cloudSQLProxy()
        let environment = try XCTUnwrap(prepared.bundle["secrets/plausible-env.secret.yaml"]?.contents)
        XCTAssertTrue(environment.contains("@plausible-cloud-sql-proxy:5432/plausible") || environment.contains(Data("@plausible-cloud-sql-proxy:5432/plausible".utf8).base64EncodedString().prefix(8)),
            environment)
        let values = try XCTUnwrap(prepared.bundle["values.yaml"]?.contents)
        XCTAssertFalse(values.contains("DATABASE_CACERTFILE"))
        XCTAssertNotNil(prepared.bundle[CloudSQLProxyAddOn.manifestPath])
        let direct = try PlausibleTestBundles.prepare("gcp-managed")
        XCTAssertTrue(try XCTUnwrap(direct.bundle["values.yaml"]?.contents).contains("DATABASE_CACERTFILE"))
        XCTAssertNil(direct.bundle[CloudSQLProxyAddOn.manifestPath])
    }
}
