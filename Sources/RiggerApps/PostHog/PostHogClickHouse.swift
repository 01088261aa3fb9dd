import RiggerCore

/// The ClickHouse version PostHog's in-cluster ClickHouse runs (`clickhouse.version`).
///
/// The chart pins 23.9.2.56. ClickHouse fixed its 2023 codec holes in 23.9 (23.9.6.20), but
/// CVE-2024-6873 (native port, without credentials) only in 23.8.15.35 and 24.3.4.147: 23.9 was
/// out of support by then. New bundles run the last 23.8 LTS release, the line just before the
/// chart's (PostHog's schema and queries need nothing 23.9 added), rather than 24.3, which turns
/// the new query analyzer on. A bundle that already runs 23.9.2.56 keeps it: going back a line on
/// existing data is not something to do by itself.
enum PostHogClickHouse {
    static let version = "23.8.16.40"
    /// What the chart pins, and bundles written before `clickhouse.version` ran.
    static let chartVersion = "23.9.2.56"

    /// On regenerating a bundle that runs the chart's 23.9.2.56: what moving means.
    static func regenerationNotes(answers: ResolvedAnswers) -> [String] {
        guard answers["clickhouse.mode"]?.stringValue == "in-cluster", answers["clickhouse.version"]?.stringValue == chartVersion else { return [] }
        return ["clickhouse.version: this bundle runs the chart's ClickHouse \(chartVersion); 23.9 got no fix for CVE-2024-6873. "
            + "Moving goes to another line: \(version) (23.8 LTS, one release back, which reads 23.9's data as long as nothing "
            + "new in 23.9 was used) or 24.3.4.147 or later (forward, with the new query analyzer to turn off for PostHog 1.43). "
            + "Back up ClickHouse first (clickhouse-backup, or a volume snapshot)."]
    }
}
