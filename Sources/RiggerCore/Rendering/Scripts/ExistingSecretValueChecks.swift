/// 00-preflight.sh's checks of values in the operator's own Secrets that rigger would refuse if
/// it were given them: characters that break where the chart puts the value unencoded, a key of
/// the wrong length. rigger never sees those values; the script reads each from the cluster into
/// a pipe, never printing it.
public struct ExistingSecretValueCheck: Sendable {
    public enum Rule: Sendable {
        /// Only the characters of the rule.
        case characters(SecretCharacters)
        /// Exactly this many bytes, and why.
        case bytes(Int, because: String)
    }

    /// The Secret's name and the data key holding the value.
    public let secret: String
    public let dataKey: String
    /// The answer the value stands for, named in the refusal.
    public let answer: String
    public let rule: Rule

    public init(secret: String, dataKey: String, answer: String, rule: Rule) {
        self.secret = secret
        self.dataKey = dataKey
        self.answer = answer
        self.rule = rule
    }

    /// The section that runs `checks` against the Secrets in `namespace`; empty without checks.
    public static func section(namespace: String, checks: [ExistingSecretValueCheck]) -> ScriptSection? {
        guard !checks.isEmpty else { return nil }
        var section = ScriptSection(variables: [("NAMESPACE", namespace)], lines: [
            "",
            "# Values in Secrets of your own that the chart can't use as they are: read into a pipe, never shown.",
            "secret_value() {",
            "  local encoded",
            "  encoded=\"$(kube get secret --namespace \"$NAMESPACE\" \"$1\" -o \"go-template={{index .data \\\"$2\\\"}}\" 2>/dev/null || true)\"",
            "  if [ -z \"$encoded\" ] || [ \"$encoded\" = \"<no value>\" ]; then return 0; fi",
            "  printf '%s' \"$encoded\" | base64 -d",
            "}",
        ])
        for (index, check) in checks.enumerated() {
            let prefix = "VALUE_CHECK_\(index + 1)"
            section.variables += [("\(prefix)_SECRET", check.secret), ("\(prefix)_KEY", check.dataKey)]
            let place = "the Secret $\(prefix)_SECRET in namespace $NAMESPACE holds, under $\(prefix)_KEY (\(check.answer)),"
            switch check.rule {
            case .characters(let characters):
                section.variables += [("\(prefix)_ALLOWED", characters.trSet), ("\(prefix)_WHY", characters.reason)]
                section.lines += [
                    "others=\"$(secret_value \"$\(prefix)_SECRET\" \"$\(prefix)_KEY\" | LC_ALL=C tr -d \"$\(prefix)_ALLOWED\" | wc -c)\"",
                    "if [ \"$others\" -gt 0 ]; then",
                    "  fail \"\(place) a value with $others characters other than \(characters.allowed): $\(prefix)_WHY. Give it another value (and the service too).\"",
                    "fi",
                ]
            case .bytes(let count, let reason):
                section.variables.append(("\(prefix)_WHY", reason))
                section.lines += [
                    "length=\"$(secret_value \"$\(prefix)_SECRET\" \"$\(prefix)_KEY\" | wc -c)\"",
                    "if [ \"$length\" -gt 0 ] && [ \"$length\" -ne \(count) ]; then",
                    "  fail \"\(place) a value of $length bytes; it must be exactly \(count): $\(prefix)_WHY\"",
                    "fi",
                ]
            }
        }
        section.lines.append("echo \"the values checked in Secrets of your own fit where the chart puts them\"")
        return section
    }
}
