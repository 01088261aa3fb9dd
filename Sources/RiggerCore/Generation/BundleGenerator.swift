import Foundation

/// A bundle made in memory from a request, with what it was made from; nothing is written yet.
public struct PreparedBundle: Sendable {
    /// The app the bundle installs, with its catalog.
    public let app: AppRegistry.Entry
    public let answers: ResolvedAnswers
    public let secrets: SecretSet
    public let bundle: Bundle
    /// The bundle that was in the output folder, if any.
    public let previous: ExistingBundle?
    /// The previous bundle's answers, resolved on their own (nil without one).
    public let previousAnswers: ResolvedAnswers?
    /// Things the operator should know before installing (rotations, version changes).
    public let warnings: [String]
    /// The notes of `warnings` that say how an older rigger.yaml or answers file was read: true
    /// of this run only, unlike the others, which still hold once the bundle is written.
    public let migrationNotes: [String]

    /// The warnings that still hold once the bundle is written.
    public var standingWarnings: [String] { warnings.filter { !migrationNotes.contains($0) } }
}

/// Reads a request's sources, validates them against the app's catalog, and renders the bundle.
public struct BundleGenerator: Sendable {
    public let registry: AppRegistry
    public let presets: PresetLibrary
    public let environment: [String: String]
    /// The answers schema that rigger.yaml, answers files and drafts are migrated to: the
    /// registry's unless another is given.
    public let schema: AnswersSchema
    /// The generation's clock, read once: answers that record when the bundle was first made
    /// (see `DefaultValue.firstGeneration`) take it.
    public let now: Date

    public init(
        registry: AppRegistry, presets: PresetLibrary, environment: [String: String], schema: AnswersSchema? = nil, now: Date = Date()
    ) {
        self.registry = registry
        self.presets = presets
        self.environment = environment
        self.schema = schema ?? registry.schema
        self.now = now
    }

    /// Reads the bundle already in a folder, migrating its answers to the current schema.
    public func existingBundle(in directory: String) throws -> ExistingBundle? {
        try ExistingBundle.read(directory, schema: schema, registry: registry)
    }

    /// The answer layers of a request, lowest first: the bundle already in the folder, the
    /// preset, what the cluster sets, the answers file, `--app`, then `--set` and the wizard; with
    /// notes of any schema migration. The preset is looked up among the presets of the app the
    /// other layers name.
    public func layers(for request: GenerationRequest, previous: ExistingBundle?) throws -> (layers: [AnswerLayer], notes: [String]) {
        var notes: [String] = []
        var above: [AnswerLayer] = []
        if let path = request.answersFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw YAMLError(file: path, line: nil, column: nil, message: "cannot read the answers file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw YAMLError(file: path, line: nil, column: nil, message: "the answers file is not UTF-8 text")
            }
            let document = try AnswersDocument(text: text, path: path, layerName: "answers file", strict: true)
            let (layer, migrationNotes) = try schema.upgrade(document)
            above.append(layer)
            notes += migrationNotes
        }
        if !request.allowVulnerable.isEmpty {
            above.append(Self.allowVulnerableLayer(request.allowVulnerable, below: (previous.map { [$0.layer] } ?? []) + above))
        }
        if let app = request.app {
            above.append(AnswerLayer(name: "--app", strict: true, answers: [("app", RawAnswer(text: app, isNull: false, origin: .option("--app")))]))
        }
        let (setLayer, setNotes) = schema.movingOldKeys(in: try Self.setLayer(request.setArguments), source: "--set")
        above.append(setLayer)
        notes += setNotes
        if let wizard = request.wizardAnswers { above.append(wizard) }

        var layers: [AnswerLayer] = []
        if let previous {
            layers.append(Self.answersCarriedOver(from: previous, to: AppRegistry.appNamed(in: above), registry: registry, notes: &notes))
            notes += previous.migrationNotes
        }
        if let preset = request.preset {
            let app = AppRegistry.appNamed(in: layers + above) ?? registry.defaultEntry.app.id
            layers.append(try presets.load(preset, app: app).document.layer)
        }
        if let cluster = request.clusterAnswers { layers.append(cluster) }
        return (layers + above, notes)
    }

    /// The bundle's answers as the starting point. When the other layers name another app (the
    /// app of a bundle changed, which the upgrade rules refuse without --force), only the answers
    /// that app asks too are carried over, each dropped one named in a note: the old app's own
    /// keys would otherwise read as mistakes of the operator's.
    static func answersCarriedOver(from previous: ExistingBundle, to app: String?, registry: AppRegistry, notes: inout [String]) -> AnswerLayer {
        guard let app, app != previous.app.app.id, let target = registry.entry(app) else { return previous.layer }
        var layer = previous.layer
        let dropped = layer.order.filter { $0 != "app" && target.catalog[$0] == nil }
        for key in dropped { layer.remove(key) }
        if !dropped.isEmpty {
            notes.append("the bundle's answers for \(previous.app.title) that \(target.title) does not ask are not carried over: "
                + dropped.joined(separator: ", "))
        }
        return layer
    }

    /// The `--set KEY=VALUE` arguments as a strict layer; an empty value means "back to the default".
    public static func setLayer(_ arguments: [String]) throws(InvalidAnswers) -> AnswerLayer {
        var layer = AnswerLayer(name: "--set", strict: true)
        var problems: [AnswerProblem] = []
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                problems.append(AnswerProblem(key: argument, value: nil, reason: .invalid(expected: "KEY=VALUE"), origin: .commandLine))
                continue
            }
            let key = String(argument[..<equals])
            let value = String(argument[argument.index(after: equals)...])
            layer.set(key, RawAnswer(text: value, isNull: value.isEmpty, origin: .commandLine))
        }
        if !problems.isEmpty { throw InvalidAnswers(problems) }
        return layer
    }

    /// Reads, validates and renders; throws `InvalidAnswers` with every problem at once.
    public func prepare(_ request: GenerationRequest, generator: inout some SecretGenerator) throws -> PreparedBundle {
        let previous = try existingBundle(in: request.outputDirectory)
        var (layers, migrationNotes) = try layers(for: request, previous: previous)
        let entry = registry.entry(for: layers)
        let catalog = entry.catalog
        let rules = entry.app.upgradeRules
        // A rotated secret's resets go just above the bundle's answers, which are the first layer.
        if previous != nil, let resets = rules.rotationResetLayer(rotating: request.rotate) { layers.insert(resets, at: 1) }
        let outcome = AnswerResolver(catalog: catalog, now: now).evaluate(layers)
        var problems = outcome.problems
        // The app's rules between answers mean something only once each answer is valid.
        if problems.isEmpty { problems += entry.app.problems(outcome.answers, now: now) }
        let lookup = outcome.answers.lookup

        var supplied: [String: String] = [:]
        for argument in request.secretArguments {
            do {
                let input = try SecretInput(argument: argument)
                if let problem = Self.secretArgumentProblem(input.key, catalog: catalog, answers: lookup) {
                    problems.append(problem)
                    continue
                }
                switch input.read(environment: environment) {
                case .success(let value): supplied[input.key] = value
                case .failure(let problem): problems.append(problem)
                }
            } catch {
                problems += error.problems
            }
        }
        // The wizard's typed secrets win over --secret; a problem with one names where it came from.
        var suppliedFrom = supplied.mapValues { _ in AnswerOrigin.option("--secret") }
        for (key, value) in request.wizardSecrets where catalog.secretPolicy(key)?.existing.flatMap({ lookup.text($0.name) }) == nil {
            supplied[key] = value
            suppliedFrom[key] = .wizard
        }

        // Secrets of a bundle made for another app (changed with --force) mean nothing here.
        let sameApp = previous.map { $0.app.app.id == entry.app.id } ?? true
        var warnings = migrationNotes
        var kept = sameApp ? previous?.secrets ?? [:] : [:]
        for key in request.rotate {
            guard let question = catalog[key], case .secret(let policy) = question.kind else {
                let examples = catalog.secrets.prefix(3).map(\.key).joined(separator: ", ")
                problems.append(AnswerProblem(
                    key: key, value: nil, reason: .invalid(expected: "a secret key to rotate, such as \(examples)"), origin: .option("--rotate")))
                continue
            }
            if let existing = policy.existing, let name = lookup.text(existing.name) {
                problems.append(AnswerProblem(
                    key: key, value: nil,
                    reason: .invalid(expected: "a secret rigger holds; \(key) is read from the existing Secret \(name), so rotate it there"),
                    origin: .option("--rotate")))
                continue
            }
            if !policy.isGenerated(lookup) && supplied[key] == nil {
                problems.append(AnswerProblem(
                    key: key, value: nil,
                    reason: .invalid(expected: "a new value with --secret \(key)=@FILE: only you know this service's password"),
                    origin: .option("--rotate")))
                continue
            }
            kept[key] = nil
            warnings.append("rotating \(key): " + rules.rotationWarning(key))
        }

        let previousAnswers = previous.flatMap(Self.answers)
        // A password rigger generated for a service it ran is not the password of the managed
        // service that replaces it: the operator supplies that one (a placeholder until then).
        if sameApp, let previousAnswers {
            for key in kept.keys.sorted() where supplied[key] == nil {
                guard let policy = catalog.secretPolicy(key), policy.isGenerated(previousAnswers.lookup), !policy.isGenerated(lookup) else { continue }
                kept[key] = nil
                warnings.append("\(key): the value rigger generated for the service it ran is not carried over to the managed one; "
                    + "supply its password with --secret \(key)=@FILE (a placeholder until then)")
            }
        }

        warnings += Self.normalizationNotes(catalog: catalog, layers: layers, answers: outcome.answers)
        let secretValues = Self.secretValueProblems(catalog: catalog, answers: lookup, supplied: supplied, from: suppliedFrom, kept: kept)
        problems += secretValues.problems
        warnings += secretValues.warnings

        if let previousAnswers {
            problems += rules.problems(old: previousAnswers, new: outcome.answers, appTitle: entry.app.title, force: request.force)
            warnings += rules.warnings(old: previousAnswers, new: outcome.answers, rotating: request.rotate)
        }
        var advisoryWarnings: [String] = []
        if outcome.problems.isEmpty {
            let previouslyRun = sameApp ? try previousAnswers.map { try entry.app.images($0) } ?? [] : []
            let advisories = try Self.advisoryCheck(
                app: entry.app, answers: outcome.answers, previouslyRun: previouslyRun, directory: request.outputDirectory)
            problems += advisories.problems
            advisoryWarnings = advisories.warnings
            if sameApp, let previous, let previousAnswers {
                warnings += entry.app.regenerationNotes(previous: previous, previousAnswers: previousAnswers, answers: outcome.answers)
                warnings += IngressNginxRetirement.regenerationNotes(previousAnswers: previousAnswers, answers: outcome.answers)
            }
        }
        if !problems.isEmpty { throw InvalidAnswers(problems) }

        let secrets = SecretSet.resolve(catalog: catalog, answers: outcome.answers, supplied: supplied, kept: kept, generator: &generator)
        let bundle = try entry.app.render(outcome.answers, secrets: secrets)
        warnings += advisoryWarnings + CommonWarnings.warnings(outcome.answers) + GatewayRoutes.warnings(outcome.answers, catalog: catalog)
            + entry.app.warnings(outcome.answers, now: now)
        return PreparedBundle(
            app: entry, answers: outcome.answers, secrets: secrets, bundle: bundle, previous: previous,
            previousAnswers: previousAnswers, warnings: warnings, migrationNotes: migrationNotes)
    }

    /// A bundle's own answers, resolved alone against its app's catalog: what a regeneration is
    /// compared with. Nil when they don't resolve (the bundle is then read as far as it goes).
    public static func answers(of previous: ExistingBundle) -> ResolvedAnswers? {
        try? AnswerResolver(catalog: previous.app.catalog).resolve([previous.layer])
    }

    /// The problems between answers that no single question sees, as `prepare` refuses them: the
    /// app's rules, and on a regeneration (`previousAnswers`) a pinned answer changed without
    /// `force` or a volume shrunk. Each names the answers it concerns, for the wizard to show on
    /// their page; `howToForce` says how its front end confirms a pinned answer's change.
    public func problemsBetweenAnswers(
        _ answers: ResolvedAnswers, app entry: AppRegistry.Entry, previousAnswers: ResolvedAnswers?, force: Bool,
        howToForce: String = UpgradeRules.forceOnTheCommandLine
    ) -> [AnswerProblem] {
        let upgrade = previousAnswers.map {
            entry.app.upgradeRules.problems(old: $0, new: answers, appTitle: entry.app.title, force: force, howToForce: howToForce)
        }
        return entry.app.problems(answers, now: now) + (upgrade ?? [])
    }

    /// What was written otherwise than given: a host name typed in capitals is written in lower
    /// case (see `TextFormat.normalized`), and the operator is told, once, for the answer that won.
    static func normalizationNotes(catalog: QuestionCatalog, layers: [AnswerLayer], answers: ResolvedAnswers) -> [String] {
        var given: [String: String] = [:]
        for layer in layers {
            for key in layer.order {
                guard let raw = layer[key] else { continue }
                given[key] = raw.isNull ? nil : raw.text
            }
        }
        return catalog.questions.compactMap { question in
            guard case .text = question.kind, let text = given[question.key], let written = answers[question.key]?.description,
                written != text, written == text.lowercased()
            else { return nil }
            return "\(question.key): \(text) is written in lower case, \(written): host names are case-insensitive, "
                + "and Kubernetes takes them only in lower case"
        }
    }

    /// Secret values given or kept that their question's rules refuse (published examples, too
    /// short, not of the form the app decodes); a kept one is named with how to replace it. A
    /// managed service's password that is only short is the operator's choice: a warning, not a
    /// refusal. Values are never quoted.
    static func secretValueProblems(
        catalog: QuestionCatalog, answers: AnswerLookup, supplied: [String: String], from origins: [String: AnswerOrigin],
        kept: [String: String]
    ) -> (problems: [AnswerProblem], warnings: [String]) {
        var problems: [AnswerProblem] = [], warnings: [String] = []
        for question in catalog.secrets where question.appliesWhen.holds(answers) {
            guard let policy = catalog.secretPolicy(question.key) else { continue }
            let rules = policy.valueRules
            if let value = supplied[question.key] {
                if let refusal = policy.refusal(ofSupplied: value, answers: answers) {
                    problems.append(AnswerProblem(key: question.key, value: nil, reason: .invalid(expected: refusal), origin: origins[question.key]))
                } else if rules.problem(value, given: answers) != nil {
                    warnings.append("\(question.key): the value supplied is shorter than \(rules.minimumLength) characters; a longer password is safer")
                }
            } else if let value = kept[question.key], !value.hasPrefix(SecretSet.placeholderMarker), let problem = rules.problem(value, given: answers) {
                // A value in use that is only shorter than a rule made since is warned about:
                // refusing it would leave rotating it, with what that breaks, as the only way on.
                // A managed service's password is the operator's, warned about once when supplied.
                if rules.isOnlyTooShort(value, given: answers) {
                    guard policy.isGenerated(answers) else { continue }
                    warnings.append("\(question.key): the bundle's value has \(value.count) characters, fewer than the \(rules.minimumLength) "
                        + "now expected; replace it when you can with --rotate \(question.key) or --secret \(question.key)=@FILE")
                    continue
                }
                problems.append(AnswerProblem(
                    key: question.key, value: nil,
                    reason: .invalid(expected: "\(problem) (the bundle's secrets/ holds it; replace it with --rotate \(question.key) or --secret \(question.key)=@FILE)"),
                    origin: nil))
            }
        }
        return (problems, warnings)
    }

    /// Why `--secret KEY=...` can't be taken: an unknown key, a plain answer, one that doesn't
    /// apply, or one read from an existing Secret. Nil when it can.
    static func secretArgumentProblem(_ key: String, catalog: QuestionCatalog, answers: AnswerLookup) -> AnswerProblem? {
        guard let question = catalog[key], question.isSecret else {
            let reason: AnswerProblem.Reason = catalog[key] == nil
                ? .unknownKey(suggestion: catalog.suggestion(for: key))
                : .invalid(expected: "a secret key; \(key) is a plain answer, give it with --set")
            return AnswerProblem(key: key, value: nil, reason: reason, origin: .option("--secret"))
        }
        if !question.appliesWhen.holds(answers) {
            return AnswerProblem(key: key, value: nil, reason: .doesNotApply(condition: question.appliesWhen.summary), origin: .option("--secret"))
        }
        if let existing = catalog.secretPolicy(key)?.existing, let name = answers.text(existing.name) {
            return AnswerProblem(
                key: key, value: nil,
                reason: .invalid(expected: "no value: it is read from the existing Secret \(name) (\(existing.name)); clear that answer to supply one"),
                origin: .option("--secret"))
        }
        return nil
    }
}
