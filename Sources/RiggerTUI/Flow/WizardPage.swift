import RiggerCore

/// A page of the wizard, in order: the output folder, the catalog's steps, the secrets, the review.
public enum WizardPage: Sendable, Hashable {
    /// Offered first when the folder holds a draft of an unfinished run.
    case resume
    case output
    case step(WizardStep)
    case secrets
    case review
    case done

    public var title: String {
        switch self {
        case .resume: return "Resume"
        case .output: return "Output folder"
        case .step(let step): return step.title
        case .secrets: return "Secrets"
        case .review: return "Review"
        case .done: return "Done"
        }
    }

    /// Every page in wizard order; pages without fields for the answers so far are skipped. The
    /// secrets come after every step whose answers can make one apply (the SMTP password on the
    /// email step, say), so that none is first met as a warning on the review.
    static let order: [WizardPage] = [
        .output, .step(.app), .step(.cluster), .step(.dependencies), .step(.ingress), .step(.email), .step(.sizing), .secrets, .review,
    ]
}

/// How one secret gets its value in the wizard.
public enum SecretChoice: String, Sendable, CaseIterable {
    /// Keep the value the bundle already has.
    case keep
    /// Let rigger generate it (on a bundle that has it: rotate).
    case generate
    /// The operator types or pastes it.
    case type
    /// Leave a placeholder and supply it later with --secret.
    case later
    /// Read it from a Secret already in the cluster, by name.
    case existing

    public var label: String {
        switch self {
        case .keep: return "keep the current value"
        case .generate: return "generate a new random value"
        case .type: return "type or paste it"
        case .later: return "supply it later (placeholder)"
        case .existing: return "use an existing Secret"
        }
    }
}
