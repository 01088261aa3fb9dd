import Foundation
import PackagePlugin

/// Gives the target `buildCommit`: the git commit the package is built from, or "unknown" when
/// the package folder is not a git checkout of its own (a source tarball, even one unpacked inside
/// another repository).
///
/// SwiftPM keeps the commands a plugin returns until the package's structure changes, so the
/// commit is not read here: the tool reads it from the git folder whenever HEAD, the index or the
/// branch's ref changes, which every checkout, commit and merge does. git itself is not needed.
/// The generated file is in the build folder, never in the source tree.
@main
struct StampBuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit.swift")
        var arguments = ["build-commit", output.path(percentEncoded: false)]
        var inputs: [URL] = []
        if let git = GitFolders(package: context.package.directoryURL) {
            arguments += [git.worktree.path(percentEncoded: false), git.common.path(percentEncoded: false)]
            inputs = git.filesThatMoveWithHEAD.filter { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
        }
        return [
            .buildCommand(
                displayName: "Stamping the build's commit",
                executable: try context.tool(named: "RiggerBuildTool").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}

/// The git folders of a checkout: its own (HEAD, index) and the one it shares refs with, which
/// differ for a `git worktree`.
struct GitFolders {
    let worktree: URL
    let common: URL

    /// Nil when the package folder has no `.git` of its own.
    init?(package: URL) {
        let dotGit = package.appending(path: ".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path(percentEncoded: false), isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            worktree = dotGit
        } else {
            // A worktree's .git is a file: "gitdir: PATH".
            guard let text = Self.firstLine(of: dotGit), text.hasPrefix("gitdir: ") else { return nil }
            worktree = URL(fileURLWithPath: String(text.dropFirst(8)), relativeTo: package).standardizedFileURL
        }
        if let relative = Self.firstLine(of: worktree.appending(path: "commondir")) {
            common = URL(fileURLWithPath: relative, relativeTo: worktree.appending(path: "")).standardizedFileURL
        } else {
            common = worktree
        }
    }

    /// Files one of which changes whenever the checked-out commit does.
    var filesThatMoveWithHEAD: [URL] {
        var files = [worktree.appending(path: "HEAD"), worktree.appending(path: "index"), common.appending(path: "packed-refs")]
        if let head = Self.firstLine(of: worktree.appending(path: "HEAD")), head.hasPrefix("ref: ") {
            files.append(common.appending(path: String(head.dropFirst(5))))
        }
        return files
    }

    private static func firstLine(of file: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: file.path(percentEncoded: false)) else { return nil }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
    }
}
