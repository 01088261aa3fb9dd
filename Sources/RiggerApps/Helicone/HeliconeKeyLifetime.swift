import Foundation
import RiggerCore

/// The API keys' issue time against the generation's clock. The keys are signed with
/// `helicone.jwtIssuedAt` and expire `SupabaseJWT.validity` later; nothing else looks at the clock.
///
/// Keys that have already expired are refused: GoTrue, PostgREST, Realtime and Storage check `exp`,
/// so the install could not work. Keys that expire within a year, or are issued in the future, are
/// warned about: they work now, but stop (or may not start) at a time the operator should know of.
enum HeliconeKeyLifetime {
    /// How soon an expiry is worth a warning: a year, time enough to plan a rotation.
    static let warningWindow = 365 * 86_400

    static func problems(_ answers: ResolvedAnswers, now: Date) -> [AnswerProblem] {
        guard let issuedAt = signedIssueTime(answers) else { return [] }
        let expiry = issuedAt + SupabaseJWT.validity
        guard expiry <= seconds(now) else { return [] }
        return [AnswerProblem(
            key: "helicone.jwtIssuedAt", value: String(issuedAt),
            reason: .invalid(expected: "an issue time whose API keys are still valid: keys issued on \(day(issuedAt)) expired on "
                + "\(day(expiry)) (they are valid for \(SupabaseJWT.validity / 86_400) days), and Supabase's services refuse expired keys. "
                + "Leave it to its default (--set helicone.jwtIssuedAt=) to issue them now, or rotate the secret with "
                + "--rotate helicone.jwtSecret"),
            origin: nil)]
    }

    static func warnings(_ answers: ResolvedAnswers, now: Date) -> [String] {
        guard let issuedAt = signedIssueTime(answers) else { return [] }
        let now = seconds(now)
        let expiry = issuedAt + SupabaseJWT.validity
        if issuedAt > now {
            return ["helicone.jwtIssuedAt is \(issuedAt) (\(day(issuedAt))), a time still to come: rigger's clock says \(day(now)). "
                + "Services that check a key's issue time may refuse keys issued in the future, and the keys' \(SupabaseJWT.validity / 86_400) "
                + "days run from then. Leave it to its default (--set helicone.jwtIssuedAt=) to issue them now."]
        }
        if expiry > now, expiry - now < warningWindow {
            return ["the API keys (ANON_KEY, SERVICE_ROLE_KEY) expire on \(day(expiry)), in \((expiry - now) / 86_400) days "
                + "(helicone.jwtIssuedAt=\(issuedAt)): every client using them stops working then. Before that, sign new ones: "
                + "--rotate helicone.jwtSecret (a new secret, keys issued now) or --set helicone.jwtIssuedAt= (the same secret, keys issued now)."]
        }
        return []
    }

    /// The issue time of the keys rigger signs; nil when the operator keeps the keys in a Secret
    /// of their own, where the answer signs nothing.
    private static func signedIssueTime(_ answers: ResolvedAnswers) -> Int? {
        guard answers["helicone.existingSecret"] == nil else { return nil }
        return answers["helicone.jwtIssuedAt"]?.intValue
    }

    private static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    /// A Unix time as its UTC day and minute, e.g. "2026-01-01 12:00 UTC".
    static func moment(_ unixSeconds: Int) -> String {
        let secondOfDay = ((unixSeconds % 86_400) + 86_400) % 86_400
        let hour = secondOfDay / 3_600, minute = secondOfDay % 3_600 / 60
        return day(unixSeconds) + " " + (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute) + " UTC"
    }

    /// The UTC day of a Unix time, as YYYY-MM-DD. Worked out by hand (the proleptic Gregorian
    /// calendar from days since 1970) rather than with a date formatter, which loads ICU.
    static func day(_ unixSeconds: Int) -> String {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        // Howard Hinnant's civil_from_days: eras of 400 years, each 146,097 days long.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(dayOfMonth, 2))"
    }
}
