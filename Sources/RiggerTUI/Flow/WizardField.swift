import RiggerCore

/// One field on a wizard page.
public enum WizardField: Sendable, Hashable {
    /// An answer from the catalog.
    case answer(String)
    /// The output folder (not an answer: where the bundle goes).
    case outputFolder
    /// How a secret is provided.
    case secretChoice(String)
    /// A secret's typed value.
    case secretValue(String)
    /// Whether to resume a draft or start over.
    case resumeChoice
    /// The preset the answers start from (not an answer: a layer under them).
    case preset
    /// Yes or no: replace the app, release or namespace of the bundle in the folder, which the
    /// answers change (what `--force` confirms on the command line).
    case confirmReplace

    public var key: String {
        switch self {
        case .answer(let key), .secretChoice(let key): return key
        case .outputFolder: return "output"
        case .resumeChoice: return "resume"
        case .preset: return "preset"
        case .confirmReplace: return "replace"
        case .secretValue(let key): return key + " value"
        }
    }
}
