import RiggerCore

/// Plausible's entries of rigger's advisory table (see `SecurityAdvisories`): the advisories
/// rigger knows for the Plausible Community Edition image.
enum PlausibleAdvisories {
    static let component = AdvisoryComponent(
        name: "Plausible Community Edition", imageRepositories: ["ghcr.io/plausible/community-edition"])

    static let all: [SecurityAdvisory] = [
        // Plausible mounts phoenix_storybook's playground at /storybook; v3.2.1 (2026-05-15), a
        // security-only release, removes the route.
        SecurityAdvisory(
            id: "CVE-2026-8467", aliases: ["GHSA-55hg-8qxv-qj4p"], component: component, severity: .critical,
            affected: [AffectedVersions(from: "3.0.0-rc.0", fixed: "3.2.1")], fixedIn: ["v3.2.1"],
            impact: "remote code execution without login through the /storybook route (templates compiled from what a visitor sends)",
            source: "https://github.com/advisories/GHSA-55hg-8qxv-qj4p"),
    ]
}
