import Foundation
import RiggerCore
import RiggerCluster
import XCTest

/// A chart rendered by the real Helm library (helm-python-sdk, through tools/render-chart.py),
/// with the questions the tests ask of it. The questions themselves (images, Secret uses, the
/// Secrets the chart renders) are answered by the core's `RenderedManifests`, which `rigger check`
/// asks too; the objects stay plain JSON for the tests that read them directly.
public struct RenderedChart {
    /// One rendered object and the template it came from.
    public struct Document {
        /// The template the object came from.
        public let template: String
        /// The object as plain JSON.
        public let object: [String: Any]

        /// A document from its template's name and its object.
        public init(template: String, object: [String: Any]) {
            self.template = template
            self.object = object
        }

        /// The object's kind.
        public var kind: String { object["kind"] as? String ?? "" }
        /// The object's name.
        public var name: String { (object["metadata"] as? [String: Any])?["name"] as? String ?? "" }
        /// The object's annotations.
        public var annotations: [String: String] { ((object["metadata"] as? [String: Any])?["annotations"] as? [String: String]) ?? [:] }
        /// A `helm test` hook: created only by `helm test`, never by an install.
        public var isTestHook: Bool { (annotations["helm.sh/hook"] ?? "").split(separator: ",").contains { $0.hasPrefix("test") } }
    }

    /// A Secret a workload reads: through env (secretKeyRef), envFrom, or a volume.
    public typealias SecretUse = RiggerCluster.SecretUse

    /// Every document, in the order Helm rendered them.
    public let documents: [Document]

    /// The documents of a chart rendered elsewhere (a bundle's own manifests, a Helm run by a test).
    public init(documents: [Document]) {
        self.documents = documents
    }

    /// Renders `chart` with the values text, or fails the test with Helm's error.
    public static func render(
        chart: URL, values: String, release: String, namespace: String, postRenderer: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> RenderedChart {
        let python = try TestTools.require("python")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let valuesFile = folder.appendingPathComponent("values.yaml")
        try Data(values.utf8).write(to: valuesFile)
        let script = TestProject.root.appendingPathComponent("tools/render-chart.py").path
        let result = try runProgram(
            python, [script, chart.path, valuesFile.path, release, namespace] + (postRenderer.map { [$0] } ?? []),
            environment: TestTools.environmentWithTools)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        if let error = parsed?["error"] as? String {
            XCTFail("helm could not render \(chart.lastPathComponent): \(error)", file: file, line: line)
            throw RenderError(message: error)
        }
        guard result.status == 0, let documents = parsed?["documents"] as? [[String: Any]] else {
            throw RenderError(message: "render-chart.py failed: \(result.error)")
        }
        return RenderedChart(documents: documents.compactMap { entry in
            (entry["object"] as? [String: Any]).map { Document(template: entry["template"] as? String ?? "", object: $0) }
        })
    }

    /// Helm's error, or render-chart.py's.
    public struct RenderError: Error { public let message: String }

    /// Objects of a kind.
    public func objects(_ kind: String) -> [Document] { documents.filter { $0.kind == kind } }

    /// The documents as the core reads rendered manifests.
    public var manifests: RenderedManifests {
        RenderedManifests(documents: documents.map { ManifestDocument(template: $0.template, object: ManifestValue(json: $0.object)) })
    }

    /// Every container and init container image an install creates (test hooks left out).
    public var images: [(workload: String, image: String)] { manifests.images }

    /// Every Secret a workload reads.
    public var secretUses: [SecretUse] { manifests.secretUses }

    /// The data keys of each Secret the chart itself renders (see `RenderedManifests.renderedSecrets`).
    public var renderedSecrets: [String: Set<String>] { manifests.renderedSecrets }

    /// Stands for "any key": a Secret whose keys the chart's own Job decides at run time.
    public static let anyKey = ProvidedSecrets.anyKey

    /// Every container and init container spec anywhere in the object.
    public static func containers(in object: [String: Any]) -> [[String: Any]] {
        var found: [[String: Any]] = []
        walk(object) { map in
            for key in ["containers", "initContainers"] {
                found += map[key] as? [[String: Any]] ?? []
            }
        }
        return found
    }

    /// Visits every map in a JSON value, depth first.
    public static func walk(_ value: Any, _ visit: ([String: Any]) -> Void) {
        if let map = value as? [String: Any] {
            visit(map)
            for child in map.values { walk(child, visit) }
        } else if let list = value as? [Any] {
            for child in list { walk(child, visit) }
        }
    }
}

/// Checks a bundle against what the real chart renders from its values: the checks every app's
/// real-chart tests share.
public enum BundleChartCheck {
    /// Problems with every Secret a workload reads: each must be rendered by the chart, written in
    /// secrets/ with the key, or be an existing Secret that 00-preflight.sh checks for the key.
    public static func secretProblems(_ rendered: RenderedChart, bundle: RiggerCore.Bundle, extraManifests: [String: Set<String>] = [:]) -> [String] {
        var provided = ProvidedSecrets()
        for (name, keys) in rendered.renderedSecrets.merging(extraManifests, uniquingKeysWith: { $0.union($1) }) {
            provided.add(name, keys: keys, source: .chart)
        }
        provided.addManifests(bundle.files.filter { $0.path.hasPrefix("secrets/") }.map(\.contents), source: .bundle)
        let preflight = bundle["scripts/00-preflight.sh"]?.contents ?? ""
        var problems: [String] = []
        for problem in provided.problems(for: rendered.secretUses) {
            if problem.missingKey {
                problems.append("\(problem.use): the Secret has no such key")
                continue
            }
            let use = problem.use
            let checked = preflight.contains("='\(use.secret)'") && (use.key.map { preflight.contains("='\($0)'") } ?? true)
            if !checked { problems.append("\(use): neither the chart, secrets/ nor 00-preflight.sh provides it") }
        }
        return Array(Set(problems)).sorted()
    }

    /// Problems with every image: each must be pinned, and from no retired registry.
    public static func imageProblems(_ rendered: RenderedChart) -> [String] {
        let problems = ImageFinding.findings(rendered.images).compactMap { finding -> String? in
            switch finding.kind {
            case .unpinned: return "\(finding.workload): \(finding.image) is not pinned to a tag or digest"
            case .retired(let notice): return "\(finding.workload): \(finding.image) is from \(notice.prefix), retired since \(notice.since)"
            case .unreadable: return "\(finding.workload): unreadable image '\(finding.image)'"
            case .frozen: return nil
            }
        }
        return Array(Set(problems)).sorted()
    }

    /// The images a rendered chart pulls, normalized (registry and library/ written out).
    public static func normalizedImages(_ rendered: RenderedChart) -> Set<String> {
        Set(rendered.images.compactMap { ImageReference($0.image)?.normalized })
    }

    /// The images a bundle README's "Images" table lists, normalized.
    public static func readmeImages(_ readme: String) -> Set<String> {
        guard let start = readme.range(of: "## Images") else { return [] }
        let section = readme[start.upperBound...].prefix { _ in true }.components(separatedBy: "\n## ").first ?? ""
        return Set(section.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells[1].hasPrefix("`"), cells[1].hasSuffix("`") else { return nil }
            return ImageReference(String(cells[1].dropFirst().dropLast()))?.normalized
        })
    }

    /// Secret values that appear in values.yaml, which must never hold one.
    public static func leakedSecrets(_ prepared: PreparedBundle) -> [String] {
        let values = prepared.bundle["values.yaml"]?.contents ?? ""
        return prepared.secrets.entries.filter { $0.value.source != .placeholder && values.contains($0.value.value) }.map(\.key).sorted()
    }
}

/// Renders a prepared bundle's values.yaml on a real chart, as its install script would: with the
/// bundle's release and namespace, and through its post-renderer when it has one.
public enum RealChartRender {
    /// Renders the bundle's values.yaml on `chart`, through its post-renderer when it has one.
    public static func render(_ prepared: PreparedBundle, chart: URL, name: String) throws -> RenderedChart {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestProject.materialize(prepared.bundle, in: folder)
        let postRenderer = prepared.bundle[PostRender.script].map { _ in folder.appendingPathComponent(PostRender.script).path }
        return try RenderedChart.render(
            chart: chart, values: try XCTUnwrap(prepared.bundle["values.yaml"]?.contents, name),
            release: try XCTUnwrap(prepared.answers["release"]?.description),
            namespace: try XCTUnwrap(prepared.answers["namespace"]?.description), postRenderer: postRenderer)
    }
}
