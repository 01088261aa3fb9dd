import Crypto
import Foundation
import RiggerCore

/// Values the chart's own documents publish as examples: its README's Quickstart Secrets and
/// placeholders, and the realtime keys of values.example.yaml. Anyone can read them, so an
/// install that uses one can be entered or forged into by anyone: rigger never writes them,
/// refuses them as `--secret` values, and 00-preflight.sh refuses a Secret in the cluster that
/// holds one (one made by hand from the README).
///
/// The bundle never holds them either: 00-preflight.sh compares SHA-256 digests.
public enum HeliconePublishedValues {
    /// One published value and the Secret data keys where it is refused.
    public struct Entry: Sendable {
        public let value: String
        public let source: String
        /// The data keys (of the chart's Secrets) whose value must not be this.
        public let dataKeys: [String]
    }

    static let readme = "the Helicone chart's README"
    static let valuesExample = "the Helicone chart's values.example.yaml"

    /// Every published value, by where it was published. A user name the README happens to use
    /// that is also a product's own (ClickHouse's `default` user, PostgreSQL's `postgres`) is not
    /// here: only its passwords and keys are secrets.
    public static let all: [Entry] = [
        Entry(value: "abcdefghijklmnopqrstuvwxyz123456", source: readme, dataKeys: ["JWT_SECRET"]),
        Entry(
            value: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ewogICAgInJvbGUiOiAiYW5vbiIsCiAgICAiaXNzIjogInN1cGFiYXNlIiwKICAgICJpYXQiOiAxNjc1NDAwNDAwLAogICAgImV4cCI6IDE4MzMxNjY4MDAKfQ.ztuiBzjaVoFHmoljUXWmnuDN6QU2WgJICeqwyzyZO88",
            source: readme, dataKeys: ["ANON_KEY"]),
        Entry(
            value: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ewogICAgInJvbGUiOiAic2VydmljZV9yb2xlIiwKICAgICJpc3MiOiAic3VwYWJhc2UiLAogICAgImlhdCI6IDE2NzU0MDA0MDAsCiAgICAiZXhwIjogMTgzMzE2NjgwMAp9.qNsmXzz4tG7eqJPh1Y58DbtIlJBauwpqx39UF-MwM8k",
            source: readme, dataKeys: ["SERVICE_ROLE_KEY"]),
        Entry(value: "example123456", source: readme, dataKeys: ["POSTGRES_PASSWORD", "SMTP_PASSWORD"]),
        Entry(value: "your-mail@example.com", source: readme, dataKeys: ["SMTP_USERNAME"]),
        Entry(value: "default", source: readme, dataKeys: ["CLICKHOUSE_PASSWORD"]),
        Entry(value: "JWT_TOKEN_AT_LEAST_32_CHARACTERS_LONG", source: readme, dataKeys: ["JWT_SECRET"]),
        Entry(value: "JWT_ANON_KEY", source: readme, dataKeys: ["ANON_KEY"]),
        Entry(value: "JWT_SERVICE_KEY", source: readme, dataKeys: ["SERVICE_ROLE_KEY"]),
        Entry(value: "SMTP_PASSWORD", source: readme, dataKeys: ["SMTP_PASSWORD"]),
        Entry(value: "SMTP_USER", source: readme, dataKeys: ["SMTP_USERNAME"]),
        Entry(value: "PW_USER", source: readme, dataKeys: ["POSTGRES_PASSWORD"]),
        Entry(value: "UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq", source: valuesExample, dataKeys: ["SECRET_KEY_BASE"]),
        Entry(value: "supabaserealtime", source: valuesExample, dataKeys: ["DB_ENC_KEY"]),
    ]

    /// What every Helicone secret must not be: no published value whatever its key (a README
    /// password is no better as a JWT secret); with the question's own rules kept.
    static func rules(_ own: SecretValueRules) -> SecretValueRules {
        SecretValueRules(
            minimumLength: own.minimumLength, because: own.lengthReason, base64Bytes: own.base64Bytes, exactBytes: own.exactBytes,
            characters: own.characters, published: own.published + all.map { SecretValueRules.PublishedValue($0.value, source: $0.source) })
    }

    /// The published values refused under a data key.
    static func values(for dataKey: String) -> [Entry] { all.filter { $0.dataKeys.contains(dataKey) } }

    /// The SHA-256 digest of a value, in hex, as `sha256sum` prints it.
    static func digest(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
