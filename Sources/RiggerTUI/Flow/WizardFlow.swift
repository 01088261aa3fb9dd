import Foundation
import RiggerCore

/// The wizard as every front end drives it: the answers, the pages that apply to them, what keeps
/// a page from going on, the secrets, the review and the writing of the bundle, with the draft of
/// an unfinished run and the cluster read through what it is given. It knows no terminal, key or
/// focus: a front end says which field it stands on when that matters, and is told where to stand
/// after an intent (`next`, `back`, `choose`, `setText`, `answerResume`, `write`, `quitWithoutWriting`).
/// The full screen (`WizardSession`) and plain mode (`PlainWizard`) are two front ends over it.
public final class WizardFlow {
    let generator: BundleGenerator
    var baseRequest: GenerationRequest
    /// The answers below the wizard's own: the bundle in the folder, the preset, the answers file.
    var baseLayers: [AnswerLayer] = [] {
        didSet { forgetWhatFollowsFromTheAnswers() }
    }
    var previousSecrets: [String: String] = [:]
    /// The answers of the bundle in the folder, resolved alone; nil for a new bundle.
    var previousAnswers: ResolvedAnswers?
    /// Whether the operator confirmed replacing the bundle's app, release or namespace.
    public internal(set) var replaceConfirmed = false {
        didSet {
            cachedBetween = nil
            reviewed = nil
        }
    }
    var cachedBetween: [AnswerProblem]?
    /// The folder the base layers were read from.
    var loadedFolder: String
    /// Whether the output folder was given (`--out`): then it never follows the app.
    let outputGiven: Bool
    /// Whether the operator typed the output folder: from then on it is theirs, not a default.
    var outputTyped = false
    /// The folder the bundle is written to.
    public internal(set) var outputDirectory: String

    /// A draft of an unfinished run found in the folder, offered on the resume page.
    public internal(set) var pendingDraft: WizardDraft?
    /// Where this run saved its draft, and whether it created that folder for it.
    var draftFolder: String?
    var draftCreatedFolder = false
    /// Why the last draft could not be saved, shown on the review.
    public internal(set) var draftError: String?

    public internal(set) var layer = AnswerLayer(name: "wizard") {
        didSet { forgetWhatFollowsFromTheAnswers() }
    }
    var cachedResolution: (answers: ResolvedAnswers, problems: [AnswerProblem])?
    var cachedApp: AppRegistry.Entry?
    var cachedPages: [WizardPage]?
    public internal(set) var pageIndex = 0
    /// The fields of the page the operator has seen: those it showed when first acted on, and
    /// each a front end stood on since. A field that appeared later is visited before the page is left.
    var fieldsSeen: (page: WizardPage, fields: Set<WizardField>)?
    public internal(set) var errors: [String: String] = [:]
    public internal(set) var secretChoices: [String: SecretChoice] = [:]
    /// The secret values typed or pasted, by secret; never saved in the draft.
    public internal(set) var secretValues: [String: String] = [:]
    /// The bundle as reviewed: exactly this is written.
    public internal(set) var reviewed: PreparedBundle?
    public internal(set) var reviewChanges: BundleChanges?
    public internal(set) var reviewError: String?
    /// How many times the review was prepared: a front end that scrolls it starts each at its top.
    public internal(set) var reviewsPrepared = 0
    public internal(set) var writtenTo: String?
    /// Where the bundle that was replaced is backed up, once a regeneration is written.
    public internal(set) var backupFolder: String?

    /// What reads the cluster; nil when the flow reads none.
    let clusterSource: (any WizardClusterReading)?
    /// The cluster, read in the background once started; nil when it is not read (`--offline`, no kubectl).
    var clusterReader: (any WizardClusterReading)?
    /// Where the draft of this run is kept.
    let drafts: any WizardDraftStore
    /// Why the cluster is not read, for the review; nil when it is, or before reading starts.
    public internal(set) var clusterOffReason: String?
    var clusterStarted = false
    var clusterSeen: WizardClusterStamp?
    var cachedFindings: ClusterFindings?
    /// What the cluster settles, as applied to the base answers.
    var clusterAdjustments: [ClusterAdjustment] = []

    /// The answers changed: what is computed from them once per change is computed again.
    private func forgetWhatFollowsFromTheAnswers() {
        cachedResolution = nil
        cachedPages = nil
        cachedApp = nil
        cachedFindings = nil
        cachedBetween = nil
    }

    /// A flow starting from a request's preset, answers file and the bundle already in its
    /// folder. With `cluster`, the cluster is read in the background once `startReadingCluster()`
    /// is called; a reader that can't run (offline, no kubectl) reads nothing and says why.
    /// `drafts` keeps the answers of an unfinished run (in the folder, unless a test says otherwise).
    public init(
        request: GenerationRequest, generator: BundleGenerator, outputGiven: Bool, cluster: (any WizardClusterReading)? = nil,
        drafts: any WizardDraftStore = FileDraftStore()
    ) throws {
        clusterSource = cluster
        self.drafts = drafts
        self.generator = generator
        self.baseRequest = request
        self.loadedFolder = request.outputDirectory
        self.outputGiven = outputGiven
        self.outputDirectory = request.outputDirectory
        try loadBase()
        // The default folder is the app's, and a preset file can name the app.
        if followOutputDefault() { try loadBase() }
        // With --out given, start at the app step; the folder can still be changed by going back.
        if outputGiven { pageIndex = 1 }
        offerDraft(in: request.outputDirectory)
        // A folder that can't take the bundle is said at once, on the page where another is chosen.
        if outputGiven, pendingDraft == nil, let problem = checkOutputFolder() {
            pageIndex = 0
            errors[WizardField.outputFolder.key] = problem
        }
    }

    /// Reads the bundle already in the folder (if any) under the preset and answers file.
    func loadBase() throws {
        let previous = try generator.existingBundle(in: loadedFolder)
        var base = GenerationRequest(app: baseRequest.app, preset: baseRequest.preset, answersFile: baseRequest.answersFile, outputDirectory: loadedFolder)
        base.clusterAnswers = baseRequest.clusterAnswers
        baseLayers = try generator.layers(for: base, previous: previous).layers
        previousSecrets = previous?.secrets ?? [:]
        previousAnswers = previous.flatMap(BundleGenerator.answers)
        cachedBetween = nil
    }

    /// Shows the resume page first when the folder holds a readable draft.
    func offerDraft(in folder: String) {
        do {
            pendingDraft = try drafts.read(from: folder)
        } catch {
            draftError = "the draft in \(folder) cannot be read, so it is not offered: \(error)"
        }
        if pendingDraft != nil { pageIndex = 0 }
    }
}
