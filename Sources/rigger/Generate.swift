import ArgumentParser
import Foundation
import RiggerCore
import RiggerCluster

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes a bundle from a preset, an answers file and --set answers, without a terminal.",
        discussion: """
            Answers are layered: the bundle already in --out (its rigger.yaml and secrets), then --preset, then \
            --answers, then --set. Every problem is reported at once with exit code 2, and nothing is written.
            """)

    @Option(
        help: ArgumentHelp("The app to install (the same as --set app=NAME; default posthog, or the bundle's app).", valueName: "NAME"),
        completion: Completions.appIDs)
    var app: String?

    @Option(
        help: ArgumentHelp("A preset name of the app (see `rigger presets`) or a path to a preset file.", valueName: "NAME|FILE"),
        completion: Completions.presets)
    var preset: String?

    @Option(help: ArgumentHelp("An answers file (a bundle's rigger.yaml is one).", valueName: "FILE"), completion: .file())
    var answers: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Sets one answer.", valueName: "KEY=VALUE"), completion: Completions.settableKeys)
    var sets: [String] = []

    @Option(
        name: .customLong("secret"), help: ArgumentHelp("Supplies one secret from a file or an environment variable.", valueName: "KEY=@FILE|KEY=env:VAR"),
        completion: Completions.secretKeysWithValue)
    var secrets: [String] = []

    @Option(help: ArgumentHelp("The bundle folder to write (created when missing).", valueName: "DIR"), completion: .directory)
    var out: String

    @Option(
        help: ArgumentHelp("Generates a secret anew although the bundle has it; says what that breaks.", valueName: "KEY"),
        completion: Completions.secretKeys)
    var rotate: [String] = []

    @Option(
        name: .customLong("allow-vulnerable"),
        help: ArgumentHelp(
            "Accepts one known advisory (CVE or GHSA) for a version the answers pin; repeatable.",
            discussion: "A new bundle that pins a version with a known critical or high advisory is refused without it. The acceptance is kept in rigger.yaml (allowVulnerable) and said again on every regeneration.",
            valueName: "ID"))
    var allowVulnerable: [String] = []

    @Flag(help: "Print what would change (answers, files, a diff of every changed file but the Secrets, secrets masked) and write nothing.")
    var diff = false

    @Flag(help: "Write into a non-empty folder that is not a rigger bundle, or change an existing bundle's release or namespace.")
    var force = false

    @Flag(help: ArgumentHelp(
        "Read the cluster first (kubectl, helm and gcloud on PATH, read-only) and check the answers against it.",
        discussion: "Each warning names the key, the value and what the cluster has. An answer the cluster settles (cert-manager already installed) is set, with the reason."))
    var probe = false

    @Flag(help: "With --probe: an answer the cluster contradicts, or a cluster that can't be read at all, is an error (exit 2), and nothing is written.")
    var strict = false

    @Flag(help: "Read nothing from the cluster (what generate does without --probe).")
    var offline = false

    @Option(help: ArgumentHelp("With --probe: how long each kubectl, helm or gcloud call may take.", valueName: "SECONDS"))
    var probeTimeout: Double = 4

    func run() throws {
        if let app { _ = try CLI.app(app) }
        if probe && offline {
            CLI.printError("rigger: --probe reads the cluster and --offline forbids it; give one of them")
            throw ExitCode(2)
        }
        if strict && !probe {
            CLI.printError("rigger: --strict checks the answers against the cluster; it needs --probe")
            throw ExitCode(2)
        }
        guard probeTimeout > 0, probeTimeout <= 600 else {
            CLI.printError("rigger: --probe-timeout \(probeTimeout): expected a number of seconds above 0 and at most 600")
            throw ExitCode(2)
        }
        var request = GenerationRequest(
            app: app, preset: preset, answersFile: answers, setArguments: sets, secretArguments: secrets, outputDirectory: out)
        request.rotate = rotate
        request.force = force
        request.allowVulnerable = allowVulnerable
        let generator = CLI.generator()
        var random = SystemSecretGenerator()
        do {
            let writer = BundleWriter(directory: out)
            try writer.checkWritable(force: force)
            if force, !FileManager.default.fileExists(atPath: out + "/rigger.yaml") {
                let overwritten = BundleWriter.bundlePaths(in: out)
                if !overwritten.isEmpty {
                    CLI.printError("rigger: --force: \(out) is not a rigger bundle; these files will be overwritten: \(overwritten.joined(separator: ", "))")
                }
            }
            let prepared = try prepare(request, generator: generator, random: &random)
            let changes = BundleChanges(
                oldFiles: writer.currentFiles(), oldAnswers: prepared.previousAnswers, oldSecrets: prepared.previous?.secrets ?? [:],
                new: prepared)
            for warning in prepared.warnings { CLI.printError("rigger: warning: \(warning)") }
            if diff {
                print(changes.report(includeDiffs: true), terminator: "")
                return
            }
            let outcome = try writer.write(prepared.bundle)
            report(prepared, outcome, changes)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw CLI.exitCode(for: error)
        }
    }

    /// Prepares the bundle; with --probe the cluster is read meanwhile: the probes start first, the
    /// answers are validated and the bundle rendered while they run, and only then are their
    /// findings waited for and applied. Bad answers are reported without waiting for the cluster.
    private func prepare(_ request: GenerationRequest, generator: BundleGenerator, random: inout some SecretGenerator) throws -> PreparedBundle {
        guard probe else { return try generator.prepare(request, generator: &random) }
        let prober = ClusterProbe(runner: SubprocessRunner(environment: CLI.environment), timeout: .milliseconds(Int(probeTimeout * 1000)))
        // Ctrl-C while the probes run stops them too: each is in a process group of its own, out
        // of the terminal's reach.
        let (plain, facts) = try ToolSignals.stoppingTools {
            let probing = try generator.probeTarget(for: request).map { prober.start($0) }
            let plain = try generator.prepare(request, generator: &random)
            return (plain, probing?.waitUntilFinished())
        }
        if strict, let why = Self.unchecked(facts) {
            CLI.printError("rigger: --strict: nothing could be checked against the cluster: \(why); nothing was written")
            throw ExitCode(2)
        }
        guard let facts else { return plain }
        let checked = try generator.prepare(request, generator: &random, cluster: facts, withoutCluster: plain)
        let findings = checked.findings
        for note in findings.notes { CLI.printError("rigger: cluster: \(note)") }
        if let install = findings.installSummary { CLI.printError("rigger: cluster: \(install)") }
        // What rigger set to fit the cluster is said as done; only a disagreement is a warning.
        for warning in findings.warnings {
            CLI.printError("rigger: cluster: " + (warning.isWarning ? "warning: " : "") + "\(warning)")
        }
        let conflicts = findings.conflicts
        if strict, !conflicts.isEmpty {
            let answers = conflicts.count == 1 ? "1 answer disagrees" : "\(conflicts.count) answers disagree"
            CLI.printError("rigger: --strict: \(answers) with the cluster (above); nothing was written")
            throw ExitCode(2)
        }
        return checked.prepared
    }

    /// Why nothing at all was read from the cluster (no kubectl, the cluster silent), or nil when
    /// it answered: --strict can't vouch for answers it could not check.
    private static func unchecked(_ facts: ClusterFacts?) -> String? {
        guard let facts else { return "the answers name no namespace and release to look for" }
        if facts.clusterAnswered { return nil }
        return facts.version?.failure.map { "\($0)" } ?? "the cluster was not read"
    }

    private func report(_ prepared: PreparedBundle, _ outcome: BundleWriter.Outcome, _ changes: BundleChanges) {
        if outcome.isUnchanged {
            print("rigger: \(out) is up to date; no file changed.")
            return
        }
        print("rigger: wrote the \(prepared.app.title) bundle to \(out)")
        print(changes.report(includeDiffs: false), terminator: "")
        if let backup = outcome.backup { print("The previous bundle is backed up in \(backup)") }
        print("")
        // The warnings were printed before writing.
        for line in NextSteps(prepared: prepared, folder: out, rotated: rotate, warnings: []).lines { print(line) }
    }
}
