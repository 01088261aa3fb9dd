/// The "Answers" part of a bundle's README, alike for every app: each answer with its value, and
/// each secret by its state and length only.
public enum ReadmeAnswers {
    /// The heading, the table of answers and the list of secrets, ending with the last secret.
    public static func lines(_ answers: ResolvedAnswers, _ secrets: SecretSet) -> [String] {
        var lines = ["## Answers", "", "| Key | Value |", "| --- | --- |"]
        for (key, value) in answers.entries {
            lines.append("| `\(key)` | `\(value.description)` |")
        }
        lines += ["", "Secrets (values only in `secrets/`):", ""]
        for key in secrets.entries.keys.sorted() {
            // Where a value came from changes between runs (generated, then kept), so only its state is shown.
            guard let entry = secrets[key] else { continue }
            let state = entry.source == .placeholder ? "placeholder: supply it before installing" : "set, \(entry.value.count) characters"
            lines.append("- `\(key)`: \(state)")
        }
        return lines
    }
}
