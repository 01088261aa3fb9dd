internal import Yams
import RiggerCore

/// The Secrets an install can count on, each with its data keys and who provides it: the chart
/// itself, the bundle's secrets/ (and manifests/), the operator's own Secrets that 00-preflight.sh
/// checks, or the cluster as it is.
public struct ProvidedSecrets: Sendable {
    /// Who provides a Secret.
    public enum Source: String, Sendable, Comparable {
        case chart = "the chart"
        case bundle = "the bundle"
        case cluster = "the cluster"
        /// Named in the answers; not seen in the cluster (it did not answer), 00-preflight.sh checks it.
        case preflight = "00-preflight.sh"

        public static func < (lhs: Source, rhs: Source) -> Bool {
            let order: [Source] = [.chart, .bundle, .cluster, .preflight]
            return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// Stands for "any key": a Secret whose keys a Job of the chart decides when it runs.
    public static let anyKey = "*"

    public private(set) var byName: [String: (keys: Set<String>, source: Source)] = [:]

    public init() {}

    /// Adds a Secret; one provided twice has the keys of both, and the first source.
    public mutating func add(_ name: String, keys: Set<String>, source: Source) {
        if let known = byName[name] {
            byName[name] = (known.keys.union(keys), min(known.source, source))
        } else {
            byName[name] = (keys, source)
        }
    }

    /// Adds every Secret in manifests (the bundle's own YAML files), by the keys they set, and
    /// every Secret an ExternalSecret makes (its target, or its own name), by its data's keys.
    public mutating func addManifests(_ texts: [String], source: Source) {
        for text in texts {
            // The documents are read once from Yams, then gone: keep them to look through twice.
            guard let documents = try? Array(Yams.compose_all(yaml: text)) else { continue }
            for node in documents where node["kind"]?.string == "ExternalSecret" {
                guard let name = node["spec"]?["target"]?["name"]?.string ?? node["metadata"]?["name"]?.string else { continue }
                let keys = node["spec"]?["data"]?.sequence?.compactMap { $0["secretKey"]?.string } ?? []
                add(name, keys: Set(keys), source: source)
            }
            for node in documents where node["kind"]?.string == "Secret" {
                guard let name = node["metadata"]?["name"]?.string else { continue }
                var keys: Set<String> = []
                for field in ["stringData", "data"] {
                    if case .mapping(let data)? = node[field] { keys.formUnion(data.keys.compactMap(\.string)) }
                }
                add(name, keys: keys, source: source)
            }
        }
    }

    /// What is wrong with each Secret use that is not optional: a Secret nobody provides, or one
    /// without the key; sorted and without repeats.
    public func problems(for uses: [SecretUse]) -> [SecretUseProblem] {
        var problems: Set<SecretUseProblem> = []
        for use in uses where !use.optional {
            guard let provided = byName[use.secret] else {
                problems.insert(SecretUseProblem(use: use, missingKey: false, providedBy: nil, keys: []))
                continue
            }
            if let key = use.key, !provided.keys.contains(key), !provided.keys.contains(Self.anyKey) {
                problems.insert(SecretUseProblem(use: use, missingKey: true, providedBy: provided.source, keys: provided.keys.sorted()))
            }
        }
        return problems.sorted { $0.description < $1.description }
    }
}

/// A Secret a workload reads that the install would not have.
public struct SecretUseProblem: Sendable, Hashable, CustomStringConvertible {
    public let use: SecretUse
    /// True when the Secret is there but lacks the key.
    public let missingKey: Bool
    public let providedBy: ProvidedSecrets.Source?
    /// The keys the Secret has, when it is there.
    public let keys: [String]

    public var description: String { "\(use): \(reason)" }

    /// What is wrong, without the workload.
    public var reason: String {
        if missingKey, let providedBy {
            return "the Secret from \(providedBy.rawValue) has no such key (it has \(keys.isEmpty ? "none" : keys.joined(separator: ", ")))"
        }
        return "neither the chart, the bundle nor the cluster provides it"
    }

    /// One problem per Secret and key, naming every workload that reads it, so that a Secret every
    /// workload reads is one problem, not one per workload. Each is wrapped at spaces to `width`
    /// columns as the report shows it, after its "  - ", with the lines after the first indented to
    /// match; the operator fixes what is named, so no workload is left out.
    public static func grouped(_ problems: [SecretUseProblem], width: Int = 100) -> [String] {
        var workloads: [String: [String]] = [:]
        var order: [String] = []
        for problem in problems {
            let what = "Secret \(problem.use.secret)" + (problem.use.key.map { " key \($0)" } ?? "") + ": " + problem.reason
            if workloads[what] == nil { order.append(what) }
            workloads[what, default: []].append(problem.use.workload)
        }
        return order.map { what in
            let readers = (workloads[what] ?? []).sorted()
            let named = readers.count < 2
                ? readers.joined()
                : readers.dropLast().joined(separator: ", ") + " and " + (readers.last ?? "")
            return wrap("\(named) \(readers.count == 1 ? "reads" : "read") \(what)", width: width, indent: "    ")
        }
    }

    /// The text broken at spaces into lines of at most `width` columns counting the indent (the
    /// first line's "  - " is as wide), the lines after the first indented; a word wider than a
    /// line stays whole.
    static func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n" + indent)
    }
}
