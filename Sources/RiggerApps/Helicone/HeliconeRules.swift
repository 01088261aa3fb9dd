import RiggerCore

/// Helicone's rules between answers, and what to warn about before installing.
enum HeliconeRules {
    /// The host answers in order; each of the chart's Ingresses needs a host of its own.
    static let hostKeys = ["ingress.hostname", "helicone.apiHostname", "helicone.workerHostname", "helicone.studioHostname"]

    static func problems(_ answers: ResolvedAnswers) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        if let version = answers["chart.version"]?.description, version != HeliconeQuestions.chartVersion {
            problems.append(AnswerProblem(
                key: "chart.version", value: version,
                reason: .conflict(explanation: "is not the version of the pinned chart: 40-install.sh fetches commit 4289687, whose version is "
                    + "\(HeliconeQuestions.chartVersion), and rigger's values are written for it"),
                origin: nil))
        }
        var seen: [String: String] = [:]
        for key in hostKeys {
            guard let host = answers[key]?.description else { continue }
            if let first = seen[host] {
                problems.append(AnswerProblem(
                    key: key, value: host,
                    reason: .conflict(explanation: "is also \(first): each of Helicone's Ingresses (web, API, proxy, Studio) needs a host of its own"),
                    origin: nil))
            } else {
                seen[host] = key
            }
        }
        return problems
    }

    static func warnings(_ answers: ResolvedAnswers) -> [String] {
        var warnings: [String] = []
        let served = answers["ingress.type"]?.description != "none"
        if served, let studio = answers["helicone.studioHostname"]?.description {
            warnings.append(studioWarning(host: studio))
        }
        if served, answers["ingress.tls"]?.description == "none" {
            warnings.append(plainHTTPWarning)
        }
        return warnings
    }

    static func studioWarning(host: String) -> String {
        "Supabase Studio is exposed at \(host) with no login of its own: it holds the service-role key, so anyone who reaches it can read "
            + "and change every table, users and passwords included. Limit who can reach that host, or set helicone.studio=false "
            + "and use kubectl port-forward when you need it."
    }

    static let plainHTTPWarning = "Helicone is served over plain HTTP (ingress.tls=none): sign-in sends passwords and session tokens "
        + "unencrypted, and Supabase auth expects HTTPS. Use it only on a test cluster you alone can reach."
}
