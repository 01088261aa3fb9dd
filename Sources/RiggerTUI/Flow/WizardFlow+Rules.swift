import RiggerCore

/// Rules between answers in the wizard: each is said on the page of the answers it names, as
/// `generate` would refuse it, and a change of the bundle's app, release or namespace waits for
/// the operator's yes, which is what `--force` says on the command line.
extension WizardFlow {
    /// How the wizard confirms a change `generate` takes only with --force.
    static let howToConfirm = "answer yes to Replace the install, under it, to change it anyway"

    /// The problems between answers for the answers so far, as `generate` refuses them; computed
    /// once per change of the answers.
    public var problemsBetweenAnswers: [AnswerProblem] {
        if let cachedBetween { return cachedBetween }
        let found = generator.problemsBetweenAnswers(
            resolution.answers, app: app, previousAnswers: previousAnswers, force: replaceConfirmed, howToForce: Self.howToConfirm)
        cachedBetween = found
        return found
    }

    /// The first problem between answers that names `key`, once each answer it names is valid on
    /// its own (until then, that answer's own problem is the one to fix).
    func problemBetweenAnswers(naming key: String) -> AnswerProblem? {
        let single = Set(resolution.problems.map(\.key))
        return problemsBetweenAnswers.first { $0.keys.contains(key) && !$0.keys.contains(where: single.contains) }
    }

    /// The app, release and namespace answers that differ from the bundle's in the folder.
    var replacedPinnedKeys: [String] {
        guard let previousAnswers else { return [] }
        return app.app.upgradeRules.problems(old: previousAnswers, new: resolution.answers, appTitle: app.title, force: false)
            .map(\.key).filter(UpgradeRules.pinnedKeys.contains)
    }

    /// A yes given for a change that is no longer made is forgotten: it must not cover another later.
    func forgetConfirmationWhenNothingIsReplaced() {
        if replaceConfirmed, replacedPinnedKeys.isEmpty { replaceConfirmed = false }
    }

    /// What the confirmation asks, naming what is replaced.
    var replaceHelp: String {
        let keys = replacedPinnedKeys
        let what = keys.isEmpty ? "the bundle in the folder" : keys.map { key in
            "its \(key) \(previousAnswers?[key]?.description ?? "")"
        }.joined(separator: " and ")
        return "Yes writes this bundle over the one in the folder, replacing \(what): the install running from it is no longer "
            + "what the bundle installs, and keeps its data until removed by hand (what --force does on the command line). "
            + "No keeps the bundle's: change the answer back to go on."
    }
}
