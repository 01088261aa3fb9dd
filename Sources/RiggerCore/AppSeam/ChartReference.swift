/// The Helm chart an app's bundle installs, and where the install script gets it.
public struct ChartReference: Sendable, Equatable {
    /// Where the chart comes from.
    public enum Source: Sendable, Equatable {
        /// A Helm repository, added under `name` before the install.
        case repository(name: String, url: String)
        /// A folder of a git repository at one commit, for charts published in no Helm repository.
        /// The install script fetches that commit and refuses to go on unless the checkout is
        /// `commit` (a full 40-hex id, which names the whole tree) and, when `tree` is given, the
        /// chart folder is that git tree: the content rigger's values were written for.
        case git(url: String, commit: String, path: String, tree: String?)
    }

    /// The chart's name, e.g. `analytics`.
    public let name: String
    /// The chart version rigger's values are written for.
    public let version: String
    /// The app version the chart ships, e.g. `1.43.0`.
    public let appVersion: String
    public let source: Source

    public init(name: String, version: String, appVersion: String, source: Source) {
        self.name = name
        self.version = version
        self.appVersion = appVersion
        self.source = source
    }
}
