import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// Every app at every size, rendered by its real chart through the bundle's post-renderer: every
/// container requests CPU and memory, and with `ha` every Deployment but those the README lists as
/// single runs two or more replicas (or an autoscaler with a minimum of two), has a
/// PodDisruptionBudget that selects its pods and spreads over nodes.
final class SizingRealChartTests: XCTestCase {
    /// One app's sized bundles and what its chart renders of them.
    private struct Rendered {
        let app: AppTestFixture
        let sizing: Sizing
        let prepared: PreparedBundle
        let chart: RenderedChart
    }

    nonisolated(unsafe) private static var cache: [Rendered]?

    /// The Deployments each app runs one of whatever the size (the README says why), by name.
    private static let singles: [String: Set<String>] = [
        "posthog": ["clickhouse-operator", "posthog-posthog-minio"],
        "plausible": ["plausible"],
        "helicone": Set(["realtime", "storage", "db", "clickhouse"].map { HeliconeChartName.fullname("helicone", $0) }),
    ]

    /// Long-running containers with no readiness probe, which the README lists: PostHog's Celery
    /// worker has no endpoint to ask; the Helicone chart gives none of its containers a probe, and
    /// rigger adds one only where the component serves a health check of its own.
    private static let unprobed: [String: Set<String>] = [
        "posthog": ["posthog-workers", "clickhouse-operator", "metrics-exporter"],
        "helicone": Set(["web", "worker", "kong", "rest", "meta", "functions", "realtime", "studio"].map { "helicone-\($0)" }),
    ]

    private static func bundles() throws -> [(AppTestFixture, Sizing, PreparedBundle)] {
        var all: [(AppTestFixture, Sizing, PreparedBundle)] = []
        for sizing in Sizing.allCases {
            all.append((.postHog, sizing, try TestProject.prepare(
                app: "posthog", preset: "aws",
                sets: AppTestFixture.postHog.openAnswers["aws"]! + ["objectStorage.mode=in-cluster", "sizing=\(sizing.rawValue)"])))
            all.append((.plausible, sizing, try PlausibleTestBundles.prepare("aws", ["sizing=\(sizing.rawValue)"])))
            all.append((.helicone, sizing, try TestProject.prepare(
                app: "helicone", preset: "aws",
                sets: AppTestFixture.helicone.openAnswers["aws"]! + ["sizing=\(sizing.rawValue)"]
                    + (sizing == .ha ? ["helicone.studio=true", "helicone.studioHostname=studio.helicone.example.com"] : []))))
        }
        return all
    }

    private func rendered() throws -> [Rendered] {
        if let cached = Self.cache { return cached }
        let charts = ["posthog": "posthog", "plausible": "plausible-analytics", "helicone": "helicone"]
        let all = try Self.bundles().map { app, sizing, prepared in
            Rendered(
                app: app, sizing: sizing, prepared: prepared,
                chart: try RealChartRender.render(prepared, chart: try TestTools.chart(charts[app.app]!), name: "\(app.app) \(sizing)"))
        }
        Self.cache = all
        return all
    }

    // MARK: Reading the rendered objects

    private static func map(_ value: Any?, _ path: String...) -> [String: Any]? {
        var current = value
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? [String: Any]
    }

    private static func podSpec(_ object: [String: Any]) -> [String: Any]? { map(object, "spec", "template", "spec") }
    private static func podLabels(_ object: [String: Any]) -> [String: String] {
        (map(object, "spec", "template", "metadata")?["labels"] as? [String: String]) ?? [:]
    }

    /// Whether a selector's matchLabels all hold in the labels.
    private static func selects(_ selector: [String: Any]?, _ labels: [String: String]) -> Bool {
        guard let match = selector?["matchLabels"] as? [String: String], !match.isEmpty else { return false }
        return match.allSatisfy { labels[$0.key] == $0.value }
    }

    /// The containers of every workload the install runs (Helm test hooks left out), by workload.
    private static func containers(_ chart: RenderedChart) -> [(workload: String, container: [String: Any])] {
        var found: [(String, [String: Any])] = []
        for document in chart.documents where !document.isTestHook {
            switch document.kind {
            case "Deployment", "StatefulSet", "DaemonSet", "Job":
                for container in podSpec(document.object)?["containers"] as? [[String: Any]] ?? [] { found.append((document.name, container)) }
            case "ClickHouseInstallation":
                let templates = map(document.object, "spec", "templates")?["podTemplates"] as? [[String: Any]] ?? []
                for template in templates {
                    for container in map(template, "spec")?["containers"] as? [[String: Any]] ?? [] { found.append((document.name, container)) }
                }
            default: break
            }
        }
        return found
    }

    private static func requestsCPUAndMemory(_ container: [String: Any]) -> Bool {
        let requests = map(container, "resources", "requests")
        return requests?["cpu"] != nil && requests?["memory"] != nil
    }

    // MARK: Tests

    func testEveryAppAtEverySizeRendersAndEveryContainerRequestsCPUAndMemory() throws {
        let all = try rendered()
        XCTAssertEqual(all.count, 9)
        for entry in all {
            let name = "\(entry.app.app) \(entry.sizing)"
            XCTAssertEqual(BundleChartCheck.secretProblems(entry.chart, bundle: entry.prepared.bundle), [], name)
            let containers = Self.containers(entry.chart)
            XCTAssertFalse(containers.isEmpty, name)
            for (workload, container) in containers where !Self.requestsCPUAndMemory(container) {
                // A busybox echo the chart runs for a moment after each release, with no resources setting
                // and a name that changes on every render: the README says so.
                if workload.hasPrefix("posthog-grafana-annotation-job-post-") { continue }
                XCTFail("\(name): \(workload)/\(container["name"] ?? "?") requests no CPU or memory")
            }
        }
    }

    func testTheSizesDifferAndTheValuesSayWhatTheTableSays() throws {
        for entry in try rendered() {
            let table = try XCTUnwrap(entry.prepared.app.app.sizing(entry.prepared.answers))
            XCTAssertEqual(table.sizing, entry.sizing)
            let readme = try XCTUnwrap(entry.prepared.bundle["README.md"]?.contents)
            XCTAssertTrue(readme.contains("## Sizing: \(entry.sizing.rawValue)"), entry.app.app)
            XCTAssertTrue(readme.contains("| **Total** (at the minimum replicas) | | \(SizingTable.cores(table.totalCPUMillis)) |"), entry.app.app)
        }
        let totals = Dictionary(grouping: try rendered(), by: \.app.app).mapValues { entries in
            entries.sorted { Sizing.allCases.firstIndex(of: $0.sizing)! < Sizing.allCases.firstIndex(of: $1.sizing)! }
                .map { $0.prepared.app.app.sizing($0.prepared.answers)!.totalCPUMillis }
        }
        for (app, cpu) in totals {
            XCTAssertLessThan(cpu[0], cpu[1], "\(app): small requests less than standard")
            XCTAssertLessThanOrEqual(cpu[1], cpu[2], "\(app): ha requests at least what standard does")
        }
    }

    func testWithHAEveryDeploymentButTheSinglesIsReplicatedBudgetedAndSpread() throws {
        for entry in try rendered() where entry.sizing == .ha {
            let app = entry.app.app
            let singles = Self.singles[app] ?? []
            let budgets = entry.chart.objects("PodDisruptionBudget").map { Self.map($0.object, "spec", "selector") }
            let autoscalers = entry.chart.objects("HorizontalPodAutoscaler").map(\.object)
            let deployments = entry.chart.objects("Deployment")
            XCTAssertTrue(deployments.contains { singles.contains($0.name) } || app == "plausible", "\(app): the singles' names are stale")
            for deployment in deployments where !singles.contains(deployment.name) {
                let name = "\(app) \(deployment.name)"
                let labels = Self.podLabels(deployment.object)
                let replicas = Self.map(deployment.object, "spec")?["replicas"] as? Int
                let autoscaled = autoscalers.contains { hpa in
                    Self.map(hpa, "spec", "scaleTargetRef")?["name"] as? String == deployment.name && (Self.map(hpa, "spec")?["minReplicas"] as? Int ?? 0) >= 2
                }
                XCTAssertTrue((replicas ?? 0) >= 2 || autoscaled, "\(name): \(replicas.map(String.init) ?? "no") replicas and no autoscaler from 2")
                XCTAssertTrue(budgets.contains { Self.selects($0, labels) }, "\(name): no PodDisruptionBudget selects its pods \(labels)")
                let spec = Self.podSpec(deployment.object)
                let antiAffinity = Self.map(spec, "affinity", "podAntiAffinity")
                let terms = (antiAffinity?["preferredDuringSchedulingIgnoredDuringExecution"] as? [[String: Any]] ?? []).compactMap { $0["podAffinityTerm"] as? [String: Any] }
                    + (antiAffinity?["requiredDuringSchedulingIgnoredDuringExecution"] as? [[String: Any]] ?? [])
                let constraints = spec?["topologySpreadConstraints"] as? [[String: Any]] ?? []
                let spreads = (terms + constraints).contains { term in
                    term["topologyKey"] as? String == Spreading.hostnameKey && Self.selects(term["labelSelector"] as? [String: Any], labels)
                }
                XCTAssertTrue(spreads, "\(name): nothing spreads its pods over nodes")
            }
        }
    }

    func testEveryLongRunningContainerHasAReadinessProbeOrIsListed() throws {
        for entry in try rendered() {
            let unprobed = Self.unprobed[entry.app.app] ?? []
            for document in entry.chart.documents where ["Deployment", "StatefulSet"].contains(document.kind) {
                for container in Self.podSpec(document.object)?["containers"] as? [[String: Any]] ?? [] {
                    let name = container["name"] as? String ?? ""
                    XCTAssertTrue(container["readinessProbe"] != nil || unprobed.contains(name), "\(entry.app.app): \(document.name)/\(name) has no readiness probe")
                }
            }
        }
        // Those left without one are named in the README rather than given a probe that guesses.
        for entry in try rendered() where entry.app.app == "helicone" {
            let readme = try XCTUnwrap(entry.prepared.bundle["README.md"]?.contents)
            XCTAssertTrue(readme.contains("web, worker, kong, rest, meta,"), "helicone \(entry.sizing)")
        }
    }

    /// Plausible stays at one replica and says why; CloudNativePG runs three instances with ha.
    func testPlausibleHAKeepsOneAppReplicaAndRunsThreeDatabaseInstances() throws {
        for entry in try rendered() where entry.app.app == "plausible" {
            let deployment = try XCTUnwrap(entry.chart.objects("Deployment").first { $0.name == "plausible" })
            XCTAssertEqual(Self.map(deployment.object, "spec")?["replicas"] as? Int, 1)
            let cluster = try XCTUnwrap(try Yams.load(yaml: try XCTUnwrap(entry.prepared.bundle["manifests/postgresql.yaml"]?.contents)) as? [String: Any])
            XCTAssertEqual(Self.map(cluster, "spec")?["instances"] as? Int, entry.sizing == .ha ? 3 : 1, "\(entry.sizing)")
            XCTAssertNotNil(Self.map(cluster, "spec", "resources", "requests")?["memory"])
            let readme = try XCTUnwrap(entry.prepared.bundle["README.md"]?.contents)
            XCTAssertTrue(readme.contains("keeps sessions in memory"), readme)
            let clickhouse = try Yams.load_all(yaml: try XCTUnwrap(entry.prepared.bundle["manifests/clickhouse.yaml"]?.contents)).compactMap { $0 as? [String: Any] }
            let statefulSet = try XCTUnwrap(clickhouse.first { $0["kind"] as? String == "StatefulSet" })
            for container in Self.podSpec(statefulSet)?["containers"] as? [[String: Any]] ?? [] {
                XCTAssertTrue(Self.requestsCPUAndMemory(container), "plausible \(entry.sizing): ClickHouse requests nothing")
            }
        }
    }
}

/// The Helicone chart's names for a component, as `HeliconeChart.fullname` gives them.
private enum HeliconeChartName {
    static func fullname(_ release: String, _ component: String) -> String {
        let name = "helicone-\(component)"
        return release.contains(name) ? release : "\(release)-\(name)"
    }
}
