import Foundation

/// Why a probe read nothing from the cluster. The field it concerns keeps what it had, and the
/// failure becomes one quiet line of explanation.
public enum ProbeFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Probing is off (`--offline`).
    case offline
    /// The tool is not on PATH.
    case toolMissing(ClusterTool)
    /// The tool ran past its time and was stopped.
    case timedOut(ClusterTool, seconds: Double)
    /// The cluster did not answer (connection refused, no route, DNS).
    case unreachable(String)
    /// The credentials may not read this (RBAC).
    case forbidden(String)
    /// The credentials were refused.
    case unauthorized(String)
    /// The object is not there. Probes that look for one turn this into "absent" themselves.
    case notFound(String)
    /// Not tried: an earlier probe found the cluster silent, so this one would only wait as long.
    case skipped(because: String)
    /// The tool failed otherwise.
    case failed(ClusterTool, status: Int32, message: String)
    /// The tool answered, but not in the JSON expected.
    case unreadable(ClusterTool, String)
    /// The tool could not be started.
    case couldNotStart(ClusterTool, String)

    public var description: String {
        switch self {
        case .offline: return "probing is off (--offline)"
        case .toolMissing(let tool): return "\(tool.rawValue) is not on PATH"
        case .timedOut(let tool, let seconds): return "\(tool.rawValue) did not answer within \(Self.format(seconds)) s"
        case .unreachable(let message): return "the cluster did not answer (\(message))"
        case .forbidden(let message): return "not allowed (\(message))"
        case .unauthorized(let message): return "the credentials were refused (\(message))"
        case .notFound(let message): return "not found (\(message))"
        case .skipped(let reason): return "not tried: \(reason)"
        case .failed(let tool, let status, let message): return "\(tool.rawValue) failed with exit code \(status)" + (message.isEmpty ? "" : " (\(message))")
        case .unreadable(let tool, let what): return "\(tool.rawValue)'s answer could not be read: \(what)"
        case .couldNotStart(let tool, let why): return "\(tool.rawValue) could not be started: \(why)"
        }
    }

    /// Whether the cluster itself is silent, so that further probes would only wait as long.
    public var meansClusterSilent: Bool {
        switch self {
        case .timedOut, .unreachable, .unauthorized, .failed, .toolMissing, .couldNotStart, .offline: return true
        case .forbidden, .notFound, .skipped, .unreadable: return false
        }
    }

    /// Reads a failed run's standard error the way kubectl, helm and gcloud word their errors.
    package static func classify(_ tool: ClusterTool, status: Int32, error: String) -> ProbeFailure {
        let message = Self.message(from: error)
        let lowered = error.lowercased()
        if lowered.contains("(forbidden)") || lowered.contains(" is forbidden: ") { return .forbidden(message) }
        if lowered.contains("(unauthorized)") || lowered.contains("you must be logged in") { return .unauthorized(message) }
        if lowered.contains("(notfound)") || lowered.contains("was not found") || lowered.contains("release: not found") {
            return .notFound(message)
        }
        let silent = ["connection refused", "was refused", "unable to connect to the server", "no such host", "i/o timeout",
                      "cluster unreachable", "no route to host", "tls handshake timeout", "context deadline exceeded"]
        if silent.contains(where: lowered.contains) { return .unreachable(message) }
        return .failed(tool, status: status, message: message)
    }

    /// The line of a tool's standard error that says what went wrong, shortened to fit one line of
    /// a report: the last error line (kubectl's `Error from server …`, `error: …`, helm's `Error: …`,
    /// gcloud's `ERROR: …` with the detail it puts on the next line), else the last line that is
    /// not a client-go log line (`E1122 03:29:58.58 …`).
    package static func message(from error: String) -> String {
        let lines = error.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let errorPrefixes = ["Error from server", "error: ", "Error: ", "ERROR: ", "The connection to the server"]
        var chosen: String
        if let index = lines.lastIndex(where: { line in errorPrefixes.contains { line.hasPrefix($0) } }) {
            chosen = lines[index]
            if chosen.hasSuffix(":"), index + 1 < lines.count { chosen += " " + lines[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: "- ")) }
            for prefix in ["Error: ", "error: ", "ERROR: "] where chosen.hasPrefix(prefix) { chosen = String(chosen.dropFirst(prefix.count)) }
        } else {
            let logLine = { (line: String) -> Bool in
                guard let first = line.first, "IWEF".contains(first), line.count > 5 else { return false }
                return line.dropFirst().prefix(4).allSatisfy(\.isNumber)
            }
            chosen = lines.last(where: { !logLine($0) }) ?? lines.last ?? ""
        }
        return chosen.count > 240 ? String(chosen.prefix(239)) + "…" : chosen
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
