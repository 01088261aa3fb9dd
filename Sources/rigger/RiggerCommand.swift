import ArgumentParser
import Foundation
import RiggerCore

@main
struct RiggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rigger",
        abstract: "Writes a self-hosting bundle for PostHog on Kubernetes: Helm values, Secrets and install scripts.",
        discussion: """
            Run `rigger generate` with a preset and your answers to write a bundle, then run its install.sh on a \
            host whose kubectl and helm point at the cluster. `rigger explain` lists every answer key.
            """,
        version: Rigger.version,
        subcommands: [Generate.self, Presets.self, Explain.self]
    )

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            CLI.printError("rigger: no terminal here; write the bundle with `rigger generate --preset NAME --out DIR` (see `rigger generate --help`)")
            throw ExitCode(2)
        }
        print(RiggerCommand.helpMessage())
    }
}
