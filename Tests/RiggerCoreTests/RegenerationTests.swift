import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Regenerating a bundle: secrets kept, refusals, the change report and faults while writing.
final class RegenerationTests: XCTestCase {
    private struct InjectedFault: Error {}

    private func write(_ prepared: PreparedBundle, to folder: URL) throws {
        _ = try BundleWriter(directory: folder.path).write(prepared.bundle)
    }

    private func snapshot(_ folder: URL) -> [String: Data] { BundleWriter(directory: folder.path).currentFiles() }

    func testRandomAnswerChangesKeepSecretsAndChangeOnlyWhatTheyShould() throws {
        // Each change, and the files it must change (the README and rigger.yaml list every answer).
        let changes: [(String, Set<String>)] = [
            ("ingress.hostname=changed.example.com", ["README.md", "rigger.yaml", "values.yaml", "scripts/50-verify.sh"]),
            ("image.tag=release-1.44.0", ["README.md", "rigger.yaml", "values.yaml"]),
            ("chart.version=30.47.0", ["README.md", "rigger.yaml", "values.yaml", "scripts/00-preflight.sh", "scripts/40-install.sh"]),
            ("clickhouse.storage=500Gi", ["README.md", "rigger.yaml", "values.yaml"]),
            ("storageClass=fast", ["README.md", "rigger.yaml", "values.yaml", "scripts/00-preflight.sh"]),
            ("kubeContext=prod-cluster", Set(["README.md", "rigger.yaml"] + PostHogQuestions.scriptPaths.filter { $0.hasPrefix("scripts/") })),
        ]
        for preset in TestProject.presetNames {
            let folder = try TestProject.temporaryFolder()
            try write(try TestProject.presetBundle(preset), to: folder)
            let secretsBefore = snapshot(folder).filter { $0.key.hasPrefix("secrets/") }

            let same = try TestProject.prepare(preset: nil, outputDirectory: folder.path, seed: "another-seed")
            let unchanged = try BundleWriter(directory: folder.path).write(same.bundle)
            XCTAssertTrue(unchanged.isUnchanged, "\(preset): \(unchanged.changed) \(unchanged.added)")
            XCTAssertNil(unchanged.backup)

            for (change, expected) in changes.shuffled() {
                var expectedFiles = expected
                // The GCP prerequisites print the DNS record for the hostname.
                if preset.hasPrefix("gcp"), change.hasPrefix("ingress.hostname") { expectedFiles.insert("scripts/30-prerequisites.sh") }
                let regenerated = try TestProject.prepare(preset: nil, sets: [change], outputDirectory: folder.path, seed: "another-seed")
                // rigger's own Redis keeps its volume in the storage class too.
                let redis = "helm-plugins/rigger-post-render/resources/02-statefulset-posthog-redis.yaml"
                if change.hasPrefix("storageClass"), regenerated.bundle[redis] != nil { expectedFiles.insert(redis) }
                let result = try BundleWriter(directory: folder.path).write(regenerated.bundle)
                XCTAssertEqual(Set(result.changed), expectedFiles, "\(preset) with \(change)")
                XCTAssertEqual(result.added, [], preset)
                XCTAssertEqual(result.removed, [], preset)
                XCTAssertNotNil(result.backup, preset)
                XCTAssertEqual(snapshot(folder).filter { $0.key.hasPrefix("secrets/") }, secretsBefore, "\(preset): secrets changed with \(change)")
            }
        }
    }

    func testRefusalsExitWithProblemsAndChangeNothing() throws {
        let folder = try TestProject.temporaryFolder()
        let volumes = ["postgresql", "redis", "kafka", "clickhouse", "zookeeper"]
        try write(try TestProject.prepare(preset: "local", sets: volumes.map { "\($0).storage=4Gi" }), to: folder)
        let before = snapshot(folder)
        // Smaller, but each still a size rigger takes (1Gi at least): refused only because it shrinks.
        let refusals = ["postgresql.storage=2Gi", "redis.storage=3Gi", "kafka.storage=3.5Gi", "clickhouse.storage=1Gi",
                        "zookeeper.storage=2000Mi", "release=other", "namespace=other"]
        for refusal in refusals {
            XCTAssertThrowsError(try TestProject.prepare(preset: nil, sets: [refusal], outputDirectory: folder.path), refusal) { error in
                let problems = (error as? InvalidAnswers)?.problems ?? []
                XCTAssertEqual(problems.map(\.key), [String(refusal.split(separator: "=")[0])], refusal)
                XCTAssertTrue(problems.first?.description.contains("never shrink") == true || problems.first?.description.contains("--force") == true)
            }
            XCTAssertEqual(snapshot(folder), before, refusal)
        }
        var forced = GenerationRequest(setArguments: ["release=other"], outputDirectory: folder.path)
        forced.force = true
        var random = SeededSecretGenerator()
        XCTAssertNoThrow(try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:]).prepare(forced, generator: &random))
    }

    func testRotationReplacesOnlyTheNamedSecretAndWarns() throws {
        let folder = try TestProject.temporaryFolder()
        try write(try TestProject.presetBundle("gcp"), to: folder)
        var request = GenerationRequest(outputDirectory: folder.path)
        request.rotate = ["posthog.secretKey"]
        var random = SeededSecretGenerator(seed: "rotation")
        let rotated = try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:]).prepare(request, generator: &random)
        XCTAssertTrue(rotated.warnings.contains { $0.contains("logs every user out") })
        let changes = BundleChanges(
            oldFiles: snapshot(folder), oldAnswers: rotated.previousAnswers, oldSecrets: rotated.previous?.secrets ?? [:], new: rotated)
        XCTAssertEqual(changes.secrets.filter { $0.change == .rotated }.map(\.key), ["posthog.secretKey"])
        XCTAssertEqual(changes.changed, ["secrets/posthog-secret-key.secret.yaml"])
        let report = changes.report(includeDiffs: true)
        for value in rotated.secrets.entries.values { XCTAssertFalse(report.contains(value.value)) }
    }

    func testTheDiffShowsAnswersFilesAndAUnifiedDiff() throws {
        let folder = try TestProject.temporaryFolder()
        try write(try TestProject.presetBundle("gcp"), to: folder)
        let prepared = try TestProject.prepare(preset: nil, sets: ["ingress.hostname=new.example.com"], outputDirectory: folder.path)
        let report = BundleChanges(
            oldFiles: snapshot(folder), oldAnswers: prepared.previousAnswers, oldSecrets: prepared.previous?.secrets ?? [:], new: prepared
        ).report(includeDiffs: true)
        XCTAssertTrue(report.contains("ingress.hostname: posthog.example.com -> new.example.com"), report)
        XCTAssertTrue(report.contains("--- a/values.yaml\n+++ b/values.yaml\n@@ "), report)
        XCTAssertTrue(report.contains("-  hostname: posthog.example.com\n+  hostname: new.example.com"), report)
        XCTAssertTrue(report.contains("unchanged posthog.secretKey"), report)
    }

    /// Every changed file but the Secrets is diffed, README.md and rigger.yaml included, and a
    /// secret's value (old or new) that a diffed file holds shows as *** only.
    func testTheDiffCoversTheReadmeAndAnswersWithSecretsMasked() throws {
        let folder = try TestProject.temporaryFolder()
        try write(try TestProject.presetBundle("gcp"), to: folder)
        var before = snapshot(folder)
        var request = GenerationRequest(setArguments: ["ingress.hostname=new.example.com"], outputDirectory: folder.path)
        request.rotate = ["posthog.secretKey"]
        var random = SeededSecretGenerator(seed: "masked")
        let prepared = try BundleGenerator(registry: .standard, presets: TestProject.presets, environment: [:]).prepare(request, generator: &random)
        let old = try XCTUnwrap(prepared.previous?.secrets["posthog.secretKey"])
        let new = try XCTUnwrap(prepared.secrets["posthog.secretKey"]?.value)
        // A README edited by hand to hold the old key: the diff removes that line, and must not show it.
        before["README.md"] = Data((String(decoding: before["README.md"] ?? Data(), as: UTF8.self) + "old key: \(old)\n").utf8)
        let report = BundleChanges(oldFiles: before, oldAnswers: prepared.previousAnswers, oldSecrets: prepared.previous?.secrets ?? [:], new: prepared)
            .report(includeDiffs: true)
        XCTAssertTrue(report.contains("--- a/README.md\n+++ b/README.md\n@@ "), report)
        XCTAssertTrue(report.contains("--- a/rigger.yaml\n+++ b/rigger.yaml\n@@ "), report)
        XCTAssertTrue(report.contains("-  hostname: posthog.example.com\n+  hostname: new.example.com"), report)
        XCTAssertTrue(report.contains("-old key: ***\n"), report)
        XCTAssertFalse(report.contains(old), "the old secret is shown")
        XCTAssertFalse(report.contains(new), "the new secret is shown")
        XCTAssertFalse(report.contains("--- a/secrets/"), "Secrets are listed by state, never diffed")
    }

    func testAFailureAtAnyFileLeavesTheOldBundleIntact() throws {
        let folder = try TestProject.temporaryFolder()
        try write(try TestProject.presetBundle("aws"), to: folder)
        let before = snapshot(folder)
        let changed = try TestProject.prepare(
            preset: nil, sets: ["ingress.hostname=new.example.com", "image.tag=release-1.44.0"], outputDirectory: folder.path)
        // Only files whose contents change are staged, so those are the points a write can fail at.
        let paths = changed.bundle.files.filter { before[$0.path] != Data($0.contents.utf8) }.map(\.path)
        XCTAssertGreaterThanOrEqual(paths.count, 4)
        for failing in paths {
            let writer = BundleWriter(directory: folder.path) { stage, path in
                if stage == .staging, path == failing { throw InjectedFault() }
            }
            XCTAssertThrowsError(try writer.write(changed.bundle))
            XCTAssertEqual(snapshot(folder), before, "a failure at \(failing) changed the old bundle")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/.rigger/staging"))
        }
    }

    func testAWriteCutOffWhileRenamingIsCompletedByTheNextRun() throws {
        let folder = try TestProject.temporaryFolder()
        try write(try TestProject.presetBundle("aws"), to: folder)
        let changed = try TestProject.prepare(preset: nil, sets: ["ingress.hostname=new.example.com"], outputDirectory: folder.path)
        let writer = BundleWriter(directory: folder.path) { stage, path in
            if stage == .renaming, path == "scripts/50-verify.sh" { throw InjectedFault() }
        }
        XCTAssertThrowsError(try writer.write(changed.bundle))
        try BundleWriter(directory: folder.path).recoverInterruptedWrite()
        let after = snapshot(folder)
        for file in changed.bundle.files { XCTAssertEqual(after[file.path], Data(file.contents.utf8), file.path) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/.rigger/staging"))
    }

    func testBackupsKeepSecretsPrivateAndOnlyTheNewestTen() throws {
        let folder = try TestProject.temporaryFolder()
        try write(try TestProject.presetBundle("local"), to: folder)
        for index in 0..<12 {
            let prepared = try TestProject.prepare(preset: nil, sets: ["clickhouse.storage=\(3 + index)Gi"], outputDirectory: folder.path)
            _ = try BundleWriter(directory: folder.path).write(prepared.bundle, now: Date(timeIntervalSince1970: Double(1_800_000_000 + index)))
        }
        let backups = folder.appendingPathComponent(".rigger/backups")
        let kept = try FileManager.default.contentsOfDirectory(atPath: backups.path).sorted()
        XCTAssertEqual(kept.count, BundleWriter.backupsKept)
        let newest = backups.appendingPathComponent(try XCTUnwrap(kept.last))
        let mode = try FileManager.default.attributesOfItem(atPath: newest.appendingPathComponent("secrets/postgresql.secret.yaml").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertTrue(try String(contentsOf: newest.appendingPathComponent("rigger.yaml"), encoding: .utf8).contains("storage: 13Gi"))
    }

    func testUnifiedDiffMatchesDiffU() throws {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        XCTAssertEqual(UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b"), """
            --- a
            +++ b
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
        XCTAssertEqual(UnifiedDiff.diff(old: old, new: old, oldName: "a", newName: "b"), "")
    }
}
