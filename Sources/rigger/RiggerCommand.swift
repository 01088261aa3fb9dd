import ArgumentParser
import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTUI

@main
struct RiggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rigger",
        abstract: "Writes a bundle to self-host " + AppRegistry.standard.entries.map(\.title).joined(separator: ", ")
            + " on Kubernetes: Helm values, Secrets and install scripts.",
        discussion: """
            Without a subcommand, rigger opens a full-screen wizard on the terminal; with --plain, or where \
            the terminal can't show a full screen (TERM dumb or unknown), it asks one question a line. `rigger generate` does the \
            same without a terminal, from a preset, an answers file and --set answers; `rigger explain` lists \
            every answer key; `rigger check DIR` proves a bundle against the real chart and the cluster.
            """,
        version: CLI.version,
        subcommands: [Wizard.self, Generate.self, Check.self, Presets.self, Explain.self],
        defaultSubcommand: Wizard.self
    )

    /// The wizard's usual command lines are read without ArgumentParser: building its parser
    /// (reflection, and the Swift runtime's first protocol conformance lookups) takes over a
    /// millisecond before the first frame. Everything else goes through ArgumentParser.
    static func main() {
        let commandLine = Array(CommandLine.arguments.dropFirst())
        if commandLine == ["--generate-completion-script", "bash"] || commandLine == ["--generate-completion-script=bash"] {
            print(Completions.bashScript(), terminator: "")
            return
        }
        guard let arguments = WizardArguments(commandLine) else {
            runThroughArgumentParser(commandLine)
        }
        do {
            try Wizard.run(
                app: arguments.app, preset: arguments.preset, answers: arguments.answers, out: arguments.out, plain: arguments.plain,
                offline: arguments.offline)
        } catch {
            exit(with: error)
        }
    }

    /// ArgumentParser's `main`, except that a usage error (a mistyped subcommand, a missing or
    /// unknown option) exits 2 as documented, not ArgumentParser's 64; help and --version exit 0.
    static func runThroughArgumentParser(_ arguments: [String]) -> Never {
        if let usage = UnknownSubcommand.message(for: arguments) {
            CLI.printError(usage)
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            exit(with: error)
        }
    }

    static func exit(with error: Error) -> Never {
        // An exit code of rigger's own has had its message printed already; ArgumentParser would
        // build the whole help text (reflecting on every command) only to print nothing.
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        if exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        Self.exit(withError: error)
    }
}

/// `rigger [--plain] [--offline] [--app NAME] [--preset NAME] [--answers FILE] [--out DIR]`, each option at most once,
/// also as `--option=VALUE`. Nil for any other command line (subcommands, --help, --version, mistakes),
/// which ArgumentParser then handles as before.
struct WizardArguments {
    var app: String?
    var preset: String?
    var answers: String?
    var out: String?
    var plain = false
    var offline = false

    init?(_ arguments: some Sequence<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--plain", !plain {
                plain = true
                continue
            }
            if argument == "--offline", !offline {
                offline = true
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let value = parts.count == 2 ? String(parts[1]) : iterator.next(), !value.isEmpty, !value.hasPrefix("-") else {
                return nil
            }
            switch parts[0] {
            case "--app" where app == nil: app = value
            case "--preset" where preset == nil: preset = value
            case "--answers" where answers == nil: answers = value
            case "--out" where out == nil: out = value
            default: return nil
            }
        }
    }
}

/// The wizard: what `rigger` runs without a subcommand.
struct Wizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "Opens the full-screen wizard (what `rigger` does without a subcommand).")

    @Option(help: ArgumentHelp("Start with this app chosen (default posthog).", valueName: "NAME"), completion: Completions.appIDs)
    var app: String?

    @Option(help: ArgumentHelp("Start the wizard from a preset of the app (see `rigger presets`).", valueName: "NAME|FILE"), completion: Completions.presets)
    var preset: String?

    @Option(help: ArgumentHelp("Start the wizard from an answers file.", valueName: "FILE"), completion: .file())
    var answers: String?

    @Option(help: ArgumentHelp("The bundle folder (asked for when not given; default ./<app>-install).", valueName: "DIR"), completion: .directory)
    var out: String?

    @Flag(help: "Ask one question a line, with no cursor movement or colour: for screen readers, serial consoles and simple terminals.")
    var plain = false

    @Flag(help: ArgumentHelp(
        "Read nothing from the cluster.",
        discussion: "Without it, where kubectl is on PATH, the wizard reads the cluster in the background (read-only): its contexts, storage and ingress classes, Secrets, cert-manager and the release, offered and checked on the fields concerned."))
    var offline = false

    func run() throws {
        try Self.run(app: app, preset: preset, answers: answers, out: out, plain: plain, offline: offline)
    }

    static func run(app: String?, preset: String?, answers: String?, out: String?, plain: Bool, offline: Bool) throws {
        let environment = CLI.environment
        // The plain mode needs a person at the terminal as well, only not a full screen to draw on.
        guard isatty(STDIN_FILENO) == 1, plain || isatty(STDOUT_FILENO) == 1 else {
            CLI.printError("rigger: the wizard needs a terminal; without one, use `rigger generate --preset NAME --out DIR` (see `rigger generate --help`)")
            throw ExitCode(2)
        }
        let appEntry = try CLI.app(app)
        let request = GenerationRequest(app: app, preset: preset, answersFile: answers, outputDirectory: out ?? WizardFlow.defaultOutputFolder(app: appEntry.id))
        let flow: WizardFlow
        do {
            // Nothing is read yet: the probes start once the first frame is drawn.
            let cluster = offline ? ClusterProbe.offline() : ClusterProbe(runner: SubprocessRunner(environment: environment))
            flow = try WizardFlow(
                request: request, generator: CLI.generator(environment: environment),
                outputGiven: out != nil, cluster: WizardClusterReader(probe: cluster))
        } catch {
            throw CLI.exitCode(for: error)
        }
        let ending = plain ? runPlain(flow) : try runFullScreen(flow, environment: environment)
        // A probe still running (a slow cluster) must not outlive the wizard.
        SubprocessRunner.stopAllRunning()
        switch ending {
        case .finished:
            break
        case .quit:
            CLI.printError("rigger: quit; nothing was written")
            throw ExitCode(130)
        case .signal(let number):
            CLI.printError("rigger: stopped by signal \(number); nothing was written")
            throw ExitCode(128 + number)
        }
    }

    /// The full-screen wizard; where it can't be drawn (TERM dumb, not set or unknown to
    /// terminfo) the plain mode asks instead, since a person is at the terminal.
    private static func runFullScreen(_ flow: WizardFlow, environment: [String: String]) throws -> WizardRunner.Ending {
        CursesTerminal.installSignalHandlers()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            CLI.printError("rigger: \(error); asking one question a line instead (what `rigger --plain` does)")
            return runPlain(flow)
        }
        let ending = WizardRunner.run(WizardSession(flow: flow), on: terminal) { CursesTerminal.pendingSignal }
        terminal.restore()
        if ending == .finished {
            // The full screen is gone: what to do next stays on the terminal.
            print("rigger: wrote the \(flow.app.title) bundle to \(flow.writtenTo ?? flow.outputDirectory)")
            if let backup = flow.backupFolder { print("The previous bundle is backed up in \(backup)") }
            print("")
            flow.nextSteps.forEach { print($0) }
        }
        return ending
    }

    /// The wizard one question a line: the plain mode prints its own review and next steps.
    private static func runPlain(_ flow: WizardFlow) -> WizardRunner.Ending {
        PlainWizard(flow: flow, console: TerminalLines()).run()
    }
}
