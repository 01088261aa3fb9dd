import Foundation
@testable import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Growing a volume on regeneration: the API won't resize a StatefulSet's claim template, so
/// 40-install.sh grows the claims and re-creates the StatefulSet before `helm upgrade`.
final class StatefulSetVolumeTests: XCTestCase {
    /// Every StatefulSet 40-install.sh would grow is one the real chart renders (through the
    /// bundle's post-renderer, for rigger's Redis), with that claim template.
    func testEveryVolumeNamesAStatefulSetAndClaimTemplateOfTheRealChart() throws {
        let chart = try TestTools.chart("posthog")
        for (name, sets) in [("local", [String]()), ("chart's Redis", ["redis.server=chart", "allowVulnerable=CVE-2025-49844,CVE-2025-46817"])] {
            let prepared = try TestProject.prepare(preset: "local", sets: sets)
            let plan = try PostHogPlan(prepared.answers)
            let volumes = PostHogScriptsRenderer.statefulSetVolumes(plan)
            XCTAssertEqual(volumes.count, 4, "\(name): PostgreSQL, Redis, Kafka and ZooKeeper")
            let rendered = try RealChartRender.render(prepared, chart: chart, name: name)
            let templates = Dictionary(uniqueKeysWithValues: rendered.objects("StatefulSet").map { document in
                let spec = document.object["spec"] as? [String: Any]
                let claims = (spec?["volumeClaimTemplates"] as? [[String: Any]] ?? []).compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
                return (document.name, claims)
            })
            for volume in volumes {
                XCTAssertEqual(templates[volume.statefulSet]?.contains(volume.claimTemplate), true, "\(name): \(volume) in \(templates)")
            }
        }
    }

    /// Against a kubectl whose StatefulSet asks for 10Gi: the claims of its pods are grown to 20Gi
    /// and the StatefulSet goes without its pods, before helm upgrades; at the same size, nothing.
    func testAGrownVolumeIsPatchedAndItsStatefulSetReCreatedBeforeTheUpgrade() throws {
        for (current, grows) in [("10Gi", true), ("20Gi", false)] {
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let prepared = try TestProject.prepare(preset: "local", sets: ["postgresql.storage=20Gi"])
            try TestProject.materialize(prepared.bundle, in: folder)
            let bin = folder.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let log = folder.appendingPathComponent("calls.log")
            let kubectl = """
                #!/usr/bin/env bash
                echo "kubectl $*" >> '\(log.path)'
                case "$*" in
                  *"get statefulset"*"posthog-posthog-postgresql"*) echo -n '\(current)' ;;
                  *"get statefulset"*) exit 1 ;;
                  *"get pvc"*) printf 'persistentvolumeclaim/data-posthog-posthog-postgresql-0\\npersistentvolumeclaim/data-posthog-posthog-postgresql-10\\npersistentvolumeclaim/other-posthog-posthog-postgresql-0\\n' ;;
                esac
                exit 0
                """
            let helm = "#!/usr/bin/env bash\necho \"helm $*\" >> '\(log.path)'\nexit 0\n"
            for (tool, text) in [("kubectl", kubectl), ("helm", helm)] {
                let url = bin.appendingPathComponent(tool)
                try Data(text.utf8).write(to: url)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = bin.path + ":/usr/bin:/bin"
            let result = try runProgram("bash", [folder.appendingPathComponent("scripts/40-install.sh").path], environment: environment)
            XCTAssertEqual(result.status, 0, result.output + result.error)
            let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
            let patches = calls.filter { $0.hasPrefix("kubectl patch pvc") }
            let deletes = calls.filter { $0.contains("delete statefulset") }
            guard let upgrade = calls.firstIndex(where: { $0.hasPrefix("helm upgrade") }) else { return XCTFail("no upgrade: \(calls)") }
            if grows {
                XCTAssertEqual(patches.count, 2, "both pods' claims, not another template's: \(patches)")
                XCTAssertTrue(patches.allSatisfy { $0.contains("\"storage\":\"20Gi\"") }, "\(patches)")
                XCTAssertEqual(deletes.count, 1, "\(calls)")
                XCTAssertTrue(deletes[0].contains("posthog-posthog-postgresql") && deletes[0].contains("--cascade=orphan"), deletes[0])
                XCTAssertLessThan(try XCTUnwrap(calls.firstIndex(of: deletes[0])), upgrade, "re-created by the upgrade")
            } else {
                XCTAssertEqual(patches, [], "the same size grows nothing")
                XCTAssertEqual(deletes, [])
            }
            XCTAssertFalse(calls.contains { $0.contains("delete statefulset") && !$0.contains("posthog-posthog-postgresql") }, "only what grew")
        }
    }
}
