internal import Yams
import RiggerCore

/// One object a chart renders.
public struct ManifestDocument: Sendable, Equatable {
    /// The template it came from, when known (Helm's `# Source:`), else empty.
    public let template: String
    public let object: ManifestValue

    public init(template: String, object: ManifestValue) {
        self.template = template
        self.object = object
    }

    public var kind: String { object["kind"]?.string ?? "" }
    public var name: String { object["metadata"]?["name"]?.string ?? "" }
    public var annotations: [String: String] { (object["metadata"]?["annotations"]?.entries ?? [:]).compactMapValues(\.string) }
    /// `Kind/name`, how workloads are named in reports.
    public var workload: String { "\(kind)/\(name)" }

    /// A `helm test` hook: created only by `helm test`, never by an install.
    public var isTestHook: Bool { (annotations["helm.sh/hook"] ?? "").split(separator: ",").contains { $0.hasPrefix("test") } }
}

/// A Secret a workload reads: through env (secretKeyRef), envFrom, or a volume.
public struct SecretUse: Sendable, Hashable, CustomStringConvertible {
    public let workload: String
    public let secret: String
    /// The data key, or nil when the whole Secret is read.
    public let key: String?
    public let optional: Bool

    public init(workload: String, secret: String, key: String?, optional: Bool) {
        self.workload = workload
        self.secret = secret
        self.key = key
        self.optional = optional
    }

    public var description: String { "\(workload) reads Secret \(secret)" + (key.map { " key \($0)" } ?? "") }
}

/// What a chart renders (through the bundle's post-renderer, as the install would), with the
/// questions `rigger check` and the tests ask of it: images, the Secrets workloads read, the Secrets
/// the chart makes itself.
public struct RenderedManifests: Sendable {
    public let documents: [ManifestDocument]

    public init(documents: [ManifestDocument]) {
        self.documents = documents
    }

    /// Reads a YAML stream as `helm template` prints it; `# Source:` comments name the templates.
    public init(yaml: String) throws(YAMLError) {
        var documents: [ManifestDocument] = []
        for piece in Self.split(yaml) {
            let node: Node?
            do {
                node = try Yams.compose(yaml: piece.text)
            } catch {
                throw YAMLError(file: piece.template.isEmpty ? nil : piece.template, line: nil, column: nil, message: "the rendered YAML does not parse: \(error)")
            }
            guard let node, case .mapping = node else { continue }
            documents.append(ManifestDocument(template: piece.template, object: ManifestValue(node: node)))
        }
        self.documents = documents
    }

    /// Splits a stream at Helm's separator (`---` at the start of a line), keeping each piece's
    /// `# Source:` template name.
    private static func split(_ stream: String) -> [(template: String, text: String)] {
        var pieces: [(String, String)] = []
        var template = ""
        var lines: [Substring] = []
        func flush() {
            let text = lines.joined(separator: "\n")
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { pieces.append((template, text)) }
            lines = []
            template = ""
        }
        for line in stream.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("---") {
                flush()
                continue
            }
            if line.hasPrefix("# Source: ") { template = String(line.dropFirst("# Source: ".count)) }
            lines.append(line)
        }
        flush()
        return pieces
    }

    /// Objects of a kind.
    public func objects(_ kind: String) -> [ManifestDocument] { documents.filter { $0.kind == kind } }

    /// Every container and init container image an install creates (test hooks left out),
    /// wherever a pod spec sits: Deployments, Jobs, CronJobs and custom resources' pod templates.
    public var images: [(workload: String, image: String)] {
        documents.filter { !$0.isTestHook }.flatMap { document in
            Self.containers(in: document.object).compactMap { container in container["image"]?.string.map { (document.workload, $0) } }
        }
    }

    /// Every Secret a workload reads (test hooks left out).
    public var secretUses: [SecretUse] {
        var uses: [SecretUse] = []
        for document in documents where !document.isTestHook {
            let workload = document.workload
            for container in Self.containers(in: document.object) {
                for env in container["env"]?.items ?? [] {
                    if let ref = env["valueFrom"]?["secretKeyRef"], let name = ref["name"]?.string {
                        uses.append(SecretUse(workload: workload, secret: name, key: ref["key"]?.string, optional: ref["optional"]?.bool ?? false))
                    }
                }
                for source in container["envFrom"]?.items ?? [] {
                    if let ref = source["secretRef"], let name = ref["name"]?.string {
                        uses.append(SecretUse(workload: workload, secret: name, key: nil, optional: ref["optional"]?.bool ?? false))
                    }
                }
            }
            document.object.walkMaps { map in
                for volume in map["volumes"]?.items ?? [] {
                    guard let secret = volume["secret"], let name = secret["secretName"]?.string else { continue }
                    let keys = secret["items"]?.items.compactMap { $0["key"]?.string } ?? []
                    let optional = secret["optional"]?.bool ?? false
                    if keys.isEmpty {
                        uses.append(SecretUse(workload: workload, secret: name, key: nil, optional: optional))
                    } else {
                        uses += keys.map { SecretUse(workload: workload, secret: name, key: $0, optional: optional) }
                    }
                }
            }
        }
        return uses
    }

    /// The data keys of each Secret the chart itself renders; a Secret that one of its Jobs
    /// creates when it runs (ingress-nginx's admission certificate) is known by name only.
    public var renderedSecrets: [String: Set<String>] {
        var secrets: [String: Set<String>] = [:]
        for document in objects("Job") {
            for container in Self.containers(in: document.object) {
                for argument in container["args"]?.items.compactMap(\.string) ?? [] where argument.hasPrefix("--secret-name=") {
                    secrets[String(argument.dropFirst("--secret-name=".count)), default: []].insert(ProvidedSecrets.anyKey)
                }
            }
        }
        for document in objects("Secret") {
            let keys = Set((document.object["data"]?.entries ?? [:]).keys).union((document.object["stringData"]?.entries ?? [:]).keys)
            secrets[document.name, default: []].formUnion(keys)
        }
        return secrets
    }

    /// The kinds whose CustomResourceDefinitions the chart itself brings.
    public var definedKinds: Set<String> {
        Set(objects("CustomResourceDefinition").compactMap { $0.object["spec"]?["names"]?["kind"]?.string })
    }

    /// The containers and init containers anywhere in an object.
    public static func containers(in object: ManifestValue) -> [ManifestValue] {
        var found: [ManifestValue] = []
        object.walkMaps { map in
            for key in ["containers", "initContainers"] { found += map[key]?.items ?? [] }
        }
        return found
    }
}
