/// Warnings about answers that every app asks the same way, shown by `generate` and the review.
public enum CommonWarnings {
    /// Name suffixes that no public DNS resolves, so no public certificate authority can check them.
    static let privateSuffixes = [".local", ".localhost", ".internal", ".lan", ".home", ".corp", ".test", ".example", ".invalid"]

    /// What the operator should know before installing with these answers.
    public static func warnings(_ answers: ResolvedAnswers) -> [String] {
        var warnings: [String] = []
        if answers["ingress.tls"]?.description == "letsencrypt", let host = answers["ingress.hostname"]?.description,
            !host.contains(".") || privateSuffixes.contains(where: { host.hasSuffix($0) })
        {
            warnings.append("Let's Encrypt can't issue a certificate for \(host): it isn't a public DNS name")
        }
        if let retired = IngressNginxRetirement.warning(answers) { warnings.append(retired) }
        return warnings
    }
}
