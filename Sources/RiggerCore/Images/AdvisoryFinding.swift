/// An image a bundle pulls whose version a known advisory affects, with what moves it off.
public struct AdvisoryFinding: Sendable {
    public let image: BundleImage
    public let version: AdvisoryVersion
    public let advisory: SecurityAdvisory

    /// Every image's findings, in image order, the most severe advisory first for each image.
    public static func findings(_ images: [BundleImage], table: AdvisoryTable) -> [AdvisoryFinding] {
        images.flatMap { image -> [AdvisoryFinding] in
            guard let reference = ImageReference(image.reference), let tag = reference.tag, let version = AdvisoryVersion(tag) else { return [] }
            return table.affecting(reference).map { AdvisoryFinding(image: image, version: version, advisory: $0) }
        }
    }

    /// The release to move to.
    public var fix: String? { advisory.fix(for: version) }

    /// `--set KEY=FIX` when an answer pins the version and there is a fix (or the value of the
    /// choice that moves off the image); nil otherwise.
    public var setArgument: String? {
        guard let key = image.pinnedBy else { return nil }
        if let choice = image.choice { return "--set \(key)=\(choice.move)" }
        guard let fix else { return nil }
        return "--set \(key)=\(fix)"
    }

    /// The answer's value as a problem names it: the version, or the choice that picked the image.
    public var answerValue: String { image.choice?.value ?? version.text }

    /// What is affected, e.g. "image.tag v1.0.0: Example v1.0.0 is affected by CVE-… (…): impact; fixed in v1.0.1".
    public var summary: String {
        let subject = image.pinnedBy.map { "\($0) \(answerValue): " } ?? ""
        return subject + "\(advisory.component.name) \(version) is affected by \(advisory.label): \(advisory.impact); fixed in \(advisory.fixedText)"
    }

    /// The warning `generate` and the review show, with the command that moves to the fix in the
    /// bundle folder `directory`, and whether the operator accepted it.
    public func warning(directory: String, accepted: Bool) -> String {
        var text = summary
        if let setArgument {
            text += ". Move to it (read its release notes first): rigger generate --out \(ShellQuote.quote(directory)) \(setArgument)"
        }
        if accepted {
            text += ". Accepted with --allow-vulnerable \(advisory.id) (\(CommonQuestions.allowVulnerableKey) in rigger.yaml)"
        }
        return text
    }

    /// The README's section on the images of a bundle with these answers that advisories affect,
    /// or nothing when none is.
    public static func readmeSection(_ images: [BundleImage], table: AdvisoryTable, answers: ResolvedAnswers) -> [String] {
        let accepted = answers.lookup.text(CommonQuestions.allowVulnerableKey).map { $0.split(separator: ",").map(String.init) } ?? []
        return readmeSection(findings(images, table: table), accepted: accepted)
    }

    /// The README's section on the bundle's affected images, or nothing when it has none.
    /// `accepted` holds the advisory names the answers accept.
    /// One rigger's configuration can't reach is left to the images' table, which says its condition.
    public static func readmeSection(_ findings: [AdvisoryFinding], accepted: [String]) -> [String] {
        let findings = findings.filter { finding in finding.advisory.unreachable == nil || accepted.contains { finding.advisory.isNamed($0) } }
        guard !findings.isEmpty else { return [] }
        var lines = [
            "## Security: known advisories",
            "",
            "Advisories rigger knows of affect versions this bundle pins:",
            "",
        ]
        for finding in findings {
            let pinned = finding.image.pinnedBy.map { " (`\($0)`)" } ?? ""
            let isAccepted = accepted.contains { finding.advisory.isNamed($0) }
            lines.append("- \(finding.advisory.component.name) `\(finding.version)`\(pinned): \(finding.advisory.label), "
                + "\(finding.advisory.impact). Fixed in \(finding.advisory.fixedText); see \(finding.advisory.source)."
                + (finding.advisory.unreachable.map { " Not reachable as rigger configures it: \($0)." } ?? "")
                + (isAccepted ? " Accepted in `\(CommonQuestions.allowVulnerableKey)` (`--allow-vulnerable \(finding.advisory.id)`)." : ""))
        }
        // One move per answer: the highest of its fixes, which clears the others' too.
        var moves: [String] = []
        for argument in findings.compactMap(\.setArgument) where !moves.contains(argument) {
            let key = argument.prefix { $0 != "=" }
            if let index = moves.firstIndex(where: { $0.prefix { $0 != "=" } == key }) {
                let version = { (text: String) in AdvisoryVersion(String(text.drop { $0 != "=" }.dropFirst())) }
                if let new = version(argument), let old = version(moves[index]), new > old { moves[index] = argument }
            } else {
                moves.append(argument)
            }
        }
        if !moves.isEmpty {
            lines += [
                "",
                "Move to the fixed versions (read their release notes first):",
                "",
                "```",
                "rigger generate --out <this folder> " + moves.joined(separator: " "),
                "```",
            ]
        }
        return lines + [""]
    }
}
