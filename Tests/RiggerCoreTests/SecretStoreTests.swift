import Foundation
import RiggerApps
import RiggerCluster
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// Bundles whose secrets live in the cloud's secret store (`secrets.store`): the External Secrets
/// Operator's manifests against its CustomResourceDefinitions, no value outside the 0600 copies,
/// and 20-secrets.sh run with bash against stand-in aws, gcloud and kubectl that record their calls.
final class SecretStoreTests: XCTestCase {
    /// Every app's presets with each store, and with a ClusterSecretStore and Pod Identity.
    static func storeVariants() throws -> [(String, PreparedBundle)] {
        var variants: [(String, PreparedBundle)] = []
        for fixture in TestProject.appFixtures {
            for preset in fixture.presets {
                let open = fixture.openAnswers[preset] ?? [], secrets = fixture.openSecrets[preset] ?? [:]
                for (store, sets) in [("aws", SecretStoreAnswers.aws), ("gcp", SecretStoreAnswers.gcp)] {
                    variants.append(("\(fixture.app) \(preset) \(store)", try TestProject.prepare(app: fixture.app, preset: preset, sets: open + sets, secrets: secrets)))
                }
            }
            variants.append(("\(fixture.app) cluster store", try TestProject.prepare(
                app: fixture.app, preset: "local", sets: ["secrets.store=aws-secrets-manager", "secrets.aws.region=eu-west-1", "secrets.clusterSecretStore=aws-shared"])))
            variants.append(("\(fixture.app) pod identity", try TestProject.prepare(
                app: fixture.app, preset: "local", sets: ["secrets.store=aws-secrets-manager", "secrets.aws.region=eu-west-1", "secrets.aws.auth=pod-identity"])))
        }
        return variants
    }

    func testEachSecretManifestBecomesAnExternalSecretWithExactlyItsKeysFromTheStore() throws {
        for (name, prepared) in try Self.storeVariants() {
            let bundle = prepared.bundle
            let manifests = try Self.documents(bundle, under: "secrets/").filter { $0["kind"] as? String == "Secret" }
            let external = try Self.documents(bundle, under: ExternalSecrets.folder + "/")
            let externalSecrets = external.filter { $0["kind"] as? String == "ExternalSecret" }
            XCTAssertFalse(manifests.isEmpty, name)
            XCTAssertEqual(externalSecrets.count, manifests.count, name)
            for manifest in manifests {
                let secretName = try XCTUnwrap((manifest["metadata"] as? [String: Any])?["name"] as? String, name)
                let keys = ((manifest["stringData"] as? [String: Any]) ?? [:]).keys.sorted()
                let match = try XCTUnwrap(externalSecrets.first { ($0["metadata"] as? [String: Any])?["name"] as? String == secretName }, "\(name): \(secretName)")
                let spec = try XCTUnwrap(match["spec"] as? [String: Any])
                XCTAssertEqual((spec["target"] as? [String: Any])?["name"] as? String, secretName, name)
                let data = try XCTUnwrap(spec["data"] as? [[String: Any]])
                XCTAssertEqual(data.compactMap { $0["secretKey"] as? String }.sorted(), keys, "\(name): \(secretName)")
                for entry in data {
                    let remote = try XCTUnwrap(entry["remoteRef"] as? [String: Any])
                    XCTAssertEqual(remote["property"] as? String, entry["secretKey"] as? String, name)
                    XCTAssertTrue((remote["key"] as? String ?? "").hasSuffix(secretName.replacingOccurrences(of: ".", with: "_")), name)
                }
                // The JSON copy holds exactly the keys, with the manifest's values.
                let purpose = try XCTUnwrap(bundle.files.first { $0.path.hasPrefix("secrets/") && $0.contents.contains("name: \(secretName)\n") }?.path)
                let copyPath = purpose.replacingOccurrences(of: ".secret.yaml", with: ".store.json")
                let copy = try XCTUnwrap(bundle[copyPath], "\(name): \(copyPath)")
                XCTAssertEqual(copy.mode, BundleFile.secret, name)
                let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(copy.contents.utf8)) as? [String: String])
                XCTAssertEqual(object.keys.sorted(), keys, name)
                for (key, value) in object { XCTAssertEqual("\((manifest["stringData"] as? [String: Any])?[key] ?? "")", value, name) }
            }
            let stores = external.filter { $0["kind"] as? String == "SecretStore" }
            XCTAssertEqual(stores.count, name.hasSuffix("cluster store") ? 0 : 1, name)
        }
    }

    func testEveryExternalSecretsManifestValidatesAgainstTheOperatorsSchema() throws {
        let python = try TestTools.require("python")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        var counts: [String: Int] = [:]
        for (index, (_, prepared)) in try Self.storeVariants().enumerated() {
            for file in prepared.bundle.files where file.path.hasPrefix(ExternalSecrets.folder + "/") {
                let url = folder.appendingPathComponent("\(index)-" + file.path.replacingOccurrences(of: "/", with: "-"))
                try Data(file.contents.utf8).write(to: url)
                files.append(url.path)
                for document in try Yams.load_all(yaml: file.contents) {
                    counts[((document as? [String: Any])?["kind"] as? String) ?? "?", default: 0] += 1
                }
            }
        }
        XCTAssertEqual(Set(counts.keys), ["ExternalSecret", "SecretStore"])
        let script = TestProject.root.appendingPathComponent("tools/validate-schema.py").path
        let schemas = TestProject.fixtures.appendingPathComponent("external-secrets")
        for (kind, schema) in [("ExternalSecret", "externalsecret-v1"), ("SecretStore", "secretstore-v1")] {
            let result = try runProgram(
                python, [script, schemas.appendingPathComponent("\(schema).schema.json").path, kind] + files, environment: TestTools.environmentWithTools)
            XCTAssertEqual(result.status, 0, result.output + result.error)
            XCTAssertTrue(result.error.contains("checked \(counts[kind] ?? 0) \(kind) documents"), result.error)
        }

        // The schema check can fail: a SecretStore without its region doesn't pass.
        let broken = folder.appendingPathComponent("broken.yaml")
        try Data("apiVersion: external-secrets.io/v1\nkind: SecretStore\nmetadata:\n  name: x\nspec:\n  provider:\n    aws:\n      service: SecretsManager\n".utf8)
            .write(to: broken)
        let refused = try runProgram(
            python, [script, schemas.appendingPathComponent("secretstore-v1.schema.json").path, "SecretStore", broken.path],
            environment: TestTools.environmentWithTools)
        XCTAssertNotEqual(refused.status, 0, refused.output)
        XCTAssertTrue(refused.output.contains("region"), refused.output)
    }

    /// The real charts, rendered as 40-install.sh installs them: every Secret name and key a workload
    /// reads is made by the chart, by an ExternalSecret with that key, or checked by 00-preflight.sh,
    /// never by the Secret manifests, which a store's bundle doesn't apply. values.yaml is the same
    /// whatever the store, so one render serves both.
    func testEverySecretARealChartsWorkloadReadsIsMadeByAnExternalSecret() throws {
        for (app, chartName) in [("posthog", "posthog"), ("plausible", "plausible-analytics"), ("helicone", "helicone")] {
            let chart = try TestTools.chart(chartName)
            let fixture = try XCTUnwrap(TestProject.appFixtures.first { $0.app == app })
            let open = fixture.openAnswers["aws"] ?? [], secrets = fixture.openSecrets["aws"] ?? [:]
            let plain = try TestProject.prepare(app: app, preset: "aws", sets: open, secrets: secrets)
            let stores = try [SecretStoreAnswers.aws, SecretStoreAnswers.gcp].map { try TestProject.prepare(app: app, preset: "aws", sets: open + $0, secrets: secrets) }
            // What the chart renders, and what the bundle applies itself (Plausible's databases in manifests/).
            let chartObjects = try RealChartRender.render(stores[0], chart: chart, name: app)
            let applied = try stores[0].bundle.files.filter { $0.path.hasPrefix("manifests/") && !$0.path.hasSuffix(".values.yaml") }.flatMap { file in
                try Yams.load_all(yaml: file.contents).compactMap { $0 as? [String: Any] }.map { RenderedChart.Document(template: file.path, object: $0) }
            }
            let rendered = RenderedChart(documents: chartObjects.documents + applied)
            XCTAssertFalse(rendered.secretUses.isEmpty, app)
            for prepared in stores {
                XCTAssertEqual(prepared.bundle["values.yaml"], plain.bundle["values.yaml"], "\(app): the store changes nothing in values.yaml")
                var provided = ProvidedSecrets()
                for (name, keys) in rendered.renderedSecrets { provided.add(name, keys: keys, source: .chart) }
                provided.addManifests(prepared.bundle.files.filter { $0.path.hasPrefix(ExternalSecrets.folder + "/") }.map(\.contents), source: .bundle)
                let preflight = prepared.bundle["scripts/00-preflight.sh"]?.contents ?? ""
                let unprovided = provided.problems(for: rendered.secretUses).filter { problem in
                    problem.missingKey || !preflight.contains("='\(problem.use.secret)'")
                }
                XCTAssertEqual(unprovided.map(\.description), [], app)
                // And each ExternalSecret's Secret is one the workloads read.
                let read = Set(rendered.secretUses.map(\.secret))
                for manifest in try Self.documents(prepared.bundle, under: ExternalSecrets.folder + "/") where manifest["kind"] as? String == "ExternalSecret" {
                    let name = (manifest["metadata"] as? [String: Any])?["name"] as? String ?? ""
                    // Read by a pod, or named by an object the bundle applies (CloudNativePG's Cluster reads its own).
                    let named = stores[0].bundle.files.contains { $0.path.hasPrefix("manifests/") && $0.contents.contains("name: \(name)\n") }
                    XCTAssertTrue(read.contains(name) || named, "\(app): nothing reads \(name)")
                }
            }
        }
    }

    func testNoSecretValueIsInAnyFileButTheLocalCopies() throws {
        for (name, prepared) in try Self.storeVariants() {
            let values = prepared.secrets.entries.values.filter { $0.source != .placeholder && $0.value.count >= 6 }.map(\.value)
            XCTAssertFalse(values.isEmpty, name)
            for file in prepared.bundle.files where file.mode != BundleFile.secret {
                for value in values { XCTAssertFalse(file.contents.contains(value), "\(name): \(file.path) holds a secret value") }
            }
        }
    }

    func testTheStoreAnswersAreRefusedWhenMissingOrUnsafe() throws {
        XCTAssertThrowsError(try TestProject.prepare(preset: "local", sets: ["secrets.store=aws-secrets-manager"])) { error in
            XCTAssertTrue("\(error)".contains("secrets.aws.region"), "\(error)")
        }
        XCTAssertThrowsError(try TestProject.prepare(preset: "local", sets: SecretStoreAnswers.gcp + ["secrets.gcp.prefix=rigger/prod/"])) { error in
            XCTAssertTrue("\(error)".contains("secrets.gcp.prefix"), "\(error)")
            XCTAssertTrue("\(error)".contains("letters, digits, '_' and '-'"), "\(error)")
        }
        XCTAssertThrowsError(try TestProject.prepare(preset: "local", sets: SecretStoreAnswers.aws + ["secrets.aws.prefix=rigger prod; rm -rf /"])) { error in
            XCTAssertTrue("\(error)".contains("secrets.aws.prefix"), "\(error)")
        }
    }

    // MARK: 20-secrets.sh against stand-in CLIs

    /// A bundle written to disk by the built rigger, the stand-ins' folders, and how to run a script.
    private struct Run {
        let bundle: URL
        let store: URL
        let log: URL

        func script(_ name: String, environment: [String: String] = [:]) throws -> ProgramResult {
            try? FileManager.default.removeItem(at: log)
            FileManager.default.createFile(atPath: log.path, contents: nil)
            var merged = ProcessInfo.processInfo.environment
            merged["PATH"] = TestProject.fixtures.appendingPathComponent("secret-store").path + ":" + (merged["PATH"] ?? "/usr/bin:/bin")
            merged["STANDIN_LOG"] = log.path
            merged["STANDIN_STORE"] = store.path
            merged["RIGGER_SYNC_TIMEOUT"] = "0"
            for (key, value) in environment { merged[key] = value }
            return try runProgram("/bin/bash", [bundle.appendingPathComponent("scripts/\(name)").path], environment: merged)
        }

        var calls: [String] { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }
        /// The calls that write to the store.
        var writes: [String] {
            calls.filter { $0.contains(" create-secret ") || $0.contains(" put-secret-value ") || $0.hasPrefix("gcloud secrets create ") || $0.hasPrefix("gcloud secrets versions add ") }
        }

        /// Every value of the bundle's local copies.
        func values() throws -> [String] {
            let secrets = bundle.appendingPathComponent("secrets")
            return try FileManager.default.contentsOfDirectory(atPath: secrets.path).filter { $0.hasSuffix(".store.json") }.flatMap { name in
                let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: secrets.appendingPathComponent(name))) as? [String: String]
                return (object ?? [:]).values.filter { $0.count >= 6 }
            }
        }
    }

    private func generate(_ sets: [String]) throws -> Run {
        let folder = try TestProject.temporaryFolder()
        let run = Run(bundle: folder.appendingPathComponent("bundle"), store: folder.appendingPathComponent("store"), log: folder.appendingPathComponent("calls.log"))
        try FileManager.default.createDirectory(at: run.store, withIntermediateDirectories: true)
        let result = try TestProject.runRigger(["generate", "--preset", "local", "--out", run.bundle.path] + sets.flatMap { ["--set", $0] })
        XCTAssertEqual(result.status, 0, result.error)
        // generate says which cloud CLI 20-secrets.sh needs, as the done page does.
        XCTAssertTrue(AppTestFixture.unwrapped(result.output).contains("20-secrets.sh writes the secrets into"), result.output)
        return run
    }

    private func assertValuesOnlyInFiles(_ run: Run, file: StaticString = #filePath, line: UInt = #line) throws {
        let values = try run.values()
        XCTAssertFalse(values.isEmpty, file: file, line: line)
        for call in run.calls {
            for value in values { XCTAssertFalse(call.contains(value), "a secret value on a command line: \(call)", file: file, line: line) }
        }
    }

    private func versions(_ run: Run, _ remote: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: run.store.appendingPathComponent(remote.replacingOccurrences(of: "/", with: "%")).path).sorted()
    }

    func testSecretsScriptPutsEachValueIntoAWSByFileOnceAndStopsAtAValueChangedByHand() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: TestProject.executable.path), "build rigger first")
        let run = try generate(SecretStoreAnswers.aws)
        defer { try? FileManager.default.removeItem(at: run.bundle.deletingLastPathComponent()) }
        let copies = try FileManager.default.contentsOfDirectory(atPath: run.bundle.appendingPathComponent("secrets").path).filter { $0.hasSuffix(".store.json") }
        XCTAssertGreaterThanOrEqual(copies.count, 3)

        let first = try run.script("20-secrets.sh")
        XCTAssertEqual(first.status, 0, first.output + first.error)
        XCTAssertEqual(run.writes.count, copies.count, run.calls.joined(separator: "\n"))
        XCTAssertTrue(run.writes.allSatisfy { $0.contains("--secret-string file://secrets/") && $0.contains("--region us-east-1") }, run.writes.joined(separator: "\n"))
        try assertValuesOnlyInFiles(run)
        let secretKeyRemote = "rigger/posthog/posthog/posthog-secret-key"
        XCTAssertEqual(try versions(run, secretKeyRemote), ["1"])
        XCTAssertEqual(
            try Data(contentsOf: run.store.appendingPathComponent(secretKeyRemote.replacingOccurrences(of: "/", with: "%") + "/1")),
            try Data(contentsOf: run.bundle.appendingPathComponent("secrets/posthog-secret-key.store.json")))
        XCTAssertTrue(run.calls.contains("kubectl apply --namespace posthog -f external-secrets/secret-store.yaml"), run.calls.joined(separator: "\n"))
        XCTAssertTrue(run.calls.contains { $0.hasPrefix("kubectl annotate externalsecret posthog-secret-key --namespace posthog --overwrite force-sync=") })
        XCTAssertFalse(run.calls.contains { $0.contains("rollout restart") }, "a new install restarts nothing")

        // A second run compares and writes nothing.
        let second = try run.script("20-secrets.sh")
        XCTAssertEqual(second.status, 0, second.output + second.error)
        XCTAssertEqual(run.writes, [], run.calls.joined(separator: "\n"))
        XCTAssertFalse(run.calls.contains { $0.contains("annotate") })
        try assertValuesOnlyInFiles(run)

        // A value changed in the store by hand stops the script, naming it, and nothing is overwritten.
        let byHand = run.store.appendingPathComponent(secretKeyRemote.replacingOccurrences(of: "/", with: "%") + "/2")
        try Data("{\"secret-key\":\"changed-by-hand-in-the-console\"}".utf8).write(to: byHand)
        let stopped = try run.script("20-secrets.sh")
        XCTAssertEqual(stopped.status, 1, stopped.output)
        XCTAssertTrue(stopped.error.contains("the store's value of \(secretKeyRemote) differs"), stopped.error)
        XCTAssertFalse(stopped.error.contains("changed-by-hand"), stopped.error)
        XCTAssertEqual(run.writes, [])
        try FileManager.default.removeItem(at: byHand)

        // --rotate writes exactly one new version, of the rotated secret.
        let rotated = try TestProject.runRigger(["generate", "--out", run.bundle.path, "--rotate", "posthog.secretKey"])
        XCTAssertEqual(rotated.status, 0, rotated.error)
        let afterRotation = try run.script("20-secrets.sh")
        XCTAssertEqual(afterRotation.status, 0, afterRotation.output + afterRotation.error)
        XCTAssertEqual(run.writes.count, 1, run.writes.joined(separator: "\n"))
        XCTAssertTrue(run.writes.first?.hasPrefix("aws secretsmanager put-secret-value --region us-east-1 --secret-id \(secretKeyRemote) --secret-string file://") == true)
        XCTAssertEqual(try versions(run, secretKeyRemote), ["1", "2"])
        // The pods that read the rotated Secret restart; the others don't.
        XCTAssertEqual(run.calls.filter { $0.contains("rollout restart") }, ["kubectl rollout restart Deployment/posthog-web --namespace posthog"])
        try assertValuesOnlyInFiles(run)
        XCTAssertEqual(try run.script("20-secrets.sh").status, 0)
        XCTAssertEqual(run.writes, [])
    }

    func testSecretsScriptPutsEachValueIntoGoogleByFileOnce() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: TestProject.executable.path), "build rigger first")
        let run = try generate(SecretStoreAnswers.gcp)
        defer { try? FileManager.default.removeItem(at: run.bundle.deletingLastPathComponent()) }
        let first = try run.script("20-secrets.sh")
        XCTAssertEqual(first.status, 0, first.output + first.error)
        XCTAssertFalse(run.writes.isEmpty)
        XCTAssertTrue(run.writes.allSatisfy { $0.contains("--data-file secrets/") && $0.contains("--project analytics-prod") }, run.writes.joined(separator: "\n"))
        try assertValuesOnlyInFiles(run)
        XCTAssertEqual(try run.script("20-secrets.sh").status, 0)
        XCTAssertEqual(run.writes, [])

        XCTAssertEqual(try TestProject.runRigger(["generate", "--out", run.bundle.path, "--rotate", "postgresql.password"]).status, 0)
        XCTAssertEqual(try run.script("20-secrets.sh").status, 0)
        XCTAssertEqual(run.writes.count, 1, run.writes.joined(separator: "\n"))
        XCTAssertTrue(run.writes.first?.hasPrefix("gcloud secrets versions add rigger-posthog-posthog-posthog-postgresql-auth ") == true, run.writes.joined(separator: "\n"))
    }

    func testSecretsScriptNamesTheStoreThatIsNotReady() throws {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: TestProject.executable.path), "build rigger first")
        let run = try generate(SecretStoreAnswers.aws)
        defer { try? FileManager.default.removeItem(at: run.bundle.deletingLastPathComponent()) }
        let result = try run.script("20-secrets.sh", environment: ["STANDIN_NOT_READY": "1"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.error.contains("the SecretStore posthog-secret-store is not Ready after 0s"), result.error)
    }

    func testStoreScriptsAreShellcheckClean() throws {
        let shellcheck = try TestTools.require("shellcheck")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, (name, prepared)) in try Self.storeVariants().enumerated() {
            for path in ["scripts/00-preflight.sh", "scripts/20-secrets.sh"] {
                let file = folder.appendingPathComponent("\(index)-\(path.replacingOccurrences(of: "/", with: "-"))")
                try Data(try XCTUnwrap(prepared.bundle[path]).contents.utf8).write(to: file)
                let result = try runProgram(shellcheck, ["-s", "bash", file.path])
                XCTAssertEqual(result.status, 0, "\(name) \(path):\n" + result.output)
            }
        }
    }

    func testPreflightChecksTheOperatorsDefinitionsAndTheStore() throws {
        let own = try TestProject.prepare(preset: "local", sets: SecretStoreAnswers.aws).bundle["scripts/00-preflight.sh"]?.contents ?? ""
        XCTAssertTrue(own.contains("for crd in externalsecrets.external-secrets.io secretstores.external-secrets.io; do"), own)
        XCTAssertTrue(own.contains("STORE_SERVICE_ACCOUNT='app-secrets'"), own)
        XCTAssertTrue(own.contains("command -v aws >/dev/null"), own)
        let shared = try TestProject.prepare(preset: "local", sets: [
            "secrets.store=gcp-secret-manager", "secrets.gcp.project=analytics-prod", "secrets.clusterSecretStore=gcp-shared",
        ]).bundle["scripts/00-preflight.sh"]?.contents ?? ""
        XCTAssertTrue(shared.contains("clustersecretstores.external-secrets.io"), shared)
        XCTAssertTrue(shared.contains("the ClusterSecretStore $STORE_NAME is not Ready"), shared)
        XCTAssertTrue(shared.contains("command -v gcloud >/dev/null"), shared)
    }

    // MARK: The cluster's ClusterSecretStores

    private func checked(_ scenario: String, sets: [String]) throws -> ClusterCheckedBundle {
        let cluster = try StandInCluster(scenario: scenario)
        let target = ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog", readsSecretStores: true)
        let facts = ClusterProbe(runner: cluster.runner).read(target)
        let generator = BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "cluster")
        let request = GenerationRequest(preset: "local", setArguments: sets, outputDirectory: "/nonexistent/rigger-cluster")
        return try generator.prepare(request, generator: &random, cluster: facts)
    }

    func testTheClusterSecretStoresOfTheChosenCloudAreOfferedAndAMissingOneIsSaid() throws {
        let aws = try checked("secret-stores eks", sets: ["secrets.store=aws-secrets-manager", "secrets.aws.region=us-east-1", "secrets.clusterSecretStore=aws-shared"])
        XCTAssertEqual(aws.findings[CommonQuestions.clusterSecretStoreKey]?.choices, [ClusterChoice("aws-shared", detail: "Ready")])
        XCTAssertEqual(aws.findings[CommonQuestions.clusterSecretStoreKey]?.warnings ?? [], [])

        let gcp = try checked("secret-stores eks", sets: ["secrets.store=gcp-secret-manager", "secrets.gcp.project=analytics-prod", "secrets.clusterSecretStore=gcp-shared"])
        XCTAssertEqual(gcp.findings[CommonQuestions.clusterSecretStoreKey]?.choices, [ClusterChoice("gcp-shared", detail: "not Ready")])
        XCTAssertEqual(gcp.findings[CommonQuestions.clusterSecretStoreKey]?.warnings.map(\.message), ["the ClusterSecretStore gcp-shared is not Ready"])

        let missing = try checked("no-external-secrets eks", sets: ["secrets.store=aws-secrets-manager", "secrets.aws.region=us-east-1", "secrets.clusterSecretStore=aws-shared"])
        XCTAssertEqual(missing.findings[CommonQuestions.clusterSecretStoreKey]?.warnings.map(\.message), ["the cluster has no ClusterSecretStore aws-shared; it has none"])
        XCTAssertEqual(aws.findings[CommonQuestions.secretStoreKey]?.warnings ?? [], [], "the operator serves v1")
        XCTAssertEqual(missing.findings[CommonQuestions.secretStoreKey]?.warnings.map(\.message), [
            "the External Secrets Operator is not installed in this cluster (no CustomResourceDefinition externalsecrets.external-secrets.io); install it, v0.17 or newer, before 20-secrets.sh",
        ])
    }

    func testTheStoresAreReadOnlyWhenTheSecretsGoToACloudStore() throws {
        let cluster = try StandInCluster(scenario: "eks")
        _ = ClusterProbe(runner: cluster.runner).read(ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog"))
        XCTAssertFalse(cluster.calls.contains { $0.contains("clustersecretstores") }, cluster.calls.joined(separator: "\n"))
        let answers = try TestProject.prepare(preset: "local", sets: SecretStoreAnswers.aws).answers
        XCTAssertEqual(ClusterProbeTarget(answers: answers.lookup)?.readsSecretStores, true)
        XCTAssertEqual(ClusterProbeTarget(answers: try TestProject.prepare(preset: "local").answers.lookup)?.readsSecretStores, false)
    }

    private static func documents(_ bundle: RiggerCore.Bundle, under prefix: String) throws -> [[String: Any]] {
        try bundle.files.filter { $0.path.hasPrefix(prefix) && $0.path.hasSuffix(".yaml") }.flatMap { file in
            try Yams.load_all(yaml: file.contents).compactMap { $0 as? [String: Any] }
        }
    }
}
