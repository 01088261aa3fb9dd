import Foundation

/// The apps rigger installs, each with its question catalog built once; the first is the default,
/// so command lines, answers files and presets that name no app keep meaning it.
public struct AppRegistry: Sendable {
    /// One app and its whole catalog: the `app` question, the app's own, then where the secrets
    /// are kept (`CommonQuestions.secretStore`), which every app asks alike.
    public struct Entry: Sendable {
        public let app: any AppDefinition
        /// Built when first read: an app's questions take longer to build than the wizard's first
        /// frame, which needs only the app it starts with.
        public var catalog: QuestionCatalog { builtCatalog.value }
        private let builtCatalog: LazyCatalog

        init(app: any AppDefinition, appQuestion: Question) {
            self.app = app
            builtCatalog = LazyCatalog { QuestionCatalog([appQuestion] + app.questions + CommonQuestions.secretStore) }
        }

        /// The app's id, e.g. `analytics`.
        public var id: String { app.id }
        /// The app's name in titles and messages.
        public var title: String { app.title }
    }

    public let entries: [Entry]
    /// The answers schema of these apps: the core's, with each app's own migrations.
    public let schema: AnswersSchema

    /// A registry of `defaultApp` and the `others`, in the order the app choice lists them.
    public init(_ defaultApp: any AppDefinition, _ others: [any AppDefinition] = []) {
        let apps = [defaultApp] + others
        let question = Self.appQuestion(apps)
        entries = apps.map { Entry(app: $0, appQuestion: question) }
        schema = AnswersSchema.current.including(apps.flatMap(\.answersMigrations))
    }

    /// The app chosen when no answer names one.
    public var defaultEntry: Entry { entries[0] }

    /// Every app's id, in choice order.
    public var ids: [String] { entries.map(\.app.id) }

    /// The app with this id, or nil.
    public func entry(_ id: String) -> Entry? { entries.first { $0.app.id == id } }

    /// The app the layers name (the last layer that answers `app` wins), or the default. An
    /// unknown name falls back to the default, whose catalog then reports it with the choices.
    public func entry(for layers: [AnswerLayer]) -> Entry {
        guard let raw = layers.last(where: { $0["app"].map { !$0.isNull } ?? false })?["app"] else { return defaultEntry }
        return entry(raw.text) ?? defaultEntry
    }

    /// The id the layers name for the app, or nil when none names one.
    public static func appNamed(in layers: [AnswerLayer]) -> String? {
        layers.last(where: { $0["app"].map { !$0.isNull } ?? false })?["app"]?.text
    }

    /// The first question of every catalog: which app, asked the same way whatever the app.
    static func appQuestion(_ apps: [any AppDefinition]) -> Question {
        Question(
            key: "app", title: "App",
            help: "The app to install: " + apps.map { "\($0.id) (\($0.summary))" }.joined(separator: ", ")
                + ". The questions that follow are that app's; an existing bundle keeps its app.",
            kind: .choice(apps.map { Choice($0.id, $0.summary) }), step: .app,
            defaultValue: .value(.string(apps[0].id)))
    }
}

/// A catalog built once, by whichever thread reads it first.
private final class LazyCatalog: @unchecked Sendable {
    private let lock = NSLock()
    private var built: QuestionCatalog?
    private let build: @Sendable () -> QuestionCatalog

    init(_ build: @escaping @Sendable () -> QuestionCatalog) { self.build = build }

    var value: QuestionCatalog {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        let catalog = build()
        built = catalog
        return catalog
    }
}
