/// Plausible's presets and what each leaves open, as an operator would supply them.
extension AppTestFixture {
    /// An RDS password with every character a URL reserves: it must reach DATABASE_URL percent-encoded.
    public static let plausibleRDSPassword = "p@ss:w/rd?#%"

    /// Plausible's presets and what each leaves open.
    public static let plausible = AppTestFixture(
        app: "plausible", presets: ["aws", "aws-managed", "gcp", "gcp-managed", "local"],
        openAnswers: [
            "gcp": ["ingress.hostname=plausible.example.com"],
            "aws": ["ingress.hostname=plausible.example.com", "ingress.letsencryptEmail=ops@example.com"],
            "aws-managed": [
                "ingress.hostname=plausible.example.com", "ingress.letsencryptEmail=ops@example.com",
                "postgresql.host=plausible.abc123.us-east-1.rds.amazonaws.com",
            ],
            "gcp-managed": ["ingress.hostname=plausible.example.com", "postgresql.host=10.20.0.3"],
            "local": [],
        ],
        openSecrets: ["aws-managed": ["postgresql.password": plausibleRDSPassword], "gcp-managed": ["postgresql.password": plausibleRDSPassword]])
}
