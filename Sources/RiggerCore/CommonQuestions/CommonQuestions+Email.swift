extension CommonQuestions {
    /// When the SMTP password applies: mail on, with a user to log in as.
    public static let emailPasswordApplies = Condition.all(.enabled("email.enabled"), .answered("email.user"))

    /// Whether and how the app sends email: the SMTP server, its user, the sender, TLS, and the
    /// password (or an existing Secret holding it, under `existingKey` when the chart lets one choose).
    /// `sharedExisting` is for a chart that reads the password from the one Secret it reads its
    /// other secrets from: then the password comes from that Secret whenever the others do, and
    /// no Secret of its own is asked. `existingHolds` says what the operator's own Secret must hold,
    /// for a chart that reads more from it than the password.
    public static func email(
        app: String, sends: String, existingKey: String?, sharedExisting: ExistingSecretAnswers? = nil,
        existingHolds: String = "the SMTP password"
    ) -> [Question] {
        let enabled = Condition.enabled("email.enabled")
        let existing: (questions: [Question], answers: ExistingSecretAnswers)
        if let sharedExisting {
            existing = ([], sharedExisting)
        } else {
            existing = existingSecret("email", named: "the SMTP password", for: existingHolds, step: .email, appliesWhen: emailPasswordApplies, defaultKey: existingKey)
        }
        return [
            Question(
                key: "email.enabled", title: "Send email",
                help: "Whether \(app) sends email (\(sends)) through an SMTP server.",
                kind: .bool, step: .email, defaultValue: .value(.bool(false))),
            Question(
                key: "email.host", title: "SMTP host", help: "The SMTP server, e.g. email-smtp.us-east-1.amazonaws.com.",
                kind: .text(.host), step: .email, appliesWhen: enabled),
            Question(
                key: "email.port", title: "SMTP port", help: "The SMTP port: 587 for STARTTLS, 465 for TLS from the start, 25 for neither.",
                kind: .int(1...65535), step: .email, defaultValue: .value(.int(587)), appliesWhen: enabled),
            Question(
                key: "email.user", title: "SMTP user", help: "The SMTP user name; leave empty for a server without authentication.",
                kind: .text(.userName), step: .email, appliesWhen: enabled, isOptional: true),
            Question(
                key: "email.from", title: "From address", help: "The sender address of \(app)'s email.",
                kind: .text(.email), step: .email, appliesWhen: enabled),
            Question(
                key: "email.tls", title: "SMTP TLS", help: "Whether to use TLS (STARTTLS) with the SMTP server.",
                kind: .bool, step: .email, defaultValue: .value(.bool(true)), appliesWhen: enabled),
        ] + existing.questions + [
            Question(
                key: "email.password", title: "SMTP password", help: "The password of the SMTP user.",
                kind: .secret(.operatorSupplied(existing: existing.answers)), step: .email, appliesWhen: emailPasswordApplies),
        ]
    }
}
