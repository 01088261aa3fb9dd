import RiggerCore

/// PostHog's entries of rigger's advisory table (see `SecurityAdvisories`): the component its
/// answers pin, and the advisories rigger knows for it (none as of the table's review).
enum PostHogAdvisories {
    static let component = AdvisoryComponent(name: "PostHog", imageRepositories: ["docker.io/posthog/posthog"])

    static let all: [SecurityAdvisory] = []
}
