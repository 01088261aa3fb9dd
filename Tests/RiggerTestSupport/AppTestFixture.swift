/// One app's presets, with the answers and secrets each leaves open, as an operator would supply
/// them: what the golden, validator and real-chart tests generate for every app.
public struct AppTestFixture: Sendable {
    /// The app's id.
    public let app: String
    /// The app's preset names.
    public let presets: [String]
    /// The `--set` arguments each preset needs, by preset.
    public let openAnswers: [String: [String]]
    /// The secrets each preset needs supplied, by preset.
    public let openSecrets: [String: [String: String]]
}

extension AppTestFixture {
    /// PostHog's presets and what each leaves open.
    public static let postHog = AppTestFixture(
        app: "posthog", presets: ["aws", "aws-managed", "gcp", "gcp-managed", "local"],
        openAnswers: [
            "gcp": ["ingress.hostname=posthog.example.com"],
            "aws": ["ingress.hostname=posthog.example.com", "ingress.letsencryptEmail=ops@example.com"],
            "aws-managed": [
                "ingress.hostname=posthog.example.com", "ingress.letsencryptEmail=ops@example.com",
                "postgresql.host=posthog.abc123.us-east-1.rds.amazonaws.com",
                "redis.host=posthog.abc123.use1.cache.amazonaws.com",
                "kafka.brokers=b-1.posthog.abc123.kafka.us-east-1.amazonaws.com:9092,b-2.posthog.abc123.kafka.us-east-1.amazonaws.com:9092",
            ],
            "gcp-managed": ["ingress.hostname=posthog.example.com", "postgresql.host=10.20.0.3", "redis.host=10.30.0.4"],
            "local": [],
        ],
        openSecrets: [
            "aws-managed": ["postgresql.password": "rds-Password-1", "redis.password": "elasticache-Token-1"],
            "gcp-managed": ["postgresql.password": "cloudsql-Password-1", "redis.password": "memorystore-Auth-1"],
        ])
}

extension AppTestFixture {
    /// The preset names `rigger presets` lists under this app: a preset's line starts with two
    /// spaces, and the lines its description wraps onto with more.
    public func presetNames(inPresetsOutput output: String) -> [String]? {
        let lines = output.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(app): ") }) else { return nil }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.filter { !$0.hasPrefix("   ") }.map { String($0.split(separator: " ")[0]) }
    }

    /// Text as one line, so that a phrase is found across the line breaks of wrapped output.
    public static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
