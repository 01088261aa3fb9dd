/// One value an answer can take that was read from the cluster, such as a storage class.
public struct ClusterChoice: Sendable, Equatable, CustomStringConvertible {
    /// How the cluster marks the value.
    public enum Mark: String, Sendable {
        /// kubectl's current context.
        case current
        /// The cluster's default (storage class, ingress class).
        case `default`
    }

    public let value: String
    public let mark: Mark?
    /// A few words about it, e.g. the provisioner of a storage class.
    public let detail: String?

    public init(_ value: String, mark: Mark? = nil, detail: String? = nil) {
        self.value = value
        self.mark = mark
        self.detail = detail
    }

    /// The value with its mark, e.g. "gp3 (default)".
    public var description: String { value + (mark.map { " (\($0.rawValue))" } ?? "") }
}

/// Something the cluster says about an answer, naming the key, the value and what the cluster has.
public struct ClusterWarning: Sendable, Equatable, CustomStringConvertible {
    public let key: String
    /// The answer as it stands; nil when it is unanswered.
    public let value: String?
    public let message: String
    /// True when the answer and the cluster disagree (`--strict` refuses the bundle); false when
    /// rigger changed the answer to fit the cluster and says why, which is no warning at all.
    public let isConflict: Bool
    /// True when what the bundle uses from the cluster (its ingress controller, its cert-manager)
    /// has a known advisory: a warning on every run, but no disagreement `--strict` refuses.
    public let isAdvisory: Bool

    public init(key: String, value: String?, message: String, isConflict: Bool, isAdvisory: Bool = false) {
        self.key = key
        self.value = value
        self.message = message
        self.isConflict = isConflict
        self.isAdvisory = isAdvisory
    }

    /// Whether it is to be shown as a warning: a conflict or an advisory, not an answer rigger settled.
    public var isWarning: Bool { isConflict || isAdvisory }

    /// A warning as "key: 'value': what the cluster has"; an answer rigger settled as what it did,
    /// "set key=value: why".
    public var description: String {
        let origin = " (" + ClusterFindings.origin + ")"
        guard isWarning else { return "set \(key)=\(value ?? "null"): " + message + origin }
        return "\(key): " + (value.map { "'\($0)': " } ?? "") + message + origin
    }
}

/// An answer the cluster sets, with why; applied as the layer `ClusterFindings.answerLayer`.
public struct ClusterAdjustment: Sendable, Equatable {
    public let key: String
    public let value: AnswerValue
    public let reason: String

    public init(key: String, value: AnswerValue, reason: String) {
        self.key = key
        self.value = value
        self.reason = reason
    }
}

/// What the cluster says about one answer key: the values it offers, what is wrong, and a quiet
/// line when its probe read nothing (the field then stays as it is).
public struct ClusterField: Sendable, Equatable {
    /// Where the offered values were read: most from the cluster, the contexts from the kubeconfig.
    public enum Source: String, Sendable {
        case cluster = "the cluster"
        case kubeconfig = "the kubeconfig"
    }

    /// The values the cluster offers, in its order, the one it marks (current, default) marked.
    public var choices: [ClusterChoice] = []
    /// Where `choices` were read.
    public var choicesSource: Source = .cluster
    /// What the cluster says about the answer as it stands.
    public var warnings: [ClusterWarning] = []
    /// What was read, in a few words (the static IP exists; the release is an upgrade).
    public var info: String?
    /// Why nothing was read for this field, when its probe failed.
    public var note: String?

    public init() {}

    /// The choice the cluster marks (current context, default class), if any.
    public var marked: ClusterChoice? { choices.first { $0.mark != nil } }
}

/// What the probes' facts mean for a set of answers: the choices, marks, warnings and adjustments
/// per answer key, for the wizard's fields, `generate --probe` and the review. A pure function of
/// the facts and the answers: evaluate it again whenever either changes.
public struct ClusterFindings: Sendable {
    /// How every finding is marked where it is shown.
    public static let origin = "read from the cluster"

    /// What the probes read.
    public let facts: ClusterFacts
    /// Findings by answer key; keys the cluster says nothing about are absent.
    public let fields: [String: ClusterField]
    /// Every warning, in catalog order.
    public let warnings: [ClusterWarning]
    /// The answers the cluster sets.
    public let adjustments: [ClusterAdjustment]
    /// The release already installed under the release name: the install is an upgrade.
    public let installedRelease: InstalledRelease?

    /// Evaluates the facts against resolved answers of an app.
    public init(facts: ClusterFacts, answers: ResolvedAnswers, app: AppRegistry.Entry) {
        var rules = ClusterRules(facts: facts, answers: answers, app: app)
        rules.evaluate()
        self.facts = facts
        self.fields = rules.fields
        let order = Dictionary(app.catalog.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.warnings = rules.fields.values.flatMap(\.warnings).sorted {
            (order[$0.key] ?? Int.max, $0.message) < (order[$1.key] ?? Int.max, $1.message)
        }
        self.adjustments = rules.adjustments
        self.installedRelease = facts.release?.value ?? nil
    }

    /// The findings for one answer key.
    public subscript(key: String) -> ClusterField? { fields[key] }

    /// Warnings where the answers and the cluster disagree: `--strict` refuses the bundle for these.
    public var conflicts: [ClusterWarning] { warnings.filter(\.isConflict) }

    /// The quiet lines: why each probe that read nothing did.
    public var notes: [String] { facts.notes }

    /// The adjustments as an answer layer, to go above the bundle and the preset and below the
    /// operator's own answers (an answers file, --set, the wizard), which win over the cluster.
    public var answerLayer: AnswerLayer {
        AnswerLayer(name: "cluster", answers: adjustments.map { ($0.key, RawAnswer(text: $0.value.description, origin: .cluster)) })
    }

    /// What the review shows about the install itself: "upgrade" of the installed release, or a new install.
    public var installSummary: String? {
        guard let result = facts.release else { return nil }
        switch result {
        case .success(let release?):
            return "upgrade: release \(release.name) in namespace \(release.namespace) has chart \(release.chart)"
                + (release.appVersion.isEmpty ? "" : " (app \(release.appVersion))") + ", revision \(release.revision), \(release.status)"
        case .success(nil):
            return "new install: no release \(facts.target.release) in namespace \(facts.target.namespace)"
        case .failure:
            return nil
        }
    }
}
