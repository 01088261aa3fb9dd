import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// values.yaml and the Secrets against what IMIO's plausible-analytics chart 0.4.1 really takes,
/// from fixtures derived from it: these run without the charts.
final class PlausibleChartTests: XCTestCase {
    private typealias Bundles = PlausibleTestBundles

    private func leafPaths(_ value: Any, prefix: String = "") -> [String] {
        guard let map = value as? [String: Any], !map.isEmpty else { return [prefix] }
        return map.flatMap { key, child in leafPaths(child, prefix: prefix.isEmpty ? key : prefix + "." + key) }
    }

    func testEveryKeyWrittenExistsInTheChart() throws {
        let chartPaths = Set(try TestProject.fixtureLines("plausible-analytics-0.4.1-value-paths.txt"))
        let freeForm = try TestProject.fixtureLines("plausible-free-form-value-maps.txt")
        XCTAssertGreaterThan(chartPaths.count, 100, "the chart key list looks truncated")
        for (name, prepared) in try Bundles.all() {
            for path in leafPaths(try Bundles.values(prepared)) where !freeForm.contains(where: { path.hasPrefix($0 + ".") }) {
                XCTAssertTrue(chartPaths.contains(path), "\(name): values.yaml writes \(path), which chart 0.4.1 does not have")
            }
        }
    }

    /// The chart reads every secret from one Secret: each key it reads under these values must
    /// be in the bundle's environment Secret, or checked by 00-preflight.sh in the operator's;
    /// and the bundle writes no key the chart doesn't read.
    func testTheEnvironmentSecretHoldsExactlyTheKeysTheChartReads() throws {
        let rules = try TestProject.fixtureLines("plausible-secret-keys.txt").map { $0.split(separator: " ").map(String.init) }
        for (name, prepared) in try Bundles.all() {
            let values = try Bundles.values(prepared)
            let read = Set(rules.filter { rule in
                rule.dropFirst().allSatisfy { condition in
                    if condition == "always" { return true }
                    let parts = condition.split(separator: "=", maxSplits: 1).map(String.init)
                    let found = Bundles.value(values, parts[0])
                    if parts.count == 2 { return (found as? String) == parts[1] }
                    return (found as? Bool) == true || ((found as? String).map { !$0.isEmpty } ?? false)
                }
            }.map { $0[0] })
            let secretName = try XCTUnwrap(Bundles.value(values, "secret.existingSecret") as? String, name)
            XCTAssertEqual(Bundles.value(values, "secret.create") as? Bool, false, "\(name): the chart would make its own SECRET_KEY_BASE")
            if let data = try Bundles.secretData(prepared, "plausible-env.secret.yaml") {
                XCTAssertEqual(Set(data.keys), read, name)
                XCTAssertEqual(try Bundles.documents(prepared.bundle, "secrets/plausible-env.secret.yaml").first.flatMap { Bundles.value($0, "metadata.name") as? String }, secretName)
            } else {
                let preflight = try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents)
                XCTAssertTrue(preflight.contains("PLAUSIBLE_ENV_SECRET='\(secretName)'"), "\(name): 00-preflight.sh doesn't check \(secretName)")
                for key in read { XCTAssertTrue(preflight.contains("='\(key)'"), "\(name): 00-preflight.sh doesn't check \(secretName) for \(key)") }
                XCTAssertFalse(preflight.contains("='SMTP_USER_PWD'") && !read.contains("SMTP_USER_PWD"), "\(name): SMTP_USER_PWD is demanded without mail")
            }
        }
    }

    func testTheChartRunsOnlyTheAppPinnedOnOneReplica() throws {
        for (name, prepared) in try Bundles.all() {
            let values = try Bundles.values(prepared)
            XCTAssertEqual(Bundles.value(values, "replicaCount") as? Int, 1, name)
            XCTAssertEqual(Bundles.value(values, "image.repository") as? String, "ghcr.io/plausible/community-edition", name)
            let tag = try XCTUnwrap(Bundles.value(values, "image.tag") as? String, name)
            XCTAssertTrue(tag.hasPrefix("v") && tag != "latest", name)
            for key in ["postgresql.enabled", "clickhouse.enabled", "plausibleInitContainers.enabled"] {
                XCTAssertEqual(Bundles.value(values, key) as? Bool, false, "\(name): \(key)")
            }
            for key in ["secretKeyBase", "totpVaultKey", "databaseURL", "clickhouseDatabaseURL", "mailer.smtp.password"] {
                XCTAssertNil(Bundles.value(values, key), "\(name): \(key) would put a secret in values.yaml")
            }
        }
    }

    func testRegistrationIsTheStringPlausibleReads() throws {
        for (answer, written) in [(nil, "invite_only"), ("invite-only", "invite_only"), ("closed", "true"), ("open", "false")] {
            let prepared = try Bundles.prepare("local", answer.map { ["plausible.registration=\($0)"] } ?? [])
            // A boolean false would make the chart leave DISABLE_REGISTRATION out altogether.
            XCTAssertEqual(Bundles.value(try Bundles.values(prepared), "disableRegistration") as? String, written)
        }
        XCTAssertThrowsError(try Bundles.prepare("local", ["plausible.registration=true"]), "the answer says who may register, not whether it is disabled")
    }

    func testBaseURLFollowsTheHostnameAndTLS() throws {
        let cases: [(String, [String], String)] = [
            ("aws", [], "https://plausible.example.com"),
            ("gcp", [], "https://plausible.example.com"),
            ("local", [], "http://plausible.localhost"),
            ("gcp", ["ingress.tls=none"], "http://plausible.example.com"),
            ("local", ["ingress.type=none"], "http://localhost:8000"),
        ]
        for (preset, sets, expected) in cases {
            let values = try Bundles.values(try Bundles.prepare(preset, sets))
            XCTAssertEqual(Bundles.value(values, "baseURL") as? String, expected, "\(preset) \(sets)")
        }
    }

    func testTheIngressMapsEachCommonAnswerOntoTheChart() throws {
        let gcp = try Bundles.values(try Bundles.prepare("gcp"))
        let gcpAnnotations = try XCTUnwrap(Bundles.value(gcp, "ingress.annotations") as? [String: String])
        XCTAssertEqual(gcpAnnotations["kubernetes.io/ingress.class"], "gce")
        XCTAssertEqual(gcpAnnotations["kubernetes.io/ingress.global-static-ip-name"], "plausible")
        XCTAssertEqual(gcpAnnotations["networking.gke.io/managed-certificates"], "plausible-certificate")
        XCTAssertEqual(gcpAnnotations["networking.gke.io/v1beta1.FrontendConfig"], "plausible-frontend")
        XCTAssertNil(Bundles.value(gcp, "ingress.tls"), "the Google-managed certificate needs no TLS Secret")
        XCTAssertEqual(Bundles.value(gcp, "ingress.hosts") as? [String], ["plausible.example.com"], "hosts are plain strings in this chart")

        let aws = try Bundles.values(try Bundles.prepare("aws"))
        XCTAssertEqual(Bundles.value(aws, "ingress.className") as? String, "traefik")
        XCTAssertEqual((Bundles.value(aws, "ingress.annotations") as? [String: String])?["cert-manager.io/cluster-issuer"], "plausible-letsencrypt")
        let tls = try XCTUnwrap((Bundles.value(aws, "ingress.tls") as? [[String: Any]])?.first)
        XCTAssertEqual(tls["secretName"] as? String, "plausible-tls")
        XCTAssertEqual(tls["hosts"] as? [String], ["plausible.example.com"])

        let existing = try Bundles.values(try Bundles.prepare("local", [
            "ingress.type=existing", "ingress.className=traefik", "ingress.tls=secret", "ingress.tlsSecretName=my-tls",
        ]))
        XCTAssertEqual(Bundles.value(existing, "ingress.className") as? String, "traefik")
        XCTAssertNil(Bundles.value(existing, "ingress.annotations"))
        XCTAssertEqual(((Bundles.value(existing, "ingress.tls") as? [[String: Any]])?.first)?["secretName"] as? String, "my-tls")

        let none = try Bundles.values(try Bundles.prepare("local", ["ingress.type=none"]))
        XCTAssertEqual(Bundles.value(none, "ingress.enabled") as? Bool, false)
        XCTAssertNil(Bundles.value(none, "ingress.hosts"))
    }

    func testMailIsSMTPWithTheUserAndItsPasswordTogether() throws {
        let withUser = try Bundles.prepare("local", Bundles.mailWithUser, secrets: ["email.password": "smtp-Password-1"])
        let values = try Bundles.values(withUser)
        XCTAssertEqual(Bundles.value(values, "mailer.adapter") as? String, "Bamboo.Mua")
        XCTAssertEqual(Bundles.value(values, "mailer.smtp.port") as? String, "587")
        XCTAssertEqual(Bundles.value(values, "mailer.smtp.auth") as? Bool, true)
        XCTAssertEqual(Bundles.value(values, "mailer.smtp.username") as? String, "AKIAEXAMPLE")
        XCTAssertEqual(Bundles.value(values, "mailer.smtp.ssl") as? Bool, false, "587 is STARTTLS, not TLS from the first byte")
        XCTAssertEqual(try Bundles.secretData(withUser, "plausible-env.secret.yaml")?["SMTP_USER_PWD"], "smtp-Password-1")

        let withoutUser = try Bundles.prepare("local", ["email.enabled=true", "email.host=smtp.example.com", "email.port=465", "email.from=a@example.com"])
        let plain = try Bundles.values(withoutUser)
        XCTAssertEqual(Bundles.value(plain, "mailer.smtp.auth") as? Bool, false, "Plausible refuses a user without a password")
        XCTAssertNil(Bundles.value(plain, "mailer.smtp.username"))
        XCTAssertEqual(Bundles.value(plain, "mailer.smtp.ssl") as? Bool, true)
        XCTAssertNil(try Bundles.secretData(withoutUser, "plausible-env.secret.yaml")?["SMTP_USER_PWD"])
    }

    func testTLSToAManagedPostgreSQLMountsTheCAAndNamesIt() throws {
        let prepared = try Bundles.prepare("aws-managed")
        let values = try Bundles.values(prepared)
        let volume = try XCTUnwrap((Bundles.value(values, "extraVolumes") as? [[String: Any]])?.first)
        XCTAssertEqual(Bundles.value(volume, "secret.secretName") as? String, "plausible-postgresql-ca")
        let mount = try XCTUnwrap((Bundles.value(values, "extraVolumeMounts") as? [[String: Any]])?.first)
        let env = try XCTUnwrap((Bundles.value(values, "extraEnv") as? [[String: Any]])?.first)
        XCTAssertEqual(env["name"] as? String, "DATABASE_CACERTFILE")
        XCTAssertEqual(env["value"] as? String, "\(try XCTUnwrap(mount["mountPath"] as? String))/ca.crt")
        XCTAssertEqual(mount["name"] as? String, volume["name"] as? String)
        // No sslmode in the URL: v3.0.1 takes TLS from DATABASE_CACERTFILE.
        let url = try XCTUnwrap(try Bundles.secretData(prepared, "plausible-env.secret.yaml")?["DATABASE_URL"])
        XCTAssertFalse(url.contains("?"), url)
        XCTAssertTrue(try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents).contains("POSTGRESQL_CA_SECRET='plausible-postgresql-ca'"))

        let plain = try Bundles.values(try Bundles.prepare("aws-managed", ["postgresql.sslmode=disable"]))
        XCTAssertNil(Bundles.value(plain, "extraEnv"))
        XCTAssertNil(Bundles.value(plain, "extraVolumes"))
    }
}
