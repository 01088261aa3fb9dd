/// The wizard step a question is asked on; the order of the cases is the order of the steps.
public enum WizardStep: String, Sendable, CaseIterable, Comparable {
    case app
    case cluster
    case dependencies
    case ingress
    case email
    case sizing
    /// Where the secrets are kept: asked on the wizard's Secrets page, above the secrets themselves.
    case secretStore

    /// The step's name in the wizard's step list.
    public var title: String {
        switch self {
        case .app: return "App and cloud"
        case .cluster: return "Cluster"
        case .dependencies: return "Dependencies"
        case .ingress: return "Ingress and TLS"
        case .email: return "Email"
        case .sizing: return "Sizing"
        case .secretStore: return "Secret store"
        }
    }

    public static func < (lhs: WizardStep, rhs: WizardStep) -> Bool {
        guard let left = allCases.firstIndex(of: lhs), let right = allCases.firstIndex(of: rhs) else { return false }
        return left < right
    }
}
