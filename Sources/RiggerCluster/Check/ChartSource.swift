import Foundation
internal import Yams
import RiggerCore

/// The chart a bundle installs and the arguments that reach it, found the way 40-install.sh finds
/// it (see `InstallScripts.addChartSource` and `addPostRenderArguments`): `RIGGER_CHART` when set
/// (which must hold the pinned chart and version), else the Helm repository, else the pinned git
/// commit; and the bundle's post-renderer, as a path for Helm 3 or a plugin for Helm 4.
struct ChartSource {
    /// The chart argument of `helm template` and `helm upgrade`.
    let chart: String
    /// `--version V` for a repository chart; nothing for a local folder.
    let versionArguments: [String]
    /// `--post-renderer …`, or nothing when the bundle has no post-renderer.
    let postRenderArguments: [String]
    /// What Helm 4 needs to find the post-renderer plugin (HELM_PLUGINS).
    let environment: [String: String]
    /// How the chart was found, for the report.
    let summary: String
    /// A checkout to remove when done.
    let temporaryFolder: String?

    /// Every argument after the release name: the chart, its version and the post-renderer.
    var arguments: [String] { [chart] + versionArguments + postRenderArguments }

    /// Finds the chart; throws a problem to report when it can't be had.
    static func resolve(
        chart reference: ChartReference, version: String, bundle directory: String, environment: [String: String], runner: any ToolRunner,
        timeout: Duration
    ) throws(CheckStop) -> ChartSource {
        let (postRender, pluginEnvironment, helmVersion) = try postRenderArguments(bundle: directory, runner: runner)
        let helmSummary = "helm \(helmVersion)"
        if let local = environment["RIGGER_CHART"], !local.isEmpty {
            let shown = try run(ToolInvocation(.helm, ["show", "chart", local]), runner: runner, timeout: timeout, doing: "read the chart RIGGER_CHART=\(local)")
            let node = try? Yams.compose(yaml: String(decoding: shown, as: UTF8.self))
            let name = node?["name"]?.string, found = node?["version"]?.string
            guard name == reference.name, found == version else {
                throw CheckStop("RIGGER_CHART=\(local) holds chart '\(name ?? "?")' version '\(found ?? "?")'; expected \(reference.name) \(version)")
            }
            return ChartSource(
                chart: local, versionArguments: [], postRenderArguments: postRender, environment: pluginEnvironment,
                summary: "\(helmSummary), chart \(reference.name) \(version) from RIGGER_CHART=\(local)", temporaryFolder: nil)
        }
        switch reference.source {
        case .repository(let name, let url):
            _ = try run(ToolInvocation(.helm, ["repo", "add", name, url, "--force-update"]), runner: runner, timeout: timeout, doing: "add the Helm repository \(url)")
            _ = try run(ToolInvocation(.helm, ["repo", "update", name]), runner: runner, timeout: timeout, doing: "update the Helm repository \(name)")
            return ChartSource(
                chart: "\(name)/\(reference.name)", versionArguments: ["--version", version], postRenderArguments: postRender,
                environment: pluginEnvironment, summary: "\(helmSummary), chart \(reference.name) \(version) from \(url)", temporaryFolder: nil)
        case .git(let url, let commit, let path, let tree):
            let checkout = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-chart-\(UUID().uuidString)").path
            do {
                try FileManager.default.createDirectory(atPath: checkout, withIntermediateDirectories: true)
            } catch {
                throw CheckStop("could not make a folder for the chart checkout: \(error)")
            }
            let git = { (arguments: [String], doing: String) throws(CheckStop) -> String in
                String(decoding: try run(ToolInvocation(.git, ["-C", checkout] + arguments), runner: runner, timeout: timeout, doing: doing), as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            do throws(CheckStop) {
                _ = try git(["init", "--quiet"], "make a git checkout")
                _ = try git(["fetch", "--quiet", "--depth", "1", url, commit], "fetch commit \(commit) from \(url)")
                _ = try git(["-c", "advice.detachedHead=false", "checkout", "--quiet", "FETCH_HEAD"], "check out commit \(commit)")
                let head = try git(["rev-parse", "HEAD"], "read the checkout's commit")
                guard head == commit else { throw CheckStop("the chart checkout is at commit \(head); expected \(commit)") }
                if let tree {
                    let found = try git(["rev-parse", "HEAD:\(path)"], "read the chart folder's tree")
                    guard found == tree else { throw CheckStop("the chart folder \(path) at \(commit) is tree \(found); expected \(tree)") }
                }
            } catch {
                try? FileManager.default.removeItem(atPath: checkout)
                throw error
            }
            return ChartSource(
                chart: checkout + "/" + path, versionArguments: [], postRenderArguments: postRender, environment: pluginEnvironment,
                summary: "\(helmSummary), chart \(reference.name) from \(url) at \(commit)", temporaryFolder: checkout)
        }
    }

    /// Helm 3 takes the post-renderer's path; Helm 4 only a plugin, found through HELM_PLUGINS.
    private static func postRenderArguments(bundle directory: String, runner: any ToolRunner) throws(CheckStop)
        -> ([String], [String: String], String)
    {
        let version = String(
            decoding: try run(ToolInvocation(.helm, ["version", "--template", "{{.Version}}"]), runner: runner, timeout: .seconds(30), doing: "ask helm its version"),
            as: UTF8.self
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        guard FileManager.default.fileExists(atPath: directory + "/" + PostRender.script) else { return ([], [:], version) }
        try checkKustomize(runner: runner)
        if version.hasPrefix("v3.") {
            return (["--post-renderer", directory + "/" + PostRender.script], [:], version)
        }
        return (["--post-renderer", PostRender.pluginName], ["HELM_PLUGINS": directory + "/" + PostRender.pluginsFolder], version)
    }

    /// The post-renderer runs the host's `kubectl kustomize`: a kubectl too old for the bundle's
    /// kustomization stops the check with 00-preflight.sh's words, not with the error Helm would
    /// relay from deep in the render. A kubectl that can't say its version is left to the render.
    private static func checkKustomize(runner: any ToolRunner) throws(CheckStop) {
        guard case .finished(0, let output, _) = runner.run(ToolInvocation(.kubectl, ["version", "--client", "-o", "json"]), timeout: .seconds(30)),
            let object = try? JSONSerialization.jsonObject(with: output) as? [String: Any],
            let client = object["clientVersion"] as? [String: Any], let minorText = client["minor"] as? String,
            let minor = Int(minorText.prefix { $0.isNumber }), minor < PostRender.minimumKubectlMinor
        else { return }
        let kustomize = (object["kustomizeVersion"] as? String).map { " with kustomize \($0)" } ?? ""
        throw CheckStop(
            "the bundle's post-renderer needs kubectl 1.\(PostRender.minimumKubectlMinor) or newer, whose built-in kustomize "
                + "(\(PostRender.minimumKustomize) or newer) reads the bundle's kustomization; this kubectl is 1.\(minor)\(kustomize)")
    }

    /// Runs a step the check can't do without; its failure stops the check with what the tool said.
    static func run(_ invocation: ToolInvocation, runner: any ToolRunner, timeout: Duration, doing: String) throws(CheckStop) -> Data {
        switch runner.run(invocation, timeout: timeout) {
        case .finished(0, let output, _): return output
        case .finished(_, _, let error): throw CheckStop("could not \(doing): \(ProbeFailure.message(from: error))")
        case .timedOut: throw CheckStop("could not \(doing): \(invocation.tool.rawValue) took longer than \(Int(timeout.seconds)) s")
        case .notFound: throw CheckStop("could not \(doing): \(invocation.tool.rawValue) is not on PATH")
        case .couldNotStart(let why): throw CheckStop("could not \(doing): \(why)")
        }
    }
}

/// A problem that stops the check before it can look further, such as a chart that can't be had.
struct CheckStop: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
