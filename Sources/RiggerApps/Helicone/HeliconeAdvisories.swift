import RiggerCore

/// Helicone's entries of rigger's advisory table (see `SecurityAdvisories`): the components its
/// answers pin, and the advisories rigger knows for them (none as of the table's review).
enum HeliconeAdvisories {
    static let web = AdvisoryComponent(name: "Helicone web", imageRepositories: ["docker.io/helicone/web"])
    static let worker = AdvisoryComponent(name: "Helicone worker", imageRepositories: ["docker.io/helicone/worker"])

    static let all: [SecurityAdvisory] = []

    /// The versions Helicone's answers pin.
    static let pins = [
        CommonQuestions.PinnedVersion(key: "image.tag", component: web),
        CommonQuestions.PinnedVersion(key: "helicone.workerImageTag", component: worker),
    ]
}
