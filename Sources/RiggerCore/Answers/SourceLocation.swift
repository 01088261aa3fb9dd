/// Where a raw answer came from, so that every problem can point at it.
public enum AnswerOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A YAML file (preset, answers file, previous bundle), with 1-based line and column.
    case file(path: String, line: Int, column: Int)
    /// `--set KEY=VALUE` on the command line.
    case commandLine
    /// Another option on the command line (`--secret`, `--rotate`, `--app`), by its name, so that
    /// a problem names the option it came from.
    case option(String)
    /// Typed into the wizard.
    case wizard
    /// Set by rigger from what it read from the cluster (see `ClusterFindings`).
    case cluster

    public var description: String {
        switch self {
        case .file(let path, let line, let column): return "\(path):\(line):\(column)"
        case .commandLine: return "--set"
        case .option(let name): return name
        case .wizard: return "wizard"
        case .cluster: return "read from the cluster"
        }
    }
}

/// One answer as supplied, before the catalog has parsed and validated it.
public struct RawAnswer: Sendable, Hashable {
    /// The text as written (a YAML sequence arrives joined with commas).
    public var text: String
    /// True when the source wrote an explicit null (`key:` or `~`), meaning "use the default".
    public var isNull: Bool
    public var origin: AnswerOrigin

    public init(text: String, isNull: Bool = false, origin: AnswerOrigin) {
        self.text = text
        self.isNull = isNull
        self.origin = origin
    }
}
