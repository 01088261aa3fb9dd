import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// What the seam lets an app declare beyond questions: a choice refused with its reason, rules
/// between answers, warnings, rules on secret values, and a data key the chart always reads.
final class AppSeamRulesTests: XCTestCase {
    /// A small app that uses each of them, so that the core is tested without naming a real one.
    private struct StubApp: AppDefinition {
        let id = "stub"
        let title = "Stub"
        let summary = "a stub app for the seam's tests"
        let chart = ChartReference(name: "stub", version: "1.0.0", appVersion: "1.0.0", source: .repository(name: "stub", url: "https://charts.example.com"))
        static let published = SecretValueRules.PublishedValue("example-published-value", source: "the stub chart's README")

        var questions: [Question] {
            [
                Question(
                    key: "database.mode", title: "Database", help: "Where the database runs.",
                    kind: .choice([Choice("in-cluster", "in the cluster"), .refused("managed", "a managed database", because: "the stub needs extensions no managed service has")]),
                    step: .dependencies, defaultValue: .value(.string("in-cluster"))),
                Question(key: "site.host", title: "Host", help: "The site's host.", kind: .text(.dnsName), step: .ingress, defaultValue: .value(.string("a.example.com"))),
                Question(key: "api.host", title: "API host", help: "The API's host.", kind: .text(.dnsName), step: .ingress, defaultValue: .value(.string("b.example.com"))),
                Question(key: "mail.enabled", title: "Mail", help: "Send mail.", kind: .bool, step: .email, defaultValue: .value(.bool(false))),
                Question(
                    key: "token", title: "Token", help: "A token.",
                    kind: .secret(SecretPolicy(length: 40, valueRules: SecretValueRules(minimumLength: 32, published: [Self.published]))), step: .cluster),
                Question(key: "mail.password", title: "Mail password", help: "The mail password.", kind: .secret(.operatorSupplied()), step: .email,
                         appliesWhen: .enabled("mail.enabled")),
            ]
        }

        var secretFiles: [SecretFileSpec] {
            [SecretFileSpec(fileName: "stub.secret.yaml", component: "stub", naming: .fixed("stub"), entries: [
                .secret("TOKEN", "token"), SecretDataEntry("MAIL_PASSWORD", .secretOrEmpty("mail.password")),
            ])]
        }

        let upgradeRules = UpgradeRules(volumeKeys: [], rotationWarnings: [:], dataStores: "nothing")

        func problems(_ answers: ResolvedAnswers) -> [AnswerProblem] {
            guard let site = answers["site.host"], site == answers["api.host"] else { return [] }
            return [AnswerProblem(key: "api.host", value: site.description, reason: .conflict(explanation: "is also site.host"), origin: nil)]
        }

        func warnings(_ answers: ResolvedAnswers) -> [String] { ["the stub warns"] }

        func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> RiggerCore.Bundle {
            let references = SecretReferences(specs: secretFiles, release: "stub", secrets: secrets)
            return RiggerCore.Bundle(files: try [
                BundleFile(path: "rigger.yaml", contents: try AnswersDocument.render(answers, header: []), mode: BundleFile.regular),
            ] + references.manifests.map { manifest in
                BundleFile(
                    path: manifest.path, contents: try manifest.render(namespace: "stub", app: "stub", instance: "stub", answers: answers.lookup, secrets: secrets),
                    mode: BundleFile.secret)
            })
        }
    }

    private let generator = BundleGenerator(registry: AppRegistry(StubApp()), presets: PresetLibrary(directories: []), environment: [:])

    private func prepare(_ sets: [String], secrets: [String: String] = [:], out: String = "/nonexistent/rigger-seam") throws -> PreparedBundle {
        var random = SeededSecretGenerator(seed: "seam")
        return try generator.prepare(GenerationRequest(setArguments: sets, wizardSecrets: secrets, outputDirectory: out), generator: &random)
    }

    private func problems(_ sets: [String], secrets: [String: String] = [:]) -> [String] {
        do {
            _ = try prepare(sets, secrets: secrets)
            return []
        } catch let error as InvalidAnswers {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    func testARefusedChoiceSaysWhyAndIsNeverOffered() throws {
        let refused = problems(["database.mode=managed"])
        XCTAssertEqual(refused.count, 1)
        XCTAssertTrue(refused[0].contains("database.mode: 'managed' is not valid; expected in-cluster"), refused[0])
        XCTAssertTrue(refused[0].contains("refused: the stub needs extensions no managed service has"), refused[0])
        let question = try XCTUnwrap(AppRegistry(StubApp()).defaultEntry.catalog["database.mode"])
        XCTAssertEqual(question.availableChoices(AnswerLookup()).map(\.value), ["in-cluster"])
        XCTAssertEqual(question.kind.expectation, "one of in-cluster")
    }

    func testTheAppsRulesBetweenAnswersRefuseAndItsWarningsAreShown() throws {
        XCTAssertEqual(problems(["api.host=a.example.com"]), ["api.host: 'a.example.com' is also site.host"])
        XCTAssertEqual(try prepare([]).warnings, ["the stub warns"])
    }

    func testPublishedAndShortSecretValuesAreRefusedWithoutQuotingThem() throws {
        let published = problems([], secrets: ["token": StubApp.published.value])
        XCTAssertEqual(published.count, 1)
        XCTAssertTrue(published[0].contains("wizard: token is not valid") && published[0].contains("published in the stub chart's README"), published[0])
        XCTAssertFalse(published[0].contains(StubApp.published.value))
        let short = problems([], secrets: ["token": "short-token"])
        XCTAssertTrue(short.first?.contains("at least 32 characters; the value given has 11") == true, "\(short)")
        XCTAssertFalse(short.first?.contains("short-token") == true)
        XCTAssertEqual(problems([], secrets: ["token": String(repeating: "k", count: 32)]), [])
    }

    func testAKeptPublishedValueIsRefusedUntilRotated() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BundleWriter(directory: folder.path).write(try prepare([], out: folder.path).bundle)
        // As if someone pasted the published example into the bundle's Secret by hand.
        let path = folder.appendingPathComponent("secrets/stub.secret.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let token = try XCTUnwrap(try prepare([], out: folder.path).secrets["token"]?.value)
        try text.replacingOccurrences(of: token, with: StubApp.published.value).write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try prepare([], out: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("--rotate token"), "\(error)")
        }
        var request = GenerationRequest(outputDirectory: folder.path)
        request.rotate = ["token"]
        var random = SeededSecretGenerator(seed: "rotate")
        XCTAssertNotEqual(try generator.prepare(request, generator: &random).secrets["token"]?.value, StubApp.published.value)
    }

    func testADataKeyTheChartAlwaysReadsIsEmptyWhileItsSecretDoesntApplyAndIsNeverKeptSo() throws {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let off = try prepare([], out: folder.path)
        let manifest = try XCTUnwrap(off.bundle["secrets/stub.secret.yaml"]?.contents)
        XCTAssertTrue(manifest.contains("MAIL_PASSWORD: ''") || manifest.contains("MAIL_PASSWORD: \"\""), manifest)
        _ = try BundleWriter(directory: folder.path).write(off.bundle)
        // Turning mail on must ask for the password, not keep the empty stand-in as one.
        let on = try prepare(["mail.enabled=true"], out: folder.path)
        XCTAssertEqual(on.secrets["mail.password"]?.source, .placeholder)
        let supplied = try prepare(["mail.enabled=true"], secrets: ["mail.password": "smtp-Password-1"], out: folder.path)
        XCTAssertTrue(try XCTUnwrap(supplied.bundle["secrets/stub.secret.yaml"]?.contents).contains("MAIL_PASSWORD: smtp-Password-1"))
    }
}
