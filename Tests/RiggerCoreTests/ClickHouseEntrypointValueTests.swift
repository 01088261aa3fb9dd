import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// The official clickhouse-server image's entrypoint writes CLICKHOUSE_USER and CLICKHOUSE_PASSWORD,
/// unescaped, into the users XML file it makes: the user as an element's name, the password as its
/// text. Plausible's and Helicone's in-cluster ClickHouse run that image, so what they give it must
/// read back from XML as it was, or be refused with the reason; generated values always fit.
final class ClickHouseEntrypointValueTests: XCTestCase {
    /// Apps whose in-cluster ClickHouse is the official image, with a preset that runs it.
    private static let apps = [("plausible", "local"), ("helicone", "local")]

    private func refusal(_ app: String, _ preset: String, sets: [String] = [], secrets: [String: String]) -> String? {
        do {
            _ = try TestProject.prepare(app: app, preset: preset, sets: sets, secrets: secrets)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testAPasswordXMLCantHoldIsRefusedWithTheReasonAndWhatItMayHold() throws {
        for (app, preset) in Self.apps {
            for bad in ["p&ssword-0123456789", "p<ssword-0123456789", "p>ssword-0123456789]]", "pass\u{7}word-0123456789"] {
                let message = try XCTUnwrap(refusal(app, preset, secrets: ["clickhouse.password": bad]), "\(app): a value XML can't hold was taken")
                XCTAssertTrue(message.contains("wizard: clickhouse.password is not valid; expected only characters other than &, <, > and "
                    + "control characters (the clickhouse-server image's entrypoint writes it as it is into the users XML file"), message)
                XCTAssertFalse(message.contains(bad), "the refusal quotes the secret")
            }
            // Everything else a password may hold is taken: quotes, backslashes, dollars and spaces are plain text in XML.
            XCTAssertNil(refusal(app, preset, secrets: ["clickhouse.password": #"It's "q" \$HOME `x` 0123456789 @:/?#%"#]), app)
        }
        // A managed ClickHouse's password goes into no such file: it is percent-encoded into a URL.
        XCTAssertNil(refusal("plausible", "local", sets: ["clickhouse.mode=managed", "clickhouse.host=abc123.eu-west-1.aws.clickhouse.cloud"],
            secrets: ["clickhouse.password": "cloud&<>Password-1"]))
    }

    func testAKeptPasswordXMLCantHoldIsRefusedWithHowToReplaceIt() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let managed = ["clickhouse.mode=managed", "clickhouse.host=abc123.eu-west-1.aws.clickhouse.cloud"]
        let written = try TestProject.prepare(app: "plausible", preset: "local", sets: managed, secrets: ["clickhouse.password": "cloud&Password-123"],
            outputDirectory: folder.path)
        _ = try BundleWriter(directory: folder.path).write(written.bundle)
        // Moved into the cluster, the managed service's password is kept, and would go into the users XML.
        do {
            let request = GenerationRequest(setArguments: ["clickhouse.mode=in-cluster"], outputDirectory: folder.path)
            var random = SeededSecretGenerator(seed: "kept")
            _ = try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
                .prepare(request, generator: &random)
            XCTFail("the kept password was taken into the users XML")
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains("clickhouse.password is not valid; expected only characters other than &, <, > and control characters"), text)
            XCTAssertTrue(text.contains("replace it with --rotate clickhouse.password or --secret clickhouse.password=@FILE"), text)
        }
    }

    func testHeliconesUserMustBeAnXMLNameInTheCluster() throws {
        for bad in ["1helicone", "2024_user"] {
            let message = try XCTUnwrap(refusal("helicone", "local", sets: ["clickhouse.user=\(bad)"], secrets: [:]), bad)
            XCTAssertTrue(message.contains("clickhouse.user: '\(bad)' is not valid; expected a name that starts with a letter or '_', then letters, "
                + "digits, '_', '-' or '.', since the clickhouse-server image's entrypoint makes it the name of an XML element"), message)
        }
        XCTAssertNil(refusal("helicone", "local", sets: ["clickhouse.user=_helicone-svc.1"], secrets: [:]))
        XCTAssertNil(refusal("helicone", "aws", sets: [
            "ingress.hostname=helicone.example.com", "ingress.letsencryptEmail=ops@example.com", "clickhouse.mode=managed",
            "clickhouse.host=abc123.us-east-1.aws.clickhouse.cloud", "clickhouse.user=1reader",
        ], secrets: ["clickhouse.password": "clickhouse-Cloud-Password-1"]), "a managed ClickHouse's user is named by that service")
    }

    /// Every preset's in-cluster ClickHouse, with the user and password it is given, makes a
    /// users XML that a real XML parser reads back as they were; the same check refuses a value
    /// XML can't hold, so it can fail.
    func testTheGeneratedUserAndPasswordReadBackFromTheEntrypointsXML() throws {
        let python = try TestTools.require("python")
        var checked = 0
        for fixture in [AppTestFixture.plausible, .helicone] {
            for preset in fixture.presets {
                let prepared = try TestProject.presetBundle(preset, of: fixture)
                guard prepared.answers["clickhouse.mode"]?.description == "in-cluster" else { continue }
                let password = try XCTUnwrap(prepared.secrets["clickhouse.password"]?.value, "\(fixture.app) \(preset)")
                let user = prepared.answers["clickhouse.user"]?.description ?? "plausible"
                XCTAssertTrue(try readsBack(user: user, password: password, python: python), "\(fixture.app) \(preset)")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 6)
        XCTAssertFalse(try readsBack(user: "plausible", password: "a&b<c", python: python), "the parser refuses what the rule refuses")
        XCTAssertFalse(try readsBack(user: "1plausible", password: "secret", python: python))
    }

    /// Whether the users XML the entrypoint makes of `user` and `password` parses, with the
    /// password as the text of the user's element.
    private func readsBack(user: String, password: String, python: String) throws -> Bool {
        let xml = "<clickhouse><users><default remove=\"remove\"></default><\(user)><profile>default</profile>"
            + "<password>\(password)</password></\(user)></users></clickhouse>"
        let script = """
            import sys, xml.dom.minidom
            user, password, text = sys.argv[1], sys.argv[2], sys.argv[3]
            try:
                document = xml.dom.minidom.parseString(text)
            except Exception:
                sys.exit(1)
            found = document.getElementsByTagName(user)[0].getElementsByTagName("password")[0].firstChild.data
            sys.exit(0 if found == password else 2)
            """
        return try runProgram(python, ["-c", script, user, password, xml]).status == 0
    }
}
