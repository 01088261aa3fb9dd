/// Quotes text as one POSIX shell word, so that no value can break out of a script.
public enum ShellQuote {
    /// The text in single quotes, with each `'` written as `'\''`.
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
