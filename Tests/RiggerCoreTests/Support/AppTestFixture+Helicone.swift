extension AppTestFixture {
    static let helicone = AppTestFixture(
        app: "helicone", presets: ["aws", "gcp", "local"],
        openAnswers: [
            "aws": ["ingress.hostname=helicone.example.com", "ingress.letsencryptEmail=ops@example.com"],
            "gcp": ["ingress.hostname=helicone.example.com"],
            "local": [],
        ],
        openSecrets: [:])
}
