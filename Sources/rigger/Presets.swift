import ArgumentParser
import RiggerCore

struct Presets: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "presets", abstract: "Lists the presets, each with a one-line description.")

    func run() throws {
        let library = CLI.presetLibrary
        let names = library.names()
        guard !names.isEmpty else {
            CLI.printError("rigger: no presets folder was found; set RIGGER_PRESETS to the folder that holds gcp.yaml")
            throw ExitCode(1)
        }
        let width = names.map(\.count).max() ?? 0
        for name in names {
            do {
                let preset = try library.load(name)
                print(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + preset.description)
            } catch {
                throw CLI.exitCode(for: error)
            }
        }
    }
}
