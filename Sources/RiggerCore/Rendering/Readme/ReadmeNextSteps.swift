/// Steps of a bundle README's "Next" that read alike for every app.
public enum ReadmeNextSteps {
    /// Step `number`: the Secrets to create in the namespace before the install, each with its
    /// keys and the command that creates it; no lines when there are none.
    public static func createSecrets(_ number: Int, _ secrets: [OperatorSecret], namespace: String) -> [String] {
        guard !secrets.isEmpty else { return [] }
        var lines = ["\(number). Create the Secrets rigger doesn't write, in namespace `\(namespace)`; `00-preflight.sh` checks them:", ""]
        for secret in secrets {
            lines.append("   - `\(secret.name)` (" + secret.dataKeys.map { "`\($0)`" }.joined(separator: ", ") + "): \(secret.purpose)")
        }
        lines += ["", "   ```", "   " + OperatorSecret.namespaceCommand(namespace)] + secrets.map { "   " + $0.command } + ["   ```"]
        return lines
    }
}
