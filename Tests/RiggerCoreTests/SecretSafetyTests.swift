import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// Secret values stay in secrets/, are long and random enough, and survive any characters.
final class SecretSafetyTests: XCTestCase {
    func testNoSecretValueAppearsOutsideSecrets() throws {
        for preset in TestProject.presetNames {
            let prepared = try TestProject.presetBundle(preset)
            XCTAssertFalse(prepared.secrets.entries.isEmpty)
            for (key, entry) in prepared.secrets.entries {
                for file in prepared.bundle.files where !file.path.hasPrefix("secrets/") {
                    XCTAssertFalse(file.contents.contains(entry.value), "\(preset): the value of \(key) appears in \(file.path)")
                }
            }
        }
    }

    func testSecretFilesAreOwnerOnly() throws {
        let bundle = try TestProject.presetBundle("gcp").bundle
        for file in bundle.files where file.path.hasPrefix("secrets/") { XCTAssertEqual(file.mode, 0o600, file.path) }
        XCTAssertEqual(RiggerCore.Bundle.directoryModes["secrets"], 0o700)
    }

    func testGeneratedSecretsAreLongAndFromTheSafeAlphabet() throws {
        let prepared = try TestProject.presetBundle("gcp")
        let alphabet = Set(SecretAlphabet.characters)
        for (key, entry) in prepared.secrets.entries {
            XCTAssertEqual(entry.source, .generated, key)
            XCTAssertGreaterThanOrEqual(entry.value.count, 32, key)
            XCTAssertTrue(entry.value.allSatisfy(alphabet.contains), key)
        }
    }

    func testTheSystemGeneratorNeverRepeatsAndUsesTheWholeAlphabet() {
        var generator = SystemSecretGenerator()
        let values = (0..<200).map { _ in generator.generate(length: 32) }
        XCTAssertEqual(Set(values).count, values.count)
        XCTAssertEqual(Set(values.joined()).count, SecretAlphabet.characters.count)
    }

    func testSuppliedSecretsWithAnyCharactersRoundTripThroughYAML() throws {
        let awkward = #"p@ss'w"rd: $(rm -rf /) `x` # {a} ~ null"#
        let prepared = try TestProject.prepare(
            preset: "aws-managed", sets: TestProject.openAnswers["aws-managed"]!,
            secrets: ["postgresql.password": awkward, "redis.password": "true"])
        let manifest = try XCTUnwrap(prepared.bundle["secrets/postgresql.secret.yaml"])
        let parsed = try XCTUnwrap(try Yams.compose(yaml: manifest.contents))
        XCTAssertEqual(parsed["stringData"]?["postgresql-password"]?.string, awkward)
        let redis = try XCTUnwrap(try Yams.load(yaml: try XCTUnwrap(prepared.bundle["secrets/redis.secret.yaml"]).contents) as? [String: Any])
        XCTAssertEqual((redis["stringData"] as? [String: Any])?["redis-password"] as? String, "true", "a password 'true' must stay a string")
    }

    func testManagedSecretsNotSuppliedArePlaceholdersThatPreflightRefuses() throws {
        let prepared = try TestProject.prepare(preset: "aws-managed", sets: TestProject.openAnswers["aws-managed"]!)
        XCTAssertEqual(prepared.secrets.placeholderKeys, ["postgresql.password", "redis.password"])
        let manifest = try XCTUnwrap(prepared.bundle["secrets/postgresql.secret.yaml"]).contents
        XCTAssertTrue(manifest.contains(SecretSet.placeholderMarker))
        let folder = try TestProject.temporaryFolder()
        try TestProject.materialize(prepared.bundle, in: folder)
        // Run only the placeholder check of the preflight: fake kubectl and helm that answer like a real cluster.
        let bin = folder.appendingPathComponent("fakebin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let kubectl = """
            #!/usr/bin/env bash
            case "$*" in
              "config current-context") echo test ;;
              "version --client -o json") echo '{"clientVersion": {"major": "1", "minor": "34"}, "kustomizeVersion": "v5.7.1"}' ;;
              *"get --raw /version"*) printf '{\\n  "major": "1",\\n  "minor": "29"\\n}\\n' ;;
              *"get storageclass"*) echo standard ;;
              # The RDS CA the operator keeps in a Secret of their own.
              *"get secret --namespace posthog posthog-postgresql-ca"*) echo Q0EK ;;
            esac
            """
        try Data(kubectl.utf8).write(to: bin.appendingPathComponent("kubectl"))
        try Data("#!/usr/bin/env bash\necho v3.14.0\n".utf8).write(to: bin.appendingPathComponent("helm"))
        for tool in ["kubectl", "helm"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent(tool).path)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let refused = try runProgram("bash", ["scripts/00-preflight.sh"], environment: environment, directory: folder)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.contains("postgresql.password"), refused.error)
        XCTAssertTrue(refused.error.contains("redis.password"), refused.error)

        let complete = try TestProject.presetBundle("aws-managed")
        let folder2 = try TestProject.temporaryFolder()
        try TestProject.materialize(complete.bundle, in: folder2)
        let passed = try runProgram("bash", ["scripts/00-preflight.sh"], environment: environment, directory: folder2)
        XCTAssertEqual(passed.status, 0, passed.error)
        XCTAssertTrue(passed.output.contains("preflight checks passed"))
    }
}
