import Foundation

/// A `--secret KEY=@FILE` or `--secret KEY=env:VAR` argument: where to read one secret from.
public struct SecretInput: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case file(String)
        case environment(String)
    }

    public let key: String
    public let source: Source

    /// Parses the argument text; a plain value is refused so secrets never sit in shell history.
    public init(argument: String) throws(InvalidAnswers) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw InvalidAnswers([AnswerProblem(
                key: argument, value: nil,
                reason: .invalid(expected: "KEY=@FILE or KEY=env:VAR"), origin: .option("--secret"))])
        }
        key = String(argument[..<equals])
        let rest = String(argument[argument.index(after: equals)...])
        if rest.hasPrefix("@"), rest.count > 1 {
            source = .file(String(rest.dropFirst()))
        } else if rest.hasPrefix("env:"), rest.count > 4 {
            source = .environment(String(rest.dropFirst(4)))
        } else {
            throw InvalidAnswers([AnswerProblem(
                key: key, value: nil,
                reason: .invalid(expected: "@FILE or env:VAR; a secret is never given as a plain value on the command line"),
                origin: .option("--secret"))])
        }
    }

    /// Reads the value. One trailing newline (as `echo` and editors leave) is dropped; an empty
    /// value or one with control characters is refused, naming the key but never echoing the value.
    public func read(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<String, AnswerProblem> {
        let raw: String
        switch source {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(problem("cannot read the file \(path)"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                return .failure(problem("the file \(path) is not UTF-8 text"))
            }
            raw = text
        case .environment(let name):
            guard let text = environment[name] else {
                return .failure(problem("the environment variable \(name) is not set"))
            }
            raw = text
        }
        var value = raw
        if value.hasSuffix("\r\n") { value.removeLast(2) } else if value.hasSuffix("\n") { value.removeLast() }
        if value.isEmpty { return .failure(problem("the value is empty")) }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(problem("the value holds a newline or another control character"))
        }
        if value.hasPrefix(SecretSet.placeholderMarker) {
            return .failure(problem("the value is a rigger placeholder, not the real secret"))
        }
        return .success(value)
    }

    private func problem(_ what: String) -> AnswerProblem {
        AnswerProblem(key: key, value: nil, reason: .invalid(expected: "a readable secret value: \(what)"), origin: .option("--secret"))
    }
}
