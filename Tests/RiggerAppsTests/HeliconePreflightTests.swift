import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// 00-preflight.sh of a Helicone bundle against a stand-in kubectl: a Secret in the namespace that
/// holds a value the chart's README publishes (one made by hand from it) stops the install.
final class HeliconePreflightTests: XCTestCase {
    /// A kubectl that answers from files: `secrets/<name>/<key>` holds the Base64 of a data key,
    /// as `kubectl get secret -o go-template={{index .data "KEY"}}` prints it. A helm that is v3.
    private static let fakeKubectl = """
        #!/usr/bin/env bash
        set -eu
        here="$(dirname "$0")"
        if [ "${1:-}" = "--context" ]; then shift 2; fi
        case "$1 ${2:-}" in
          "config current-context") echo test-context ;;
          "version --client") echo '{"clientVersion": {"major": "1", "minor": "34"}, "kustomizeVersion": "v5.7.1"}' ;;
          "get --raw") echo '{"major": "1", "minor": "29"}' ;;
          "get storageclass") echo "standard " ;;
          "get secret")
            name="$5"
            key="$(printf '%s' "$7" | sed -n 's/.*index .data "\\([A-Za-z0-9_.-]*\\)".*/\\1/p')"
            [ -f "$here/secrets/$name/$key" ] || { echo "Error from server (NotFound): secrets \\"$name\\" not found" >&2; exit 1; }
            cat "$here/secrets/$name/$key"
            ;;
          *) echo "stand-in kubectl: unexpected $*" >&2; exit 1 ;;
        esac
        """

    /// A helm that is v3, knows the pinned chart (RIGGER_CHART stands in for the git checkout) and
    /// renders nothing, so the image check has nothing to refuse.
    private static let fakeHelm = """
        #!/usr/bin/env bash
        case "$1" in
          version) echo v3.17.0 ;;
          show) printf 'name: helicone\\nversion: 0.0.1\\n' ;;
          template) echo '---' ;;
          *) echo "stand-in helm: unexpected $*" >&2; exit 1 ;;
        esac
        """

    private struct Run {
        let status: Int32
        let output: String
    }

    /// Runs the bundle's 00-preflight.sh with the stand-ins first on PATH and the given Secrets in the "cluster".
    private func preflight(_ prepared: PreparedBundle, clusterSecrets: [String: [String: String]]) throws -> Run {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("bundle")
        try TestProject.materialize(prepared.bundle, in: bundle)
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for (name, text) in [("kubectl", Self.fakeKubectl), ("helm", Self.fakeHelm)] {
            let url = bin.appendingPathComponent(name)
            try Data((text + "\n").utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        for (secret, data) in clusterSecrets {
            let secretFolder = bin.appendingPathComponent("secrets/\(secret)")
            try FileManager.default.createDirectory(at: secretFolder, withIntermediateDirectories: true)
            for (key, value) in data { try Data(Data(value.utf8).base64EncodedString().utf8).write(to: secretFolder.appendingPathComponent(key)) }
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["RIGGER_CHART"] = folder.appendingPathComponent("chart").path
        let result = try runProgram("bash", [bundle.appendingPathComponent("scripts/00-preflight.sh").path], environment: environment)
        return Run(status: result.status, output: result.output + result.error)
    }

    func testASecretMadeByHandFromTheReadmeStopsTheInstallNamingTheSecretAndKey() throws {
        let prepared = try TestProject.presetBundle("local", of: .helicone)
        let handMade: [(String, String, String)] = [
            ("helicone-supabase", "JWT_SECRET", "abcdefghijklmnopqrstuvwxyz123456"),
            ("helicone-postgres", "POSTGRES_PASSWORD", "example123456"),
            ("helicone-clickhouse", "CLICKHOUSE_PASSWORD", "default"),
            ("helicone-smtp", "SMTP_USERNAME", "your-mail@example.com"),
            ("helicone-realtime", "DB_ENC_KEY", "supabaserealtime"),
        ]
        for (secret, key, value) in handMade {
            var cluster = ["helicone-postgres": ["POSTGRES_USER": "postgres"]]
            cluster[secret, default: [:]][key] = value
            let run = try preflight(prepared, clusterSecrets: cluster)
            XCTAssertEqual(run.status, 1, "\(secret) \(key): \(run.output)")
            XCTAssertTrue(run.output.contains("the Secret \(secret) in namespace helicone holds, under \(key), a value published"), run.output)
            XCTAssertFalse(run.output.contains(value) && value.count > 8, "the refusal must not print the value")
            XCTAssertFalse(run.output.contains("preflight checks passed"))
        }
    }

    func testTheReadmesExampleKeysAreRefusedToo() throws {
        let prepared = try TestProject.presetBundle("aws", of: .helicone)
        let readmeAnonKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ewogICAgInJvbGUiOiAiYW5vbiIsCiAgICAiaXNzIjogInN1cGFiYXNlIiwKICAgICJpYXQiOiAxNjc1NDAwNDAwLAogICAgImV4cCI6IDE4MzMxNjY4MDAKfQ.ztuiBzjaVoFHmoljUXWmnuDN6QU2WgJICeqwyzyZO88"
        let run = try preflight(prepared, clusterSecrets: ["helicone-supabase": ["JWT_SECRET": String(repeating: "s", count: 40), "ANON_KEY": readmeAnonKey]])
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertTrue(run.output.contains("under ANON_KEY"), run.output)
    }

    func testSecretsOfItsOwnOrNoneAtAllPass() throws {
        let prepared = try TestProject.presetBundle("local", of: .helicone)
        let none = try preflight(prepared, clusterSecrets: [:])
        XCTAssertEqual(none.status, 0, none.output)
        XCTAssertTrue(none.output.contains("preflight checks passed"), none.output)
        let own = try preflight(prepared, clusterSecrets: [
            "helicone-supabase": ["JWT_SECRET": try XCTUnwrap(prepared.secrets["helicone.jwtSecret"]?.value)],
            "helicone-clickhouse": ["CLICKHOUSE_USER": "default", "CLICKHOUSE_PASSWORD": "a-Password-of-its-own"],
        ])
        XCTAssertEqual(own.status, 0, own.output)
    }

    /// The operator's own Secrets are checked for the keys the chart reads and for published values alike.
    func testTheOperatorsOwnSecretsAreCheckedForKeysAndPublishedValues() throws {
        let prepared = try TestProject.heliconeExistingSecretsBundle()
        let complete: [String: [String: String]] = [
            "supabase-jwt": ["JWT_SECRET": String(repeating: "j", count: 40), "ANON_KEY": "a.b.c", "SERVICE_ROLE_KEY": "d.e.f"],
            "realtime-keys": ["SECRET_KEY_BASE": String(repeating: "k", count: 64), "DB_ENC_KEY": String(repeating: "e", count: 16)],
            "pg-credentials": ["POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": "pg-Password-1"],
            "clickhouse-cloud": ["CLICKHOUSE_USER": "default", "CLICKHOUSE_PASSWORD": "ch-Password-1"],
            "ses-smtp": ["SMTP_USERNAME": "AKIAEXAMPLE", "SMTP_PASSWORD": "ses-Password-1"],
        ]
        let passes = try preflight(prepared, clusterSecrets: complete)
        XCTAssertEqual(passes.status, 0, passes.output)
        var missingKey = complete
        missingKey["pg-credentials"] = ["POSTGRES_PASSWORD": "pg-Password-1"]
        let missing = try preflight(prepared, clusterSecrets: missingKey)
        XCTAssertEqual(missing.status, 1, missing.output)
        XCTAssertTrue(missing.output.contains("the Secret pg-credentials in namespace helicone has no key POSTGRES_USER"), missing.output)
        var published = complete
        published["pg-credentials"] = ["POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": "example123456"]
        let refused = try preflight(prepared, clusterSecrets: published)
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains("the Secret pg-credentials in namespace helicone holds, under POSTGRES_PASSWORD"), refused.output)
    }

    /// A PostgreSQL password the chart would put unencoded into URLs, or a Realtime key that is no
    /// AES-128 key, in the operator's own Secrets stops the preflight, naming where, never the value.
    func testValuesTheChartCantUseInTheOperatorsSecretsStopThePreflight() throws {
        let prepared = try TestProject.heliconeExistingSecretsBundle()
        let complete: [String: [String: String]] = [
            "supabase-jwt": ["JWT_SECRET": String(repeating: "j", count: 40), "ANON_KEY": "a.b.c", "SERVICE_ROLE_KEY": "d.e.f"],
            "realtime-keys": ["SECRET_KEY_BASE": String(repeating: "k", count: 64), "DB_ENC_KEY": String(repeating: "e", count: 16)],
            "pg-credentials": ["POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": "pg-Password_1.x~"],
            "clickhouse-cloud": ["CLICKHOUSE_USER": "default", "CLICKHOUSE_PASSWORD": "ch-Password-1"],
            "ses-smtp": ["SMTP_USERNAME": "AKIAEXAMPLE", "SMTP_PASSWORD": "ses-Password-1"],
        ]
        let passes = try preflight(prepared, clusterSecrets: complete)
        XCTAssertEqual(passes.status, 0, passes.output)
        XCTAssertTrue(passes.output.contains("the values checked in Secrets of your own fit where the chart puts them"), passes.output)
        var url = complete
        url["pg-credentials"] = ["POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": "p@ss:w/rd?#%&<>'\"$ x"]
        let refused = try preflight(prepared, clusterSecrets: url)
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertTrue(refused.output.contains(
            "the Secret pg-credentials in namespace helicone holds, under POSTGRES_PASSWORD (postgresql.password), a value with 13 characters "
                + "other than letters, digits and - . _ ~: Helicone's chart writes it unencoded into the postgres:// URLs"), refused.output)
        XCTAssertFalse(refused.output.contains("p@ss"), "the refusal must not print the value")
        var user = complete
        user["pg-credentials"] = ["POSTGRES_USER": "admin; rm -rf /", "POSTGRES_PASSWORD": "pg-Password-1"]
        let badUser = try preflight(prepared, clusterSecrets: user)
        XCTAssertEqual(badUser.status, 1, badUser.output)
        XCTAssertTrue(badUser.output.contains("under POSTGRES_USER (the PostgreSQL user), a value with 5 characters other than"), badUser.output)
        for key in [String(repeating: "e", count: 24), String(repeating: "é", count: 4) + String(repeating: "e", count: 12)] {
            var wrongKey = complete
            wrongKey["realtime-keys"]?["DB_ENC_KEY"] = key
            let run = try preflight(prepared, clusterSecrets: wrongKey)
            XCTAssertEqual(run.status, 1, run.output)
            XCTAssertTrue(run.output.contains(
                "the Secret realtime-keys in namespace helicone holds, under DB_ENC_KEY (realtime.dbEncKey), a value of \(key.utf8.count) bytes; "
                    + "it must be exactly 16: Realtime uses it as its AES-128 key"), run.output)
        }
    }
}
