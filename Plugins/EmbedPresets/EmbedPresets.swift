import Foundation
import PackagePlugin

/// Compiles every YAML file under the package's `presets/` folder into the target, by its path
/// relative to that folder (`posthog/gcp.yaml`), so that the binary has its presets wherever it
/// is copied. The folder stays the one source.
///
/// SwiftPM keeps the commands a plugin returns until the package's structure changes, so the tool
/// lists the folder itself each time it runs, and the command's inputs are the folders as well as
/// the files: a file added to an app's folder, or a new app's folder, changes a folder's time and
/// the presets are embedded again.
@main
struct EmbedPresets: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "presets")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPresetFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the presets",
                executable: try context.tool(named: "RiggerBuildTool").url,
                arguments: ["embed-presets", output.path(percentEncoded: false), root.path(percentEncoded: false)],
                inputFiles: [root] + Self.entries(under: root),
                outputFiles: [output])
        ]
    }

    /// Every file and folder under a folder, at any depth.
    static func entries(under root: URL) -> [URL] {
        let rootPath = root.path(percentEncoded: false)
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return [] }
        var entries: [URL] = []
        while let path = enumerator.nextObject() as? String {
            if !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { entries.append(root.appending(path: path)) }
        }
        return entries
    }
}
