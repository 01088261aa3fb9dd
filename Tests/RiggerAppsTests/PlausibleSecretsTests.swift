import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Plausible's environment Secret: keys long enough, URLs that parse and carry any password.
final class PlausibleSecretsTests: XCTestCase {
    private typealias Bundles = PlausibleTestBundles

    func testEveryPresetHoldsAStrongSecretKeyBaseAndA32ByteTOTPKey() throws {
        for preset in Bundles.fixture.presets {
            let data = try XCTUnwrap(try Bundles.secretData(try Bundles.prepare(preset), "plausible-env.secret.yaml"), preset)
            let keyBase = try XCTUnwrap(data["SECRET_KEY_BASE"], preset)
            // Plausible refuses fewer than 64 bytes; these are 64 random bytes, in Base64.
            XCTAssertGreaterThanOrEqual(keyBase.utf8.count, 64, preset)
            XCTAssertEqual(Data(base64Encoded: keyBase)?.count, 64, preset)
            let totp = try XCTUnwrap(data["TOTP_VAULT_KEY"], preset)
            XCTAssertEqual(Data(base64Encoded: totp)?.count, 32, "\(preset): TOTP_VAULT_KEY must decode to exactly 32 bytes")
            XCTAssertNotEqual(totp, "dsxvbn3jxDd16az2QpsX5B8O+llxjQ2SJE2i5Bzx38I=", "\(preset): the chart's published default")
        }
        let one = try Bundles.secretData(try Bundles.prepare("gcp"), "plausible-env.secret.yaml")
        let other = try Bundles.secretData(try Bundles.prepare("gcp", seed: "another"), "plausible-env.secret.yaml")
        XCTAssertNotEqual(one?["TOTP_VAULT_KEY"], other?["TOTP_VAULT_KEY"])
        XCTAssertNotEqual(one?["SECRET_KEY_BASE"], other?["SECRET_KEY_BASE"])
    }

    func testSuppliedKeysThatPlausibleWouldRefuseAreRefusedAtOnce() throws {
        let good = Data(repeating: 1, count: 32).base64EncodedString()
        XCTAssertNoThrow(try Bundles.prepare("local", secrets: ["plausible.totpVaultKey": good, "plausible.secretKeyBase": String(repeating: "k", count: 64)]))
        for (key, value) in [
            ("plausible.totpVaultKey", Data(repeating: 1, count: 31).base64EncodedString()),
            ("plausible.totpVaultKey", "a passphrase, not a key"),
            ("plausible.secretKeyBase", String(repeating: "k", count: 63)),
        ] {
            XCTAssertThrowsError(try Bundles.prepare("local", secrets: [key: value]), key) { error in
                let problems = (error as? InvalidAnswers)?.problems ?? []
                XCTAssertEqual(problems.map(\.key), [key])
                XCTAssertFalse("\(error)".contains(value), "the refused value is never shown")
            }
        }
    }

    func testAnRDSPasswordReachesDatabaseURLPercentEncodedAndParsesBack() throws {
        let prepared = try Bundles.prepare("aws-managed")
        let url = try XCTUnwrap(try Bundles.secretData(prepared, "plausible-env.secret.yaml")?["DATABASE_URL"])
        XCTAssertTrue(url.contains(":p%40ss%3Aw%2Frd%3F%23%25@"), url)
        let parsed = try XCTUnwrap(URLComponents(string: url), "DATABASE_URL must parse: \(url)")
        XCTAssertEqual(parsed.scheme, "postgres")
        XCTAssertEqual(parsed.user, "plausible")
        XCTAssertEqual(parsed.password, AppTestFixture.plausibleRDSPassword, "the password must decode back exactly")
        XCTAssertEqual(parsed.host, "plausible.abc123.us-east-1.rds.amazonaws.com")
        XCTAssertEqual(parsed.port, 5432)
        XCTAssertEqual(parsed.path, "/plausible")
        XCTAssertNil(parsed.query)
        XCTAssertNil(parsed.fragment)
        // The password is kept as given, for regenerating; only the URL encodes it.
        XCTAssertEqual(try Bundles.secretData(prepared, "postgresql.secret.yaml")?["password"], AppTestFixture.plausibleRDSPassword)
    }

    func testAnyPasswordSurvivesTheURLs() throws {
        let passwords = ["p@ss:w/rd?#%", "a b+c&d=e;f,g'h\"i", "[x]{y}|z\\^`~-._", "pässwörd-日本", "%25%40", "@@::"]
        for password in passwords {
            let prepared = try Bundles.prepare(
                "aws-managed", Bundles.managedClickHouse, secrets: ["postgresql.password": password, "clickhouse.password": password])
            let data = try XCTUnwrap(try Bundles.secretData(prepared, "plausible-env.secret.yaml"))
            for key in ["DATABASE_URL", "CLICKHOUSE_DATABASE_URL"] {
                let url = try XCTUnwrap(data[key])
                let parsed = try XCTUnwrap(URLComponents(string: url), "\(key) doesn't parse for \(password): \(url)")
                XCTAssertEqual(parsed.password, password, key)
                XCTAssertNotNil(parsed.host, key)
                XCTAssertNil(parsed.query, key)
            }
        }
    }

    func testTheInClusterURLsNameTheDatabasesRiggerRuns() throws {
        let prepared = try Bundles.prepare("gcp", ["release=analytics"])
        let data = try XCTUnwrap(try Bundles.secretData(prepared, "plausible-env.secret.yaml"))
        let database = try XCTUnwrap(URLComponents(string: try XCTUnwrap(data["DATABASE_URL"])))
        XCTAssertEqual(database.host, "analytics-postgresql-rw", "CloudNativePG's read-write Service of the Cluster")
        XCTAssertEqual(database.password, try Bundles.secretData(prepared, "postgresql.secret.yaml")?["password"])
        XCTAssertEqual(database.user, try Bundles.secretData(prepared, "postgresql.secret.yaml")?["username"])
        let clickhouse = try XCTUnwrap(URLComponents(string: try XCTUnwrap(data["CLICKHOUSE_DATABASE_URL"])))
        XCTAssertEqual(clickhouse.scheme, "http")
        XCTAssertEqual(clickhouse.host, "analytics-clickhouse")
        XCTAssertEqual(clickhouse.port, 8123)
        XCTAssertEqual(clickhouse.password, try Bundles.secretData(prepared, "clickhouse.secret.yaml")?["password"])
    }

    func testAManagedClickHouseIsReachedOverHTTPS() throws {
        let prepared = try Bundles.prepare("aws-managed", Bundles.managedClickHouse, secrets: ["clickhouse.password": "ch/Cloud:p@ss#1"])
        let url = try XCTUnwrap(URLComponents(string: try XCTUnwrap(try Bundles.secretData(prepared, "plausible-env.secret.yaml")?["CLICKHOUSE_DATABASE_URL"])))
        XCTAssertEqual(url.scheme, "https")
        XCTAssertEqual(url.host, "abc123.eu-west-1.aws.clickhouse.cloud")
        XCTAssertEqual(url.port, 8443)
        XCTAssertEqual(url.user, "default")
        XCTAssertEqual(url.password, "ch/Cloud:p@ss#1")
        XCTAssertEqual(url.path, "/plausible_events_db")
        XCTAssertNil(prepared.bundle[PlausibleTestPaths.clickhouse], "no ClickHouse runs in the cluster")
    }

    func testAManagedServicesPasswordIsAPlaceholderUntilSupplied() throws {
        let prepared = try TestProject.prepare(app: "plausible", preset: "aws-managed", sets: Bundles.fixture.openAnswers["aws-managed"] ?? [])
        XCTAssertEqual(prepared.secrets.placeholderKeys, ["postgresql.password"])
        let env = try XCTUnwrap(prepared.bundle["secrets/plausible-env.secret.yaml"]?.contents)
        // 00-preflight.sh refuses any secrets/ file that still holds the marker.
        XCTAssertTrue(env.contains(SecretSet.placeholderMarker), "the URL must carry the placeholder's marker")
    }

    func testTheOperatorsEnvironmentSecretReplacesTheBundlesAndTheDatabasePasswordsItCarries() throws {
        let everything = try Bundles.prepare("aws-managed", Bundles.managedClickHouse + ["plausible.existingSecret=plausible-own-env"] + Bundles.mailWithUser)
        XCTAssertEqual(everything.bundle.paths.filter { $0.hasPrefix("secrets/") }, [], "every secret is in the operator's Secret")
        XCTAssertEqual(everything.secrets.placeholderKeys, [], "no managed password is asked for: the operator's URLs carry them")
        XCTAssertEqual(Set(everything.secrets.existing.keys), ["plausible.secretKeyBase", "plausible.totpVaultKey", "email.password"])
        let readme = try XCTUnwrap(everything.bundle["README.md"]?.contents)
        XCTAssertTrue(readme.contains("`DATABASE_URL`: `postgres://plausible:PASSWORD@plausible.abc123.us-east-1.rds.amazonaws.com:5432/plausible`"), readme)
        XCTAssertTrue(readme.contains("`SMTP_USER_PWD`"), readme)

        let inCluster = try Bundles.prepare("gcp", ["plausible.existingSecret=plausible-own-env"])
        XCTAssertEqual(inCluster.bundle.paths.filter { $0.hasPrefix("secrets/") }, ["secrets/clickhouse.secret.yaml", "secrets/postgresql.secret.yaml"])
        XCTAssertThrowsError(try Bundles.prepare("gcp", ["plausible.existingSecret=plausible-own-env", "email.existingSecret=smtp"]),
                             "the SMTP password can't be in a Secret of its own: the chart reads one Secret")
    }

    func testEveryPasswordAndKeyIsReadBackOnRegeneration() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Bundles.prepare("aws-managed", Bundles.managedClickHouse + Bundles.mailWithUser, secrets: [
            "clickhouse.password": "ch/Cloud:p@ss#1", "email.password": "smtp-Password-1",
        ], outputDirectory: folder.path)
        _ = try BundleWriter(directory: folder.path).write(first.bundle)
        let read = try XCTUnwrap(try ExistingBundle.read(folder.path, registry: .standard)).secrets
        XCTAssertEqual(read, first.secrets.entries.mapValues(\.value))
        XCTAssertEqual(Set(read.keys), ["plausible.secretKeyBase", "plausible.totpVaultKey", "postgresql.password", "clickhouse.password", "email.password"])
    }
}

/// Paths of a Plausible bundle that several tests name.
enum PlausibleTestPaths {
    static let postgresql = "manifests/postgresql.yaml"
    static let clickhouse = "manifests/clickhouse.yaml"
    static let gkeIngress = "manifests/gke-ingress.yaml"
    static let clusterIssuer = "manifests/cluster-issuer.yaml"
}
