/// Where the API, proxy and Studio hosts default, and which host names are never anyone's own.
///
/// The other hosts default to a label (`api`, `oai`, `studio`) under the web host's parent
/// domain: `helicone.example.com` gives `api.example.com`. Taken blindly, that parent can be a
/// name nobody can own for themselves: the top-level domain of an apex (`example.com` would give
/// `api.com`), or a public suffix (`example.co.uk` would give `api.co.uk`). The dashboard would then
/// send sign-ins to a stranger's domain, so there the hosts go under the web host itself.
///
/// rigger carries no public suffix list: a two-label domain whose first label is one of
/// `registrySecondLevels` (co.uk, com.au, ne.jp, ac.uk, plc.uk...) is taken as one. Anything else
/// with two labels or more (example.de) is taken as a domain someone owns.
public enum HeliconeHosts {
    /// The second-level labels under which registries sell names (co.uk, com.au, or.jp, ltd.uk):
    /// a two-label domain starting with one of these is treated as a public suffix.
    public static let registrySecondLevels: Set<String> = ["co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "ltd", "plc"]

    /// The domain the other hosts default under, for a web host:
    /// - `*.localhost` as before: its parent (`helicone.localhost` gives `localhost`), which every
    ///   machine resolves to itself, so nothing leaves it;
    /// - the web host itself when its parent would be a top-level domain or a public suffix
    ///   (`example.com` and `example.co.uk` stay whole);
    /// - otherwise its parent (`helicone.example.com` gives `example.com`).
    public static func parent(of web: String) -> String {
        let labels = web.split(separator: ".").map(String.init)
        if labels.last == "localhost" { return labels.count > 1 ? labels.dropFirst().joined(separator: ".") : web }
        guard labels.count > 2 else { return web }
        let parent = labels.dropFirst().joined(separator: ".")
        return isPublicSuffix(parent) ? web : parent
    }

    /// Whether the other hosts go under the web host itself rather than under its parent.
    public static func derivesUnderWebHost(_ web: String) -> Bool { parent(of: web) == web }

    /// The default of a derived host: `label` under `parent(of: web)`.
    public static func derived(_ label: String, web: String) -> String { "\(label).\(parent(of: web))" }

    /// What rigger before this rule derived: `label` and the web host without its first label,
    /// whatever that was. Used only to spot a bundle whose hosts were derived onto a TLD.
    static func formerDerivation(_ label: String, web: String) -> String {
        let labels = web.split(separator: ".", maxSplits: 1)
        return "\(label).\(labels.count == 2 ? String(labels[1]) : web)"
    }

    /// Whether a host name is one nobody can serve on their own: a single label (`com`) or a
    /// public-suffix-like two-label domain (`co.uk`).
    public static func isPublicSuffix(_ host: String) -> Bool {
        let labels = host.split(separator: ".").map(String.init)
        if labels.count == 1 { return true }
        return labels.count == 2 && registrySecondLevels.contains(labels[0])
    }

    /// The label each derived host key takes.
    static let derivedLabels: [(key: String, label: String)] = [
        ("helicone.apiHostname", "api"), ("helicone.workerHostname", "oai"), ("helicone.studioHostname", "studio"),
    ]
}
