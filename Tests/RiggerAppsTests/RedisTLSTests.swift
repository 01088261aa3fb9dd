import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// TLS to a managed Redis (ElastiCache takes an AUTH token only over TLS): PostHog reads a
/// rediss:// REDIS_URL from the Secret, and its plugin server is made to read it too.
final class RedisTLSTests: XCTestCase {
    private let token = "p@ss:w/rd?#%tok"

    private func awsManaged(_ sets: [String] = [], token: String? = nil) throws -> PreparedBundle {
        try TestProject.prepare(
            preset: "aws-managed", sets: TestProject.openAnswers["aws-managed"]! + sets,
            secrets: ["postgresql.password": "rds-Password-1", "redis.password": token ?? self.token])
    }

    func testTheAwsManagedPresetReachesElastiCacheOverTLSWithTheTokenInTheURL() throws {
        let prepared = try awsManaged()
        XCTAssertEqual(prepared.answers["redis.tls"], .bool(true))
        let secret = try XCTUnwrap(prepared.bundle["secrets/redis.secret.yaml"]?.contents)
        let url = try XCTUnwrap(try Yams.compose(yaml: secret)?["stringData"]?["redis-url"]?.string)
        let components = try XCTUnwrap(URLComponents(string: url), url)
        XCTAssertEqual(components.scheme, "rediss")
        XCTAssertEqual(components.host, "posthog.abc123.use1.cache.amazonaws.com")
        XCTAssertEqual(components.port, 6379)
        XCTAssertEqual(components.password, token, "the token comes back whole once decoded")
        XCTAssertEqual(components.queryItems, [URLQueryItem(name: "ssl_cert_reqs", value: "required")])
        XCTAssertFalse(url.contains(token), "the raw token has reserved characters: it must be encoded")

        let values = try XCTUnwrap(prepared.bundle["values.yaml"]?.contents)
        XCTAssertFalse(values.contains(token))
        let env = try XCTUnwrap(try Yams.load(yaml: values) as? [String: Any])["env"] as? [[String: Any]]
        XCTAssertEqual(env?.first?["name"] as? String, "REDIS_URL")
        let ref = (env?.first?["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: String]
        XCTAssertEqual(ref, ["name": "posthog-redis-auth", "key": "redis-url"])
        XCTAssertTrue(prepared.bundle.paths.contains { $0.hasPrefix("helm-plugins/rigger-post-render/patches/") && $0.hasSuffix("-deployment-posthog-plugins.yaml") })
    }

    func testWithoutTLSThereIsNoURLAndNoPatch() throws {
        // Without TLS PostHog builds the URL itself, unencoded: only a URL-safe token is taken.
        let prepared = try awsManaged(["redis.tls=false"], token: "elasticache-Token-1")
        XCTAssertFalse(try XCTUnwrap(prepared.bundle["secrets/redis.secret.yaml"]?.contents).contains("redis-url"))
        XCTAssertFalse(try XCTUnwrap(prepared.bundle["values.yaml"]?.contents).contains("REDIS_URL"))
        XCTAssertTrue(prepared.bundle.paths.allSatisfy { !$0.hasSuffix("-deployment-posthog-plugins.yaml") }, "no patch of the plugin server")
    }

    func testAnExistingSecretMustHoldTheURLTooAndThePreflightChecksIt() throws {
        let prepared = try awsManaged(["redis.existingSecret=elasticache", "redis.existingSecretKey=token"])
        XCTAssertNil(prepared.bundle["secrets/redis.secret.yaml"])
        let preflight = try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents)
        XCTAssertTrue(preflight.contains("REDIS_SECRET='elasticache'"), preflight)
        XCTAssertTrue(preflight.contains("REDIS_SECRET_KEY_1='token'") && preflight.contains("REDIS_SECRET_KEY_2='redis-url'"), preflight)
    }

    /// On the real chart, through the bundle's post-renderer: every PostHog container that reads
    /// Redis gets REDIS_URL from the Secret, and the plugin server no longer gets the host.
    func testOnTheRealChartEveryRedisClientReadsTheTLSURL() throws {
        let chart = try TestTools.chart("posthog")
        let rendered = try RealChartRender.render(try awsManaged(), chart: chart, name: "aws-managed")
        var sawPlugins = false
        for document in rendered.objects("Deployment") {
            for container in RenderedChart.containers(in: document.object) {
                let env = (container["env"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                guard env.contains("POSTHOG_REDIS_PORT") else { continue }
                XCTAssertTrue(env.contains("REDIS_URL"), "\(document.name)/\(container["name"] ?? "")")
                // Only the plugin server prefers the host; Django (and its init containers) reads REDIS_URL first.
                if document.name == "posthog-plugins", container["name"] as? String == "posthog-plugins" {
                    sawPlugins = true
                    XCTAssertFalse(env.contains("POSTHOG_REDIS_HOST"), "the plugin server would connect without TLS")
                }
            }
        }
        XCTAssertTrue(sawPlugins)
    }
}
