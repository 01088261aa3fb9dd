import RiggerCore

/// What the Helicone chart (Helicone/helicone-helm-chart, helm/helicone at commit 4289687) fixes:
/// object names, ports, the Secrets its templates read and the images it runs.
public enum HeliconeChart {
    /// The full commit of the chart rigger's values are written for.
    public static let commit = "428968745437afa2b0d883975d7e641619892cb6"
    public static let gitURL = "https://github.com/Helicone/helicone-helm-chart.git"
    public static let path = "helm/helicone"

    public static let webPort = 3000
    public static let kongPort = 8000
    public static let workerPort = 8787
    public static let studioPort = 3000
    public static let clickhousePort = 8123
    /// Kong's status API, opened for Google load balancers' health checks.
    public static let kongStatusPort = 8100

    /// The chart's name for a component's objects (`<release>-helicone-<component>`, or the
    /// release alone when it already holds `helicone-<component>`), cut to 63 characters as Helm's
    /// `trunc 63 | trimSuffix "-"` does.
    public static func fullname(release: String, component: String) -> String {
        let name = "helicone-\(component)"
        var full = release.contains(name) ? release : "\(release)-\(name)"
        if full.count > 63 { full = String(full.prefix(63)) }
        if full.hasSuffix("-") { full.removeLast() }
        return full
    }

    /// The name of a component's container: the chart's name for the component, whatever the release.
    public static func containerName(_ component: String) -> String { "helicone-\(component)" }

    /// One image the chart runs: set through `<component>.image`, or written into a template.
    public struct Image: Sendable, Equatable {
        /// What runs it, e.g. "auth (GoTrue)".
        public let role: String
        public let repository: String
        public let tag: String

        public var reference: String { "\(repository):\(tag)" }
    }

    /// The images set through values, by the values key of their component: the tags of the
    /// chart's values.example.yaml at the pinned commit (the chart has no values.yaml of its own).
    static let valueImages: [(key: String, image: Image)] = [
        ("db", Image(role: "PostgreSQL (Supabase's image)", repository: "supabase/postgres", tag: "15.1.0.54-rc0")),
        ("studio", Image(role: "Supabase Studio", repository: "supabase/studio", tag: "20230330-99fed3d")),
        ("auth", Image(role: "auth (GoTrue)", repository: "supabase/gotrue", tag: "v2.60.7")),
        ("rest", Image(role: "REST (PostgREST)", repository: "postgrest/postgrest", tag: "v10.1.2")),
        ("realtime", Image(role: "Realtime", repository: "supabase/realtime", tag: "v2.5.1")),
        ("meta", Image(role: "postgres-meta", repository: "supabase/postgres-meta", tag: "v0.60.7")),
        ("storage", Image(role: "Storage", repository: "supabase/storage-api", tag: "v0.28.2")),
        ("kong", Image(role: "API gateway (Kong)", repository: "kong", tag: "2.8.1")),
        ("imgproxy", Image(role: "imgproxy", repository: "darthsim/imgproxy", tag: "v3.13")),
        ("functions", Image(role: "Edge functions", repository: "supabase/edge-runtime", tag: "v1.2.12")),
        // The example's 23.4.2.11 got no fix for ClickHouse's 2023 codec advisories or CVE-2024-6873 (23.4 was out of
        // support): the last 23.8 LTS release has them all, and an upgrade from 23.4 reads its data as it is.
        ("clickhouse", Image(role: "ClickHouse", repository: "clickhouse/clickhouse-server", tag: "23.8.16.40")),
    ]

    /// The images the templates name themselves, which values can't change; the post-renderer
    /// pins `postgres`, whose tag the chart leaves floating (15-alpine).
    static let templateImages: [Image] = [
        Image(role: "init containers waiting for PostgreSQL (auth, realtime, storage, web)", repository: "postgres", tag: "15.1-alpine"),
        Image(role: "web's PostgreSQL migrations (init container)", repository: "helicone/supabase-migration-runner", tag: "v2023.07.13"),
        Image(role: "web's ClickHouse migrations (init container)", repository: "helicone/clickhouse-migration-runner", tag: "v2023.07.13"),
    ]

    static func valueImage(_ key: String) -> Image? { valueImages.first { $0.key == key }?.image }
}
