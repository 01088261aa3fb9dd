import Foundation
internal import Yams

/// A bundle already on disk: its app, its answers and its secrets, the starting point for regenerating.
public struct ExistingBundle: Sendable {
    public let directory: String
    public let answers: AnswersDocument
    /// The answers in the current schema (migrated when rigger.yaml is older).
    public let layer: AnswerLayer
    /// What migrating rigger.yaml changed, for the operator to read.
    public let migrationNotes: [String]
    /// The app the bundle was made for, with its catalog.
    public let app: AppRegistry.Entry
    /// Secret values by secret answer key, read from secrets/*.secret.yaml.
    public let secrets: [String: String]

    /// Reads the bundle in `directory`, or returns nil when the folder holds no rigger.yaml; its
    /// answers are migrated by `schema`, the registry's unless another is given.
    public static func read(_ directory: String, schema: AnswersSchema? = nil, registry: AppRegistry) throws -> ExistingBundle? {
        let answersPath = directory + "/rigger.yaml"
        // Asked first because reading a file that isn't there costs FileManager as much as the
        // wizard's first frame (its first read builds a dictionary of file attributes).
        guard FileManager.default.fileExists(atPath: answersPath), let data = FileManager.default.contents(atPath: answersPath) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            throw YAMLError(file: answersPath, line: nil, column: nil, message: "not UTF-8 text")
        }
        let document = try AnswersDocument(text: text, path: answersPath, layerName: "bundle answers")
        var (layer, notes) = try (schema ?? registry.schema).upgrade(document)
        let app: AppRegistry.Entry
        if let id = AppRegistry.appNamed(in: [layer]) {
            guard let known = registry.entry(id) else {
                let origin = layer["app"]?.origin
                var line: Int?, column: Int?
                if case .file(_, let l, let c)? = origin { (line, column) = (l, c) }
                throw YAMLError(
                    file: answersPath, line: line, column: column,
                    message: "the bundle is for app '\(id)', which this rigger doesn't know (it knows \(registry.ids.joined(separator: ", "))); use the rigger that wrote it")
            }
            app = known
        } else {
            app = registry.defaultEntry
        }
        // A question asked since this bundle was written: it ran what the app says, not the default.
        for (key, value) in app.app.answersOfEarlierBundles.sorted(by: { $0.key < $1.key }) where layer[key] == nil {
            layer.set(key, RawAnswer(text: value, origin: .file(path: answersPath, line: 1, column: 1)))
        }
        var secrets: [String: String] = [:]
        let secretsDirectory = directory + "/secrets"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: secretsDirectory)) ?? []).filter { $0.hasSuffix(".secret.yaml") }.sorted()
        for file in files {
            let path = secretsDirectory + "/" + file
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { continue }
            let node: Node?
            do { node = try Yams.compose(yaml: text, .basic) } catch let error as YamlError {
                throw AnswersDocument.describe(error, path: path)
            }
            guard let stringData = node?["stringData"], case .mapping(let mapping) = stringData else { continue }
            for (keyNode, valueNode) in mapping {
                // An empty value stands in for a secret that didn't apply; it is never one.
                guard let dataKey = keyNode.string, let value = valueNode.string, !value.isEmpty,
                    let secretKey = app.app.secretKey(fileName: file, dataKey: dataKey)
                else { continue }
                secrets[secretKey] = value
            }
        }
        return ExistingBundle(directory: directory, answers: document, layer: layer, migrationNotes: notes, app: app, secrets: secrets)
    }

    /// A scalar of the bundle's values.yaml at a key path (`["clickhouse", "image", "tag"]`), as
    /// the bundle wrote it: what an older bundle ran where no answer recorded it. Nil when the file,
    /// the path or a scalar there is missing.
    public func writtenValue(_ keys: [String]) -> String? {
        guard let data = FileManager.default.contents(atPath: directory + "/values.yaml"),
            let text = String(data: data, encoding: .utf8), let composed = try? Yams.compose(yaml: text)
        else { return nil }
        var node = composed
        for key in keys {
            guard let next = node[key] else { return nil }
            node = next
        }
        return node.scalar?.string
    }

    /// Whether the bundle holds a file at this path under its folder, such as the values of an
    /// add-on that older bundles of the app didn't install.
    public func holds(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + path)
    }
}
