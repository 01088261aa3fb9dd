import RiggerCore

/// PostHog's entries of rigger's advisory table (see `SecurityAdvisories`): the components its
/// bundles pin or run in the cluster, and the advisories rigger knows for them.
enum PostHogAdvisories {
    static let component = AdvisoryComponent(name: "PostHog", imageRepositories: ["docker.io/posthog/posthog"])
    /// Redis: rigger's own on the official image, or the chart's Bitnami build.
    static let redis = AdvisoryComponent(
        name: "Redis", imageRepositories: ["docker.io/library/redis", "docker.io/bitnamilegacy/redis", "docker.io/bitnami/redis"])
    static let zookeeper = AdvisoryComponent(
        name: "ZooKeeper", imageRepositories: ["docker.io/bitnamilegacy/zookeeper", "docker.io/bitnami/zookeeper"])

    static let all: [SecurityAdvisory] = redisAdvisories + zookeeperAdvisories

    /// Redis's October 2025 Lua fixes (6.2.20, 7.2.11, 7.4.6, 8.0.4, 8.2.2), as Redis's
    /// release and the official image's update name them. Each takes a client that can run EVAL, which PostHog's password
    /// gives; 7.0 got no fix and runs into the 7.2 range's.
    private static let luaFixed = [
        AffectedVersions(fixed: "6.2.20"), AffectedVersions(from: "7.0.0", fixed: "7.2.11"), AffectedVersions(from: "7.4.0", fixed: "7.4.6"),
        AffectedVersions(from: "8.0.0", fixed: "8.0.4"), AffectedVersions(from: "8.2.0", fixed: "8.2.2"),
    ]
    private static let luaFixes = ["6.2.20", "7.2.11", "7.4.6", "8.0.4", "8.2.2"]

    private static let redisAdvisories: [SecurityAdvisory] = [
        SecurityAdvisory(
            id: "CVE-2025-49844", aliases: ["GHSA-4789-qfc9-5f9q"], component: redis, severity: .critical,
            affected: luaFixed, fixedIn: luaFixes,
            impact: "remote code execution on the Redis host through a Lua script that makes the garbage collector free a string the "
                + "parser still uses (\"RediShell\", CVSS 10); any client with the password can send one",
            source: "https://github.com/redis/redis/security/advisories/GHSA-4789-qfc9-5f9q"),
        SecurityAdvisory(
            id: "CVE-2025-46817", component: redis, severity: .high,
            affected: luaFixed, fixedIn: luaFixes,
            impact: "an integer overflow in unpack() from a Lua script corrupts the interpreter's state: possible remote code execution",
            source: "https://nvd.nist.gov/vuln/detail/CVE-2025-46817"),
        SecurityAdvisory(
            id: "CVE-2025-46818", component: redis, severity: .moderate,
            affected: luaFixed, fixedIn: luaFixes,
            impact: "a Lua script can change the metatables of basic types and so run code as another user of the same Redis",
            source: "https://nvd.nist.gov/vuln/detail/CVE-2025-46818"),
        SecurityAdvisory(
            id: "CVE-2025-46819", component: redis, severity: .moderate,
            affected: luaFixed, fixedIn: luaFixes,
            impact: "a crafted Lua script reads out of bounds or crashes the server (denial of service)",
            source: "https://nvd.nist.gov/vuln/detail/CVE-2025-46819"),
    ]

    /// ZooKeeper runs as the chart's single node, without SASL: its quorum authentication hole
    /// needs `quorum.auth.enableSasl=true`, which neither rigger nor the chart's values set.
    private static let zookeeperAdvisories: [SecurityAdvisory] = [
        SecurityAdvisory(
            id: "CVE-2023-44981", component: zookeeper, severity: .critical,
            affected: [AffectedVersions(fixed: "3.7.2"), AffectedVersions(from: "3.8.0", fixed: "3.8.3"), AffectedVersions(from: "3.9.0", fixed: "3.9.1")],
            fixedIn: ["3.7.2", "3.8.3", "3.9.1"],
            impact: "with SASL quorum authentication on, a server that isn't in the ensemble can join it as a peer and read or change "
                + "every znode (authorization bypass)",
            source: "https://zookeeper.apache.org/security.html#CVE-2023-44981",
            unreachable: "it needs SASL quorum authentication (quorum.auth.enableSasl=true), and rigger runs a single ZooKeeper node "
                + "with the chart's auth.enabled=false, so no quorum and no SASL"),
    ]
}
