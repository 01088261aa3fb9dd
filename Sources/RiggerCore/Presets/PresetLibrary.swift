import Foundation

/// A preset: partial answers for one app, with a name and a one-line description.
public struct Preset: Sendable {
    public let name: String
    public let description: String
    public let document: AnswersDocument
}

/// The preset could not be found or read.
public struct PresetError: Error, Sendable, CustomStringConvertible {
    public let name: String
    public let message: String

    public var description: String { "preset \(name): \(message)" }
}

/// Finds presets: `<folder>/<app>/<name>.yaml` in the folders it is given, or a path to a YAML file.
/// A preset belongs to one app, so `gcp` means a different file for each app.
public struct PresetLibrary: Sendable {
    public let directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The folders rigger looks in: `$RIGGER_PRESETS`, `../share/rigger/presets` beside the
    /// executable, and `presets/` in the executable's folder or any folder above it (a checkout).
    public static func standard(executablePath: String, environment: [String: String]) -> PresetLibrary {
        var directories: [String] = []
        if let configured = environment["RIGGER_PRESETS"], !configured.isEmpty { directories.append(configured) }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        directories.append(folder.deletingLastPathComponent().appendingPathComponent("share/rigger/presets").path)
        while folder.path != "/" && !folder.path.isEmpty {
            directories.append(folder.appendingPathComponent("presets").path)
            folder = folder.deletingLastPathComponent()
        }
        let existing = directories.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        return PresetLibrary(directories: existing)
    }

    /// The names of an app's presets across every folder, sorted.
    public func names(app: String) -> [String] {
        var names: Set<String> = []
        for directory in directories {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + app)) ?? []
            names.formUnion(entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) })
        }
        return names.sorted()
    }

    /// Whether a preset argument is a path to a file rather than a name.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
    }

    /// Loads one of an app's presets by name, or a preset file when the argument is a path.
    public func load(_ nameOrPath: String, app: String) throws -> Preset {
        let path: String
        if Self.isPath(nameOrPath) {
            path = nameOrPath
        } else if let found = directories.map({ "\($0)/\(app)/\(nameOrPath).yaml" }).first(where: { FileManager.default.fileExists(atPath: $0) }) {
            path = found
        } else {
            let known = names(app: app)
            let hint = known.isEmpty
                ? (directories.isEmpty
                    ? "no presets folder was found (set RIGGER_PRESETS to the folder that holds \(app)/gcp.yaml)"
                    : "app \(app) has no presets")
                : "app \(app) has \(known.joined(separator: ", ")); or give a path to a YAML file"
            throw PresetError(name: nameOrPath, message: "no such preset; \(hint)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PresetError(name: nameOrPath, message: "cannot read \(path)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let document = try AnswersDocument(text: text, path: path, layerName: "preset \(name)")
        if !Self.isPath(nameOrPath), let named = AppRegistry.appNamed(in: [document.layer]), named != app {
            throw PresetError(name: nameOrPath, message: "\(path) is in app \(app)'s presets but sets app: \(named)")
        }
        return Preset(name: name, description: document.description ?? "", document: document)
    }
}
