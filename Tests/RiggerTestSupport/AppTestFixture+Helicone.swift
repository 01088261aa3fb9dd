import RiggerCore

extension AppTestFixture {
    /// Helicone's presets and what each leaves open.
    public static let helicone = AppTestFixture(
        app: "helicone", presets: ["aws", "gcp", "local"],
        openAnswers: [
            "aws": ["ingress.hostname=helicone.example.com", "ingress.letsencryptEmail=ops@example.com"],
            "gcp": ["ingress.hostname=helicone.example.com"],
            "local": [],
        ],
        openSecrets: [:])
}

extension TestProject {
    /// Helicone bundles that between them take every branch of its renderer: each preset, and
    /// the variants the presets leave out.
    public static func heliconeVariants() throws -> [(String, PreparedBundle)] {
        let fixture = AppTestFixture.helicone
        var all = try fixture.presets.map { ($0, try presetBundle($0, of: fixture)) }
        let aws = fixture.openAnswers["aws"] ?? []
        all.append(("managed ClickHouse", try prepare(
            app: "helicone", preset: "aws",
            sets: aws + ["clickhouse.mode=managed", "clickhouse.host=abc123.us-east-1.aws.clickhouse.cloud", "clickhouse.user=default"],
            secrets: ["clickhouse.password": "clickhouse-Cloud-Password-1"])))
        all.append(("Studio exposed, mail on, a TLS Secret", try prepare(
            app: "helicone", preset: "gcp",
            sets: ["ingress.hostname=helicone.example.com", "ingress.tls=secret", "ingress.tlsSecretName=wildcard-example-com",
                   "helicone.studio=true", "email.enabled=true", "email.host=smtp.example.com", "email.port=465",
                   "email.user=helicone-mailer", "email.from=helicone@example.com", "storageClass=standard-rwo", "helicone.signup=false"],
            secrets: ["email.password": "smtp-Password-1"])))
        all.append(("an existing ingress controller, hosts of its own", try prepare(
            app: "helicone", preset: "local",
            sets: ["ingress.type=existing", "ingress.className=traefik", "ingress.hostname=helicone.internal.example",
                   "helicone.apiHostname=supabase.internal.example", "helicone.workerHostname=llm-proxy.internal.example",
                   "release=observability", "namespace=llm", "kubeContext=kind-llm"])))
        all.append(("no ingress, Studio for port-forward", try prepare(
            app: "helicone", preset: "local", sets: ["ingress.type=none", "helicone.studio=true"])))
        all.append(("every Secret the operator's own", try heliconeExistingSecretsBundle()))
        return all
    }

    /// Every Secret read from one the operator keeps (e.g. from External Secrets), under names of
    /// their own, with managed ClickHouse and mail on.
    public static func heliconeExistingSecretsBundle() throws -> PreparedBundle {
        try prepare(app: "helicone", preset: "aws", sets: (AppTestFixture.helicone.openAnswers["aws"] ?? []) + [
            "helicone.existingSecret=supabase-jwt", "realtime.existingSecret=realtime-keys", "postgresql.existingSecret=pg-credentials",
            "clickhouse.mode=managed", "clickhouse.host=ch.example.com", "clickhouse.existingSecret=clickhouse-cloud",
            "email.enabled=true", "email.host=smtp.example.com", "email.user=AKIAEXAMPLE", "email.from=helicone@example.com",
            "email.existingSecret=ses-smtp",
        ])
    }
}
