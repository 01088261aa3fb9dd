import Foundation

/// A bundle made in memory from a request, with what it was made from; nothing is written yet.
public struct PreparedBundle: Sendable {
    public let answers: ResolvedAnswers
    public let plan: PostHogPlan
    public let secrets: SecretSet
    public let bundle: Bundle
    /// The bundle that was in the output folder, if any.
    public let previous: ExistingBundle?
    /// The previous bundle's answers, resolved on their own (nil without one).
    public let previousAnswers: ResolvedAnswers?
    /// Things the operator should know before installing (rotations, version changes).
    public let warnings: [String]
}

/// Reads a request's sources, validates them against the catalog, and renders the bundle.
public struct BundleGenerator: Sendable {
    public let catalog: QuestionCatalog
    public let presets: PresetLibrary
    public let environment: [String: String]
    /// The answers schema that rigger.yaml and answers files are migrated to.
    public let schema: AnswersSchema

    public init(
        catalog: QuestionCatalog = PostHogQuestions.catalog, presets: PresetLibrary, environment: [String: String], schema: AnswersSchema = .current
    ) {
        self.catalog = catalog
        self.presets = presets
        self.environment = environment
        self.schema = schema
    }

    /// Reads the bundle already in a folder, migrating its answers to the current schema.
    public func existingBundle(in directory: String) throws -> ExistingBundle? {
        try ExistingBundle.read(directory, schema: schema)
    }

    /// The answer layers of a request, lowest first: the bundle already in the folder, the
    /// preset, the answers file, then `--set` and the wizard; with notes of any schema migration.
    public func layers(for request: GenerationRequest, previous: ExistingBundle?) throws -> (layers: [AnswerLayer], notes: [String]) {
        var layers: [AnswerLayer] = []
        var notes: [String] = []
        if let previous {
            layers.append(previous.layer)
            notes += previous.migrationNotes
        }
        if let preset = request.preset { layers.append(try presets.load(preset).document.layer) }
        if let path = request.answersFile {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw YAMLError(file: path, line: nil, column: nil, message: "cannot read the answers file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw YAMLError(file: path, line: nil, column: nil, message: "the answers file is not UTF-8 text")
            }
            let document = try AnswersDocument(text: text, path: path, layerName: "answers file", strict: true)
            let (layer, migrationNotes) = try schema.upgrade(document)
            layers.append(layer)
            notes += migrationNotes
        }
        layers.append(try Self.setLayer(request.setArguments))
        if let wizard = request.wizardAnswers { layers.append(wizard) }
        return (layers, notes)
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
        let (layers, migrationNotes) = try layers(for: request, previous: previous)
        let resolver = AnswerResolver(catalog: catalog)
        let outcome = resolver.evaluate(layers)
        var problems = outcome.problems

        var supplied: [String: String] = [:]
        for argument in request.secretArguments {
            do {
                let input = try SecretInput(argument: argument)
                guard let question = catalog[input.key], question.isSecret else {
                    let reason: AnswerProblem.Reason = catalog[input.key] == nil
                        ? .unknownKey(suggestion: catalog.suggestion(for: input.key))
                        : .invalid(expected: "a secret key; \(input.key) is a plain answer, give it with --set")
                    problems.append(AnswerProblem(key: input.key, value: nil, reason: reason, origin: .commandLine))
                    continue
                }
                if !question.appliesWhen.holds(outcome.answers.lookup) {
                    problems.append(AnswerProblem(
                        key: input.key, value: nil, reason: .doesNotApply(condition: question.appliesWhen.summary), origin: .commandLine))
                    continue
                }
                if let existing = catalog.secretPolicy(input.key)?.existing, let name = outcome.answers.lookup.text(existing.name) {
                    problems.append(AnswerProblem(
                        key: input.key, value: nil,
                        reason: .invalid(expected: "no value: it is read from the existing Secret \(name) (\(existing.name)); clear that answer to supply one"),
                        origin: .commandLine))
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
        for (key, value) in request.wizardSecrets where catalog.secretPolicy(key)?.existing.flatMap({ outcome.answers.lookup.text($0.name) }) == nil {
            supplied[key] = value
        }

        var warnings = migrationNotes
        var kept = previous?.secrets ?? [:]
        for key in request.rotate {
            guard let question = catalog[key], case .secret(let policy) = question.kind else {
                problems.append(AnswerProblem(
                    key: key, value: nil, reason: .invalid(expected: "a secret key to rotate, such as posthog.secretKey"), origin: .commandLine))
                continue
            }
            if let existing = policy.existing, let name = outcome.answers.lookup.text(existing.name) {
                problems.append(AnswerProblem(
                    key: key, value: nil,
                    reason: .invalid(expected: "a secret rigger holds; \(key) is read from the existing Secret \(name), so rotate it there"),
                    origin: .commandLine))
                continue
            }
            if !policy.isGenerated(outcome.answers.lookup) && supplied[key] == nil {
                problems.append(AnswerProblem(
                    key: key, value: nil,
                    reason: .invalid(expected: "a new value with --secret \(key)=@FILE: only you know this service's password"),
                    origin: .commandLine))
                continue
            }
            kept[key] = nil
            warnings.append("rotating \(key): " + (UpgradeRules.rotationWarnings[key] ?? "everything using the old value stops working"))
        }

        let previousAnswers = previous.flatMap { try? resolver.resolve([$0.layer]) }
        if let previousAnswers {
            problems += UpgradeRules.problems(old: previousAnswers, new: outcome.answers, force: request.force)
            warnings += UpgradeRules.warnings(old: previousAnswers, new: outcome.answers)
        }
        if !problems.isEmpty { throw InvalidAnswers(problems) }

        let plan = try PostHogPlan(outcome.answers)
        let secrets = SecretSet.resolve(
            catalog: catalog, answers: outcome.answers, supplied: supplied, kept: kept, generator: &generator)
        let bundle = try PostHogRenderer.render(plan: plan, answers: outcome.answers, secrets: secrets)
        return PreparedBundle(
            answers: outcome.answers, plan: plan, secrets: secrets, bundle: bundle, previous: previous,
            previousAnswers: previousAnswers, warnings: warnings)
    }
}
