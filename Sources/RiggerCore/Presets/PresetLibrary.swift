import Foundation

/// A preset: partial answers with a name and a one-line description.
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

/// Finds presets: `presets/*.yaml` in the folders it is given, or a path to a YAML file.
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

    /// The names of the presets in the first folder that has any, sorted.
    public func names() -> [String] {
        for directory in directories {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            let names = entries.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
            if !names.isEmpty { return names }
        }
        return []
    }

    /// Loads a preset by name, or from a path when the argument names a YAML file.
    public func load(_ nameOrPath: String) throws -> Preset {
        let path: String
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            path = nameOrPath
        } else if let found = directories.map({ "\($0)/\(nameOrPath).yaml" }).first(where: { FileManager.default.fileExists(atPath: $0) }) {
            path = found
        } else {
            let known = names()
            let hint = known.isEmpty
                ? "no presets folder was found (set RIGGER_PRESETS to the folder that holds gcp.yaml)"
                : "expected one of \(known.joined(separator: ", ")), or a path to a YAML file"
            throw PresetError(name: nameOrPath, message: "no such preset; \(hint)")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PresetError(name: nameOrPath, message: "cannot read \(path)")
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let document = try AnswersDocument(text: text, path: path, layerName: "preset \(name)")
        return Preset(name: name, description: document.description ?? "", document: document)
    }
}
