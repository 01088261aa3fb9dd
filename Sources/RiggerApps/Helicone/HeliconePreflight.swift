import RiggerCore

/// 00-preflight.sh's Helicone check: no Secret in the namespace holds a value the chart's own
/// documents publish. A Secret made by hand from the README's Quickstart holds them; so does one
/// the operator keeps, copied from there.
///
/// The script compares SHA-256 digests, so the published values themselves are nowhere in the bundle.
enum HeliconePreflight {
    static func publishedValuesSection(plan: HeliconePlan, secrets: HeliconeSecrets) -> ScriptSection {
        var section = ScriptSection(variables: [("NAMESPACE", plan.namespace)], lines: [
            "",
            "# Values published in the Helicone chart's README and values.example.yaml can be read by anyone:",
            "# a Secret that holds one (made by hand from the README) would let anyone in. Digests only here.",
            "sha256_of() {",
            "  if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -d ' ' -f 1; else shasum -a 256 | cut -d ' ' -f 1; fi",
            "}",
            "refuse_published() {",
            "  local secret=\"$1\" key=\"$2\" digests=\"$3\" encoded digest published",
            "  encoded=\"$(kube get secret --namespace \"$NAMESPACE\" \"$secret\" -o \"go-template={{index .data \\\"$key\\\"}}\" 2>/dev/null || true)\"",
            "  if [ -z \"$encoded\" ] || [ \"$encoded\" = \"<no value>\" ]; then return 0; fi",
            "  digest=\"$(printf '%s' \"$encoded\" | base64 -d | sha256_of)\"",
            "  for published in $digests; do",
            "    if [ \"$digest\" = \"$published\" ]; then",
            "      fail \"the Secret $secret in namespace $NAMESPACE holds, under $key, a value published in the Helicone chart's README or values.example.yaml; anyone can use it against this install. Replace it (kubectl delete secret --namespace '$NAMESPACE' '$secret', then ./install.sh again writes rigger's own, unless you keep that Secret yourself). If Helicone already ran with it, change it in the service too (ALTER USER for a database password).\"",
            "    fi",
            "  done",
            "}",
        ])
        let references = [secrets.supabase, secrets.postgresql, secrets.clickhouse, secrets.smtp, secrets.realtime]
        for (index, reference) in references.enumerated() {
            let secretVariable = "CHECKED_SECRET_\(index + 1)"
            section.variables.append((secretVariable, reference.name))
            for dataKey in reference.dataKeys {
                let published = HeliconePublishedValues.values(for: dataKey)
                guard !published.isEmpty else { continue }
                let digestVariable = "PUBLISHED_\(dataKey)"
                section.variables.append((digestVariable, published.map { HeliconePublishedValues.digest($0.value) }.joined(separator: " ")))
                section.lines.append("refuse_published \"$\(secretVariable)\" \(dataKey) \"$\(digestVariable)\"")
            }
        }
        section.lines.append("echo \"no Helicone Secret in namespace $NAMESPACE holds a published example value\"")
        return section
    }

    /// Values in the operator's own Secrets that the install can't use as they are: a PostgreSQL
    /// password the chart would put unencoded into URLs, and a Realtime key that is no AES-128 key.
    static func valueChecks(plan: HeliconePlan, secrets: HeliconeSecrets) -> ScriptSection? {
        var checks: [ExistingSecretValueCheck] = []
        if secrets.postgresql.isExisting {
            checks.append(ExistingSecretValueCheck(
                secret: secrets.postgresql.name, dataKey: "POSTGRES_PASSWORD", answer: "postgresql.password",
                rule: .characters(HeliconeQuestions.postgresqlPasswordCharacters)))
            // rigger's own Secret names the user `postgres`; an operator's may name another, which
            // the chart puts into the same URLs, pg_isready's command line and psql, unquoted.
            checks.append(ExistingSecretValueCheck(
                secret: secrets.postgresql.name, dataKey: "POSTGRES_USER", answer: "the PostgreSQL user",
                rule: .characters(.unreserved(
                    because: "Helicone's chart writes it unencoded into the postgres:// URLs, into pg_isready's command line and into psql"))))
        }
        if secrets.realtime.isExisting {
            checks.append(ExistingSecretValueCheck(
                secret: secrets.realtime.name, dataKey: "DB_ENC_KEY", answer: "realtime.dbEncKey",
                rule: .bytes(16, because: "Realtime uses it as its AES-128 key")))
        }
        return ExistingSecretValueCheck.section(namespace: plan.namespace, checks: checks)
    }
}
