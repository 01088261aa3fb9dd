/// What the operator does once a bundle is written, as every front end says it (`generate`, the
/// wizard's done page and plain mode): secrets still to supply with their exact command, Secrets
/// to create first, warnings that still hold, tools the scripts need beyond kubectl and helm, and
/// the command to run, from the Secrets step after a rotation.
public struct NextSteps: Sendable, Equatable {
    /// Paragraphs of lines, in the order to read them.
    public let paragraphs: [[String]]

    /// The next steps for a bundle written to `folder`. `rotated` are the secrets rotated in this
    /// run; `warnings` are those to say again (the review's, which `generate` has printed already).
    public init(prepared: PreparedBundle, folder: String, rotated: [String], warnings: [String]) {
        let quotedFolder = ShellQuote.quote(folder)
        var paragraphs: [[String]] = []
        let placeholders = prepared.secrets.placeholderKeys
        if !placeholders.isEmpty {
            paragraphs.append(
                ["These secrets are placeholders until you supply them (the preflight refuses to go on until then):"]
                    + placeholders.map { "  \($0): rigger generate --out \(quotedFolder) --secret \($0)=@FILE" })
        }
        let toCreate = prepared.bundle.operatorSecrets
        if !toCreate.isEmpty {
            let namespace = prepared.answers.lookup.text("namespace") ?? ""
            paragraphs.append(
                ["Create these Secrets in namespace \(namespace) first (rigger doesn't write them; 00-preflight.sh checks them):",
                 "    " + OperatorSecret.namespaceCommand(namespace)]
                    + toCreate.flatMap { secret in
                        ["  \(secret.name) with keys \(secret.dataKeys.joined(separator: ", ")): \(secret.purpose)", "    \(secret.command)"]
                    })
        }
        if !warnings.isEmpty {
            paragraphs.append(["Warnings that still hold:"] + warnings.map { "  ! " + $0 })
        }
        if let ingress = try? IngressPlan(PlanReader(answers: prepared.answers)) {
            let read = PlanReader(answers: prepared.answers)
            let store = (try? SecretStorePlan.read(read, namespace: read.optionalString("namespace") ?? "", release: read.optionalString("release") ?? "")) ?? nil
            let tools = InstallScripts.otherTools(chart: prepared.app.app.chart, ingress: ingress, secretStore: store)
            if !tools.isEmpty {
                paragraphs.append(["The scripts also need " + tools.map { "\($0.name) (\($0.use))" }.joined(separator: " and ") + "."])
            }
        }
        var run = ["Next, on a host whose kubectl and helm reach the cluster:"]
        if rotated.isEmpty {
            run.append("  cd \(quotedFolder) && ./install.sh")
        } else {
            run += [
                "  cd \(quotedFolder) && ./install.sh --from 20",
                "which applies the rotated \(rotated.joined(separator: ", ")) and upgrades the release from there (a bundle not installed "
                    + "yet: ./install.sh).",
            ]
        }
        paragraphs.append(run)
        paragraphs.append(["Before an upgrade, run rigger again with --out \(quotedFolder)."])
        self.paragraphs = paragraphs
    }

    /// The paragraphs as lines, an empty line between two.
    public var lines: [String] { Array(paragraphs.joined(separator: [""])) }
}
