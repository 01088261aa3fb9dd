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

/// Finds presets: `<folder>/<app>/<name>.yaml` in the folders it is given, then among the
/// presets compiled into rigger, or a path to a YAML file. A preset belongs to one app, so `gcp`
/// means a different file for each app.
public struct PresetLibrary: Sendable {
    public let directories: [String]
    /// Preset files by their path relative to a presets folder (`<app>/<name>.yaml`), looked at
    /// after the folders: the ones compiled into rigger.
    public let builtIn: [String: String]

    public init(directories: [String], builtIn: [String: String] = [:]) {
        self.directories = directories
        self.builtIn = builtIn
    }

    /// rigger's own: the folder in `$RIGGER_PRESETS` (the operator's presets, which win), then
    /// the built-in presets, so that the binary needs no files beside it.
    public static func standard(environment: [String: String], builtIn: [String: String]) -> PresetLibrary {
        var directories: [String] = []
        if let configured = environment["RIGGER_PRESETS"], !configured.isEmpty { directories.append(configured) }
        return PresetLibrary(directories: directories, builtIn: builtIn)
    }

    /// The names of an app's presets across every folder and the built-in ones, sorted.
    public func names(app: String) -> [String] {
        var names: Set<String> = []
        for directory in directories {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + app)) ?? []
            names.formUnion(entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) })
        }
        let prefix = app + "/"
        for path in builtIn.keys where path.hasPrefix(prefix) && path.hasSuffix(".yaml") {
            let name = path.dropFirst(prefix.count).dropLast(5)
            if !name.isEmpty, !name.contains("/") { names.insert(String(name)) }
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
        let text: String
        if Self.isPath(nameOrPath) {
            path = nameOrPath
            text = try Self.read(path, name: nameOrPath)
        } else if let found = directories.map({ "\($0)/\(app)/\(nameOrPath).yaml" }).first(where: { FileManager.default.fileExists(atPath: $0) }) {
            path = found
            text = try Self.read(path, name: nameOrPath)
        } else if let embedded = builtIn["\(app)/\(nameOrPath).yaml"] {
            // Errors point into the checkout's file that was compiled in.
            path = "presets/\(app)/\(nameOrPath).yaml (built in)"
            text = embedded
        } else {
            let known = names(app: app)
            let hint = known.isEmpty
                ? (directories.isEmpty && builtIn.isEmpty
                    ? "this rigger has no presets built in; set RIGGER_PRESETS to the folder that holds \(app)/NAME.yaml"
                    : "app \(app) has no presets")
                : "app \(app) has \(known.joined(separator: ", ")); or give a path to a YAML file"
            throw PresetError(name: nameOrPath, message: "no such preset; \(hint)")
        }
        let name = Self.fileName(nameOrPath)
        let document = try AnswersDocument(text: text, path: path, layerName: "preset \(name)")
        if !Self.isPath(nameOrPath), let named = AppRegistry.appNamed(in: [document.layer]), named != app {
            throw PresetError(name: nameOrPath, message: "\(path) is in app \(app)'s presets but sets app: \(named)")
        }
        return Preset(name: name, description: document.description ?? "", document: document)
    }

    /// A path's last component without its extension (`presets/gcp.yaml` is `gcp`). Plain string
    /// work: a URL costs more than parsing the preset, before the wizard's first frame.
    static func fileName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }

    private static func read(_ path: String, name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PresetError(name: name, message: "cannot read \(path)")
        }
        return text
    }
}
