import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// Helicone's answers: what is refused and why, the hosts, the URLs, mail, Studio and the
/// chart's published examples.
final class HeliconeAnswersTests: XCTestCase {
    private func problems(_ preset: String, _ sets: [String], secrets: [String: String] = [:]) -> [AnswerProblem] {
        do {
            _ = try TestProject.prepare(app: "helicone", preset: preset, sets: sets, secrets: secrets)
            return []
        } catch let error as InvalidAnswers {
            return error.problems
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    private func values(_ prepared: PreparedBundle) throws -> Node {
        try XCTUnwrap(try Yams.compose(yaml: try XCTUnwrap(prepared.bundle["values.yaml"]?.contents)))
    }

    func testTheCatalogIsSoundAndThePresetsLoadWithKnownKeysOnly() throws {
        let catalog = try XCTUnwrap(AppRegistry.standard.entry("helicone")?.catalog)
        XCTAssertEqual(catalog.selfCheck(), [])
        XCTAssertEqual(TestProject.presets.names(app: "helicone"), AppTestFixture.helicone.presets)
        for name in AppTestFixture.helicone.presets {
            let preset = try TestProject.presets.load(name, app: "helicone")
            XCTAssertFalse(preset.description.isEmpty, name)
            XCTAssertTrue(preset.document.layer.order.allSatisfy { catalog[$0] != nil }, name)
        }
        XCTAssertNoThrow(try TestProject.prepare(app: "helicone", preset: "local"), "local needs no further answers")
        XCTAssertEqual(problems("gcp", []).map(\.key), ["ingress.hostname"])
        XCTAssertEqual(Set(problems("aws", []).map(\.key)), ["ingress.hostname", "ingress.letsencryptEmail"])
    }

    func testManagedPostgreSQLIsRefusedWithTheReason() {
        let refused = problems("local", ["postgresql.mode=managed"])
        XCTAssertEqual(refused.map(\.key), ["postgresql.mode"])
        let message = refused.first?.description ?? ""
        XCTAssertTrue(message.contains("postgresql.mode: 'managed' is not valid; expected in-cluster"), message)
        XCTAssertTrue(message.contains("Supabase's Postgres extensions") && message.contains("RDS and Cloud SQL lack"), message)
    }

    func testTheOtherHostsFollowTheWebHostsDomainAndCanBeOverridden() throws {
        let prepared = try TestProject.prepare(app: "helicone", preset: "gcp", sets: ["ingress.hostname=helicone.example.com", "helicone.studio=true"])
        XCTAssertEqual(prepared.answers["helicone.apiHostname"]?.description, "api.example.com")
        XCTAssertEqual(prepared.answers["helicone.workerHostname"]?.description, "oai.example.com")
        XCTAssertEqual(prepared.answers["helicone.studioHostname"]?.description, "studio.example.com")
        let local = try TestProject.prepare(app: "helicone", preset: "local")
        XCTAssertEqual(local.answers["helicone.apiHostname"]?.description, "api.localhost")
        XCTAssertNil(local.answers["helicone.studioHostname"], "Studio is not exposed unless asked for")
        let own = try TestProject.prepare(app: "helicone", preset: "gcp", sets: ["ingress.hostname=helicone.example.com", "helicone.apiHostname=sb.example.org"])
        XCTAssertEqual(own.answers["helicone.apiHostname"]?.description, "sb.example.org")
    }

    /// An apex web host (example.com, example.co.uk) has a TLD or a public suffix for parent: the
    /// other hosts go under the web host itself, never onto a stranger's domain (api.com).
    func testAnApexWebHostKeepsTheOtherHostsUnderItselfNeverOnTheTLD() throws {
        let cases: [(web: String, parent: String)] = [
            ("example.com", "example.com"), ("example.co.uk", "example.co.uk"), ("example.com.au", "example.com.au"),
            ("example.ne.jp", "example.ne.jp"), ("helicone.example.co.uk", "example.co.uk"), ("helicone.example.com", "example.com"),
            ("helicone.eu.example.de", "eu.example.de"), ("example.de", "example.de"),
        ]
        for (web, parent) in cases {
            let prepared = try TestProject.prepare(
                app: "helicone", preset: "aws", sets: ["ingress.hostname=\(web)", "ingress.letsencryptEmail=ops@example.com", "helicone.studio=true"])
            XCTAssertEqual(prepared.answers["helicone.apiHostname"]?.description, "api.\(parent)", web)
            XCTAssertEqual(prepared.answers["helicone.workerHostname"]?.description, "oai.\(parent)", web)
            XCTAssertEqual(prepared.answers["helicone.studioHostname"]?.description, "studio.\(parent)", web)
            let values = try XCTUnwrap(prepared.bundle["values.yaml"]?.contents)
            XCTAssertTrue(values.contains("NEXT_PUBLIC_SUPABASE_URL: https://api.\(parent)\n"), "\(web): \(values)")
            let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
            XCTAssertTrue(readme.contains("- `https://api.\(parent)`: the Supabase API (sign-in, data); `helicone.apiHostname`, derived from `ingress.hostname` under"),
                          "\(web): the README must say the host was derived")
            XCTAssertEqual(readme.contains("under `\(web)` itself, an apex"), parent == web, web)
        }
        // *.localhost as before: the other hosts under localhost, which stays on the machine.
        let local = try TestProject.prepare(app: "helicone", preset: "local", sets: ["helicone.studio=true"])
        XCTAssertEqual(local.answers["helicone.apiHostname"]?.description, "api.localhost")
        XCTAssertEqual(local.answers["helicone.workerHostname"]?.description, "oai.localhost")
        XCTAssertEqual(local.answers["helicone.studioHostname"]?.description, "studio.localhost")
    }

    /// A host given for the API, proxy or Studio that no one can own is refused, naming key,
    /// value and what is expected; a host of one's own, however short, is taken.
    func testAGivenHostThatIsABarePublicSuffixIsRefused() throws {
        let web = ["ingress.hostname=example.com", "ingress.letsencryptEmail=ops@example.com", "helicone.studio=true"]
        for (key, host) in [("helicone.apiHostname", "com"), ("helicone.workerHostname", "co.uk"), ("helicone.studioHostname", "localhost")] {
            let refused = problems("aws", web + ["\(key)=\(host)"])
            XCTAssertEqual(refused.map(\.key), [key], "\(refused)")
            let message = refused.first?.description ?? ""
            XCTAssertTrue(message.contains("\(key): '\(host)' is not valid; expected a host under a domain of your own"), message)
            XCTAssertTrue(message.contains("not a top-level domain or public suffix"), message)
        }
        XCTAssertEqual(problems("aws", web + ["helicone.apiHostname=api.com", "helicone.workerHostname=example.org"]).map(\.key), [])
    }

    /// A bundle whose rigger.yaml still holds a host derived onto the TLD by an earlier rigger
    /// (api.com from example.com) is told so, with the command that moves it.
    func testAHostFormerlyDerivedOntoTheTLDIsWarnedAbout() throws {
        let prepared = try TestProject.prepare(
            app: "helicone", preset: "aws", sets: ["ingress.hostname=example.com", "ingress.letsencryptEmail=ops@example.com", "helicone.apiHostname=api.com"])
        let warning = prepared.warnings.first { $0.hasPrefix("helicone.apiHostname is api.com") } ?? ""
        XCTAssertTrue(warning.contains("--set helicone.apiHostname= to move it to api.example.com"), "\(prepared.warnings)")
        XCTAssertFalse(prepared.warnings.contains { $0.hasPrefix("helicone.workerHostname") }, "\(prepared.warnings)")
    }

    func testEveryIngressNeedsAHostOfItsOwn() {
        let clash = problems("gcp", ["ingress.hostname=helicone.example.com", "helicone.workerHostname=helicone.example.com"])
        XCTAssertEqual(clash.map(\.key), ["helicone.workerHostname"])
        XCTAssertTrue(clash.first?.description.contains("is also ingress.hostname") == true, "\(clash)")
    }

    func testTheChartVersionIsTheOneAtThePinnedCommit() {
        let moved = problems("local", ["chart.version=0.0.2"])
        XCTAssertEqual(moved.map(\.key), ["chart.version"])
        XCTAssertTrue(moved.first?.description.contains("commit 4289687") == true, "\(moved)")
    }

    func testPublishedExampleSecretsAreRefusedWithoutBeingQuoted() throws {
        let cases: [(String, String, [String])] = [
            ("helicone.jwtSecret", "abcdefghijklmnopqrstuvwxyz123456", []),
            ("postgresql.password", "example123456", []),
            ("clickhouse.password", "default", ["clickhouse.mode=managed", "clickhouse.host=ch.example.com"]),
            ("email.password", "example123456", ["email.enabled=true", "email.host=smtp.example.com", "email.user=u", "email.from=a@example.com"]),
            ("realtime.secretKeyBase", "UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq", []),
            ("realtime.dbEncKey", "supabaserealtime", []),
        ]
        for (key, value, sets) in cases {
            let found = problems("local", sets, secrets: [key: value])
            XCTAssertEqual(found.map(\.key), [key], key)
            XCTAssertTrue(found.first?.description.contains("published in the Helicone chart's") == true, "\(found)")
            XCTAssertFalse(found.first?.description.contains(value) == true, "\(key): the refusal must not quote the value")
        }
        XCTAssertTrue(problems("local", [], secrets: ["helicone.jwtSecret": "too-short"]).first?.description.contains("at least 32 characters") == true)
    }

    /// Realtime uses DB_ENC_KEY as an AES-128 key: exactly 16 bytes, counted in UTF-8, not in characters.
    func testRealtimeDatabaseKeyIsExactlySixteenBytes() throws {
        let accented = String(repeating: "é", count: 4) + String(repeating: "k", count: 12)
        XCTAssertEqual(accented.count, 16)
        for (value, bytes) in [(String(repeating: "k", count: 24), 24), (accented, 20), (String(repeating: "k", count: 15), 15)] {
            let found = problems("local", [], secrets: ["realtime.dbEncKey": value])
            XCTAssertEqual(found.map(\.key), ["realtime.dbEncKey"], "\(bytes) bytes")
            let description = found.first?.description ?? ""
            XCTAssertTrue(description.contains("exactly 16 bytes") && description.contains("has \(bytes) bytes"), description)
            XCTAssertFalse(description.contains(value), "the refusal must not quote the value")
        }
        XCTAssertEqual(problems("local", [], secrets: ["realtime.dbEncKey": "k9P2xQ7mZ4rT8vW1"]).map(\.key), [])
        let help = try XCTUnwrap(AppRegistry.standard.entry("helicone")?.catalog["realtime.dbEncKey"])
        XCTAssertTrue(help.help.contains("exactly 16 bytes"), help.help)
        XCTAssertTrue(help.kind.expectation.contains("exactly 16 bytes"), help.kind.expectation)
    }

    /// No published value is used: none appears in any file of any bundle (the README's
    /// upper-case placeholders as whole words: SMTP_USER is part of the key SMTP_USERNAME), except
    /// `default` and the placeholders that are also the chart's data key names, which are common
    /// words; those are checked as values: no Secret value and no values.yaml scalar is any of them.
    func testNoPublishedValueAppearsInAnyBundle() throws {
        let dataKeys = Set(HeliconePublishedValues.all.flatMap(\.dataKeys))
        let anywhere = HeliconePublishedValues.all.map(\.value).filter { $0 != "default" && !dataKeys.contains($0) }
        XCTAssertEqual(anywhere.count, HeliconePublishedValues.all.count - 2)
        for (name, prepared) in try TestProject.heliconeVariants() {
            for file in prepared.bundle.files {
                let words = Set(file.contents.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
                for value in anywhere {
                    let placeholder = value.allSatisfy { $0.isUppercase || $0 == "_" }
                    if placeholder ? words.contains(value) : file.contents.contains(value) {
                        XCTFail("\(name): \(file.path) holds the published value \(value.prefix(12))…")
                    }
                }
            }
            for file in prepared.bundle.files where file.path.hasPrefix("secrets/") {
                // User names are no secrets: ClickHouse Cloud's admin user is `default`.
                for (key, value) in try HeliconeKeys.stringData(file.contents) where !key.hasSuffix("_USER") {
                    XCTAssertFalse(HeliconePublishedValues.all.contains { $0.value == value }, "\(name): \(file.path) \(key) is a published value")
                }
            }
            var scalars: [String] = []
            collectScalars(try values(prepared), into: &scalars)
            for scalar in scalars {
                XCTAssertFalse(HeliconePublishedValues.all.contains { $0.value == scalar }, "\(name): values.yaml holds \(scalar)")
            }
        }
    }

    private func collectScalars(_ node: Node, into scalars: inout [String]) {
        switch node {
        case .scalar(let scalar): scalars.append(scalar.string)
        case .mapping(let mapping): for (_, value) in mapping { collectScalars(value, into: &scalars) }
        case .sequence(let sequence): for value in sequence { collectScalars(value, into: &scalars) }
        default: break
        }
    }

    func testEveryEnvironmentValueIsAStringAndEverySwitchABoolean() throws {
        for (name, prepared) in try TestProject.heliconeVariants() {
            let root = try values(prepared)
            var environments: [(String, Node)] = []
            findEnvironments(root, path: "", into: &environments)
            XCTAssertGreaterThanOrEqual(environments.count, 11, name)
            for (path, environment) in environments {
                guard case .mapping(let mapping) = environment else { return XCTFail("\(name): \(path) is not a map") }
                for (key, value) in mapping {
                    XCTAssertEqual(value.tag.description, "tag:yaml.org,2002:str", "\(name): \(path).\(key.string ?? "") must be a string")
                }
            }
            for component in ["db", "studio", "auth", "rest", "realtime", "meta", "storage", "kong", "imgproxy", "functions"] {
                XCTAssertEqual(root[component]?["enabled"]?.tag.description, "tag:yaml.org,2002:bool", "\(name): \(component).enabled")
            }
        }
    }

    private func findEnvironments(_ node: Node, path: String, into found: inout [(String, Node)]) {
        guard case .mapping(let mapping) = node else { return }
        for (key, value) in mapping {
            let keyPath = path.isEmpty ? (key.string ?? "") : path + "." + (key.string ?? "")
            if key.string == "environment" { found.append((keyPath, value)) } else { findEnvironments(value, path: keyPath, into: &found) }
        }
    }

    func testPublicURLsFollowTheHostsAndTLS() throws {
        let tls = try values(try TestProject.presetBundle("gcp", of: .helicone))
        XCTAssertEqual(tls["auth"]?["environment"]?["API_EXTERNAL_URL"]?.string, "https://api.example.com")
        XCTAssertEqual(tls["auth"]?["environment"]?["GOTRUE_SITE_URL"]?.string, "https://helicone.example.com")
        XCTAssertEqual(tls["auth"]?["environment"]?["GOTRUE_URI_ALLOW_LIST"]?.string, "https://helicone.example.com/**")
        for path in ["INVITE", "CONFIRMATION", "RECOVERY", "EMAIL_CHANGE"] {
            XCTAssertEqual(tls["auth"]?["environment"]?["GOTRUE_MAILER_URLPATHS_\(path)"]?.string, "https://api.example.com/auth/v1/verify")
        }
        XCTAssertEqual(tls["helicone"]?["web"]?["environment"]?["NEXT_PUBLIC_SUPABASE_URL"]?.string, "https://api.example.com")
        let plain = try values(try TestProject.presetBundle("local", of: .helicone))
        XCTAssertEqual(plain["auth"]?["environment"]?["API_EXTERNAL_URL"]?.string, "http://api.localhost")
        XCTAssertEqual(plain["helicone"]?["web"]?["environment"]?["NEXT_PUBLIC_SUPABASE_URL"]?.string, "http://api.localhost")
        let studio = try values(try TestProject.prepare(app: "helicone", preset: "gcp", sets: ["ingress.hostname=helicone.example.com", "helicone.studio=true"]))
        XCTAssertEqual(studio["studio"]?["environment"]?["SUPABASE_PUBLIC_URL"]?.string, "https://api.example.com")
    }

    func testMailOffConfirmsAtSignUpAndStillWritesTheSMTPSecretEmpty() throws {
        let off = try TestProject.presetBundle("local", of: .helicone)
        XCTAssertEqual(try values(off)["auth"]?["environment"]?["GOTRUE_MAILER_AUTOCONFIRM"]?.string, "true")
        XCTAssertEqual(try HeliconeKeys.stringData(try XCTUnwrap(off.bundle["secrets/smtp.secret.yaml"]?.contents)), ["SMTP_USERNAME": "", "SMTP_PASSWORD": ""])
        let on = try TestProject.prepare(app: "helicone", preset: "local", sets: [
            "email.enabled=true", "email.host=smtp.example.com", "email.user=mailer", "email.from=helicone@example.com",
        ], secrets: ["email.password": "smtp-Password-1"])
        let environment = try values(on)["auth"]?["environment"]
        XCTAssertEqual(environment?["GOTRUE_MAILER_AUTOCONFIRM"]?.string, "false")
        XCTAssertEqual(environment?["GOTRUE_SMTP_HOST"]?.string, "smtp.example.com")
        XCTAssertEqual(environment?["GOTRUE_SMTP_PORT"]?.string, "587")
        XCTAssertEqual(
            try HeliconeKeys.stringData(try XCTUnwrap(on.bundle["secrets/smtp.secret.yaml"]?.contents)),
            ["SMTP_USERNAME": "mailer", "SMTP_PASSWORD": "smtp-Password-1"])
    }

    func testStudioIsOffUnlessAskedForAndThenWarnedAbout() throws {
        let off = try TestProject.presetBundle("gcp", of: .helicone)
        XCTAssertEqual(try values(off)["studio"]?["enabled"]?.bool, false)
        XCTAssertFalse(off.warnings.contains { $0.contains("Studio") })
        let on = try TestProject.prepare(app: "helicone", preset: "gcp", sets: ["ingress.hostname=helicone.example.com", "helicone.studio=true"])
        XCTAssertTrue(on.warnings.contains { $0.contains("Supabase Studio is exposed at studio.example.com") }, "\(on.warnings)")
        let readme = try XCTUnwrap(on.bundle["README.md"]?.contents)
        XCTAssertTrue(readme.contains("## Warning: Supabase Studio is exposed"), readme)
        XCTAssertEqual(try values(on)["studio"]?["ingress"]?["hosts"]?[0]?["host"]?.string, "studio.example.com")
    }

    func testPlainHTTPIsWarnedAboutAndTheReadmeSaysWhatLocalMeans() throws {
        let local = try TestProject.presetBundle("local", of: .helicone)
        XCTAssertTrue(local.warnings.contains { $0.contains("plain HTTP") }, "\(local.warnings)")
        XCTAssertTrue(try XCTUnwrap(local.bundle["README.md"]?.contents).contains("## Local mode"))
        XCTAssertFalse(try TestProject.presetBundle("aws", of: .helicone).warnings.contains { $0.contains("plain HTTP") })
    }

    func testTheBundlesREADMEListsEveryImageAndTheInstallFetchesThePinnedCommit() throws {
        let prepared = try TestProject.presetBundle("aws", of: .helicone)
        let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
        for image in ["helicone/web:v2023.07.18.dev.0", "helicone/worker:v2023.07.13", "supabase/postgres:15.1.0.54-rc0", "kong:2.8.1",
                      "clickhouse/clickhouse-server:23.8.16.40", "helicone/supabase-migration-runner:v2023.07.13"] {
            XCTAssertTrue(readme.contains("`\(image)`"), "README lacks \(image)")
        }
        let install = try XCTUnwrap(prepared.bundle["scripts/40-install.sh"]?.contents)
        XCTAssertTrue(install.contains("CHART_COMMIT='428968745437afa2b0d883975d7e641619892cb6'"), install)
        XCTAssertTrue(install.contains("CHART_PATH='helm/helicone'"), install)
        XCTAssertTrue(install.contains("expected $CHART_COMMIT. Refusing to install it."), install)
        XCTAssertTrue(try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents).contains("command -v git"))
    }

    func testExistingSecretsAreNeitherGeneratedNorWrittenAndThePreflightChecksThem() throws {
        let prepared = try TestProject.heliconeExistingSecretsBundle()
        XCTAssertEqual(prepared.bundle.paths.filter { $0.hasPrefix("secrets/") }, [], "every Secret is the operator's")
        XCTAssertEqual(prepared.secrets.entries.count, 0)
        let preflight = try XCTUnwrap(prepared.bundle["scripts/00-preflight.sh"]?.contents)
        for (secret, keys) in [("supabase-jwt", ["JWT_SECRET", "ANON_KEY", "SERVICE_ROLE_KEY"]), ("pg-credentials", ["POSTGRES_USER", "POSTGRES_PASSWORD"]),
                               ("clickhouse-cloud", ["CLICKHOUSE_USER", "CLICKHOUSE_PASSWORD"]), ("ses-smtp", ["SMTP_USERNAME", "SMTP_PASSWORD"]),
                               ("realtime-keys", ["SECRET_KEY_BASE", "DB_ENC_KEY"])] {
            XCTAssertTrue(preflight.contains("='\(secret)'"), "00-preflight.sh does not check \(secret)")
            for key in keys { XCTAssertTrue(preflight.contains("='\(key)'"), "00-preflight.sh does not check \(secret) for \(key)") }
        }
    }
}
