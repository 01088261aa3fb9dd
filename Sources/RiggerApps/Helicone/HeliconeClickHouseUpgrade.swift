import RiggerCore

/// The in-cluster ClickHouse's version is no answer (the bundle pins it), so a regeneration that
/// moves it would otherwise show only as a changed line of values.yaml.
enum HeliconeClickHouseUpgrade {
    /// Said on regenerating a bundle whose ClickHouse ran another version than this release pins.
    static func notes(previous: ExistingBundle, answers: ResolvedAnswers) -> [String] {
        guard answers["clickhouse.mode"]?.stringValue == "in-cluster", let image = HeliconeChart.valueImage("clickhouse"),
            let was = previous.writtenValue(["clickhouse", "image", "tag"]), was != image.tag
        else { return [] }
        return [
            "clickhouse: the in-cluster ClickHouse moves from \(was) to \(image.tag) at ./install.sh --from 40 (\(image.tag) has the fixes "
                + "of the advisories in the README's images). The new server reads the old data as it is, but going back to \(was) "
                + "afterwards is not supported: back ClickHouse up first (BACKUP ... TO Disk, or a snapshot of its volume)."
        ]
    }
}
