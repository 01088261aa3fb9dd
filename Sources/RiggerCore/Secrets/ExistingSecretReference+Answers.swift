extension ExistingSecretReference {
    /// The Secrets already in the cluster that the answers name, by secret question key: the same
    /// ones `SecretSet.resolve` takes, found without any secret value (for reading a bundle back
    /// or checking the cluster).
    public static func named(by answers: ResolvedAnswers, catalog: QuestionCatalog) -> [String: ExistingSecretReference] {
        let lookup = answers.lookup
        var found: [String: ExistingSecretReference] = [:]
        for question in catalog.secrets where question.appliesWhen.holds(lookup) {
            guard let existing = catalog.secretPolicy(question.key)?.existing, let name = lookup.text(existing.name) else { continue }
            found[question.key] = ExistingSecretReference(name: name, dataKey: existing.dataKey.flatMap { lookup.text($0) })
        }
        return found
    }
}
