import Foundation

extension BundleGenerator {
    /// The `--allow-vulnerable NAME` arguments as a strict layer of the `allowVulnerable` answer,
    /// added to what the layers below already accept (the bundle's rigger.yaml, an answers file):
    /// an acceptance is given once and kept, not replaced by the next one.
    static func allowVulnerableLayer(_ names: [String], below layers: [AnswerLayer]) -> AnswerLayer {
        let key = CommonQuestions.allowVulnerableKey
        var accepted: [String] = []
        let earlier = layers.compactMap { $0[key] }.filter { !$0.isNull }.flatMap { $0.text.split(separator: ",").map(String.init) }
        for name in earlier + names {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !accepted.contains(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) else { continue }
            accepted.append(trimmed)
        }
        return AnswerLayer(
            name: "--allow-vulnerable", strict: true,
            answers: [(key, RawAnswer(text: accepted.joined(separator: ","), isNull: false, origin: .option("--allow-vulnerable")))])
    }

    /// The bundle's images against the app's advisories. A version with a critical or high
    /// advisory that the bundle would start running is refused, naming the advisory and the
    /// fix, unless the answers accept it; one the bundle in the folder already runs is kept (a
    /// regeneration never moves the app by itself) and warned about on every run, as is every
    /// accepted or lesser one but those rigger's configuration can't reach (the README says them). An accepted name that fits no image of the bundle is refused too.
    static func advisoryCheck(
        app: any AppDefinition, answers: ResolvedAnswers, previouslyRun: [BundleImage], directory: String
    ) throws -> (problems: [AnswerProblem], warnings: [String]) {
        let findings = AdvisoryFinding.findings(try app.images(answers), table: app.advisoryTable)
        let key = CommonQuestions.allowVulnerableKey
        let accepted = answers.lookup.text(key).map { $0.split(separator: ",").map(String.init) } ?? []
        var problems: [AnswerProblem] = []
        var warnings: [String] = []
        for name in accepted where !findings.contains(where: { $0.advisory.isNamed(name) }) {
            let known = Set(findings.map(\.advisory.id)).sorted()
            problems.append(AnswerProblem(
                key: key, value: name,
                reason: .invalid(expected: "the name of an advisory of a version this bundle pins: "
                    + (known.isEmpty ? "it pins none with a known advisory" : known.joined(separator: ", "))),
                origin: nil))
        }
        let running = Set(previouslyRun.map(\.reference))
        for finding in findings {
            let isAccepted = accepted.contains { finding.advisory.isNamed($0) }
            if finding.advisory.refusesNewInstalls, !isAccepted, !running.contains(finding.image.reference) {
                let move = finding.setArgument.map { "move to it with \($0)" } ?? "pin a fixed version"
                problems.append(AnswerProblem(
                    key: finding.image.pinnedBy ?? key, value: finding.image.pinnedBy == nil ? nil : finding.answerValue,
                    reason: .conflict(explanation: "pins \(finding.advisory.component.name) \(finding.version), which \(finding.advisory.label) "
                        + "affects: \(finding.advisory.impact); fixed in \(finding.advisory.fixedText). \(move.prefix(1).uppercased() + move.dropFirst()), "
                        + "or install it anyway with --allow-vulnerable \(finding.advisory.id)"),
                    origin: nil))
                continue
            }
            // One rigger's configuration can't reach is said in the README only, with its condition.
            if finding.advisory.unreachable != nil, !isAccepted { continue }
            warnings.append(finding.warning(directory: directory, accepted: isAccepted))
        }
        return (problems, warnings)
    }
}
