import ArgumentParser
import Foundation
import RiggerCore
import RiggerTUI

@main
struct RiggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rigger",
        abstract: "Writes a self-hosting bundle for PostHog on Kubernetes: Helm values, Secrets and install scripts.",
        discussion: """
            Without a subcommand, rigger opens a full-screen wizard on the terminal. `rigger generate` does the \
            same without a terminal, from a preset, an answers file and --set answers; `rigger explain` lists \
            every answer key.
            """,
        version: Rigger.version,
        subcommands: [Wizard.self, Generate.self, Presets.self, Explain.self],
        defaultSubcommand: Wizard.self
    )
}

/// The wizard: what `rigger` runs without a subcommand.
struct Wizard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Opens the full-screen wizard (what `rigger` does without a subcommand).")

    @Option(help: "Start the wizard from a preset (see `rigger presets`).")
    var preset: String?

    @Option(help: "Start the wizard from an answers file.")
    var answers: String?

    @Option(help: "The bundle folder (asked for when not given; default ./posthog-install).")
    var out: String?

    func run() throws {
        let environment = CLI.environment
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            CLI.printError("rigger: the wizard needs a terminal; without one, use `rigger generate --preset NAME --out DIR` (see `rigger generate --help`)")
            throw ExitCode(2)
        }
        let request = GenerationRequest(preset: preset, answersFile: answers, outputDirectory: out ?? "./posthog-install")
        let session: WizardSession
        do {
            session = try WizardSession(
                request: request, generator: BundleGenerator(presets: CLI.presetLibrary, environment: environment), outputGiven: out != nil)
        } catch {
            throw CLI.exitCode(for: error)
        }
        CursesTerminal.installSignalHandlers()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(environment: environment)
        } catch {
            CLI.printError("rigger: \(error); use `rigger generate --preset NAME --out DIR` instead")
            throw ExitCode(2)
        }
        let ending = WizardRunner.run(session, on: terminal) { CursesTerminal.pendingSignal }
        terminal.restore()
        switch ending {
        case .finished:
            let folder = session.writtenTo ?? session.outputDirectory
            print("rigger: wrote the PostHog bundle to \(folder)")
            print("Next, on a host whose kubectl and helm reach the cluster:")
            print("  cd \(ShellQuote.quote(folder)) && ./install.sh")
        case .quit:
            CLI.printError("rigger: quit; nothing was written")
            throw ExitCode(130)
        case .signal(let number):
            CLI.printError("rigger: stopped by signal \(number); nothing was written")
            throw ExitCode(128 + number)
        }
    }
}
