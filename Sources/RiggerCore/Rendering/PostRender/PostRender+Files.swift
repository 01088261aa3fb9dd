import Foundation

extension PostRender {
    /// The bundle files: the script Helm runs, a Helm 4 plugin manifest pointing at it, the
    /// kustomization, one file per patch and one per added object. None when there is nothing to change.
    public func files() throws -> [BundleFile] {
        guard !isEmpty else { return [] }
        var files = [
            BundleFile(path: Self.script, contents: scriptText, mode: BundleFile.executable),
            BundleFile(path: "\(Self.folder)/plugin.yaml", contents: try pluginManifest(), mode: BundleFile.regular),
            BundleFile(path: "\(Self.folder)/kustomization.yaml", contents: try kustomization(), mode: BundleFile.regular),
        ]
        for (index, patch) in patches.enumerated() {
            let tree = patch.isJSONPatch
                ? patch.body : Self.object(apiVersion: Self.apiVersion(of: patch.kind), kind: patch.kind, name: patch.name, body: patch.body)
            files.append(BundleFile(
                path: "\(Self.folder)/\(Self.patchFile(index, patch))",
                contents: Self.comment([patch.reason]) + (try tree.serialized()), mode: BundleFile.regular))
        }
        for (index, resource) in resources.enumerated() {
            let tree = Self.object(apiVersion: resource.apiVersion, kind: resource.kind, name: resource.name, body: resource.body)
            files.append(BundleFile(
                path: "\(Self.folder)/\(Self.resourceFile(index, resource))",
                contents: Self.comment([resource.reason]) + (try tree.serialized()), mode: BundleFile.regular))
        }
        return files
    }

    /// An object or patch: apiVersion, kind, metadata with the name first and then whatever
    /// metadata the body has (annotations, labels), then the rest of the body.
    static func object(apiVersion: String, kind: String, name: String, body: YAMLTree) -> YAMLTree {
        let entries: [(String, YAMLTree)] = [("apiVersion", .string(apiVersion)), ("kind", .string(kind))]
        var metadata: [(String, YAMLTree)] = [("name", .string(name))]
        var rest: [(String, YAMLTree)] = []
        if case .map(let bodyEntries) = body {
            for (key, value) in bodyEntries {
                if key == "metadata", case .map(let fields) = value {
                    metadata += fields.filter { $0.0 != "name" }
                } else {
                    rest.append((key, value))
                }
            }
        }
        // A whole-object directive such as `$patch: delete` stays before the object it acts on.
        let directives = rest.filter { $0.0.hasPrefix("$") }
        return .map(directives + entries + [("metadata", .map(metadata))] + rest.filter { !$0.0.hasPrefix("$") })
    }

    static func resourceFile(_ index: Int, _ resource: Resource) -> String {
        "resources/\(String(format: "%02d", index + 1))-\(resource.kind.lowercased())-\(resource.name).yaml"
    }

    /// YAML comment lines for each paragraph, wrapped short enough for linters' line limits.
    static func comment(_ paragraphs: [String], width: Int = 100) -> String {
        var lines: [String] = []
        for paragraph in paragraphs {
            var line = "#"
            for word in paragraph.split(separator: " ") {
                if line.count + 1 + word.count > width, line != "#" {
                    lines.append(line)
                    line = "#  "
                }
                line += " " + word
            }
            lines.append(line)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func patchFile(_ index: Int, _ patch: Patch) -> String {
        "patches/\(String(format: "%02d", index + 1))-\(patch.kind.lowercased())-\(patch.name).yaml"
    }

    /// The apiVersion of the kinds a patch can target.
    static func apiVersion(of kind: String) -> String {
        switch kind {
        case "Deployment", "StatefulSet", "DaemonSet": return "apps/v1"
        case "Job": return "batch/v1"
        case "CronJob": return "batch/v1"
        case "Ingress": return "networking.k8s.io/v1"
        default: return "v1"
        }
    }

    /// Helm's post-renderer contract: the manifests on stdin, the changed manifests on stdout.
    /// kustomize reads files only, so they go through a temporary folder.
    var scriptText: String {
        var script = ShellScript(
            name: "post-render",
            summary: [
                "Helm post-renderer: reads the chart's manifests on stdin and writes them on stdout with the",
                "changes in kustomization.yaml (images the chart hard-codes, patches no chart value can make).",
            ])
        script.add(
            "here=\"$(cd \"$(dirname \"$0\")\" && pwd)\"",
            "command -v kubectl >/dev/null 2>&1 || { echo 'post-render: kubectl is needed (its built-in kustomize)' >&2; exit 1; }",
            "work=\"$(mktemp -d)\"",
            "trap 'rm -rf \"$work\"' EXIT",
            "cat >\"$work/rendered.yaml\"",
            "cp \"$here/kustomization.yaml\" \"$work/\"",
            "if [ -d \"$here/patches\" ]; then cp -R \"$here/patches\" \"$work/\"; fi",
            "if [ -d \"$here/resources\" ]; then cp -R \"$here/resources\" \"$work/\"; fi",
            "kubectl kustomize \"$work\"")
        return script.text
    }

    func pluginManifest() throws -> String {
        let tree = YAMLTree.map([
            ("apiVersion", .string("v1")),
            ("type", .string("postrenderer/v1")),
            ("name", .string(Self.pluginName)),
            ("version", .string(Rigger.version)),
            ("runtime", .string("subprocess")),
            ("runtimeConfig", .map([("platformCommand", .list([.map([("command", .string("${HELM_PLUGIN_DIR}/post-render.sh"))])]))])),
        ])
        return "# Helm 4 takes a post-renderer only as a plugin; 40-install.sh points HELM_PLUGINS here.\n" + (try tree.serialized())
    }

    func kustomization() throws -> String {
        var tree = YAMLTree.map([
            ("apiVersion", .string("kustomize.config.k8s.io/v1beta1")),
            ("kind", .string("Kustomization")),
            ("resources", .list([.string("rendered.yaml")] + resources.enumerated().map { .string(Self.resourceFile($0, $1)) })),
        ])
        if !imagePins.isEmpty {
            tree.set(["images"], .list(imagePins.map { .map([("name", .string($0.name)), ("newTag", .string($0.tag))]) }))
        }
        if !patches.isEmpty {
            tree.set(["patches"], .list(patches.enumerated().map { index, patch in
                .map([
                    ("path", .string(Self.patchFile(index, patch))),
                    // kustomize takes a target's name as a regular expression of the whole name.
                    ("target", .map([("kind", .string(patch.kind)), ("name", .string(patch.namePattern ?? patch.name))])),
                ])
            }))
        }
        let reasons = imagePins.map { "\($0.name): \($0.reason)" } + patches.map { "\($0.kind)/\($0.name): \($0.reason)" }
            + resources.map { "+ \($0.kind)/\($0.name): \($0.reason)" }
        return Self.comment(reasons) + (try tree.serialized())
    }
}
