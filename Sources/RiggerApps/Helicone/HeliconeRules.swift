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
                    origin: nil, relatedKeys: [first]))
            } else {
                seen[host] = key
            }
        }
        problems += publicSuffixHosts(answers)
        if answers["clickhouse.mode"]?.description == "in-cluster", let user = answers["clickhouse.user"]?.description,
            !ClickHouseEntrypoint.isUserName(user)
        {
            problems.append(AnswerProblem(
                key: "clickhouse.user", value: user,
                reason: .invalid(expected: ClickHouseEntrypoint.userNameExpectation + " (clickhouse.mode is in-cluster)"), origin: nil))
        }
        return problems
    }

    /// A host given for the API, proxy or Studio that is a bare top-level domain or public suffix
    /// (`com`, `co.uk`): nobody can serve one, and the dashboard would send sign-ins wherever it
    /// resolves. Derived hosts never are one; a given one is refused.
    private static func publicSuffixHosts(_ answers: ResolvedAnswers) -> [AnswerProblem] {
        HeliconeHosts.derivedLabels.compactMap { key, label in
            guard !answers.defaulted.contains(key), let host = answers[key]?.description, HeliconeHosts.isPublicSuffix(host) else { return nil }
            let example = answers["ingress.hostname"].map { HeliconeHosts.derived(label, web: $0.description) } ?? "\(label).example.com"
            return AnswerProblem(
                key: key, value: host,
                reason: .invalid(expected: "a host under a domain of your own, such as \(example), not a top-level domain or public "
                    + "suffix (a single label, or two labels such as co.uk), which no one can serve"),
                origin: nil)
        }
    }

    /// A host an earlier rigger derived onto the top-level domain (`api.com` from `example.com`)
    /// and the bundle's rigger.yaml still holds: it is someone else's name.
    static func formerDerivationWarnings(_ answers: ResolvedAnswers) -> [String] {
        guard let web = answers["ingress.hostname"]?.description else { return [] }
        return HeliconeHosts.derivedLabels.compactMap { key, label in
            guard let host = answers[key]?.description, host == HeliconeHosts.formerDerivation(label, web: web),
                host != HeliconeHosts.derived(label, web: web)
            else { return nil }
            return "\(key) is \(host), which an earlier rigger derived from ingress.hostname=\(web) outside your domain: it is someone "
                + "else's name, and the dashboard would send sign-ins there. Regenerate with --set \(key)= to move it to "
                + "\(HeliconeHosts.derived(label, web: web)), or set a host of your own."
        }
    }

    static func warnings(_ answers: ResolvedAnswers) -> [String] {
        var warnings: [String] = []
        let served = answers["ingress.type"]?.description != "none"
        if served { warnings += formerDerivationWarnings(answers) }
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
