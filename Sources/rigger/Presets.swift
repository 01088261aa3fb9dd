import ArgumentParser
import RiggerCore

struct Presets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets", abstract: "Lists each app's presets, each with a one-line description.")

    @Option(help: ArgumentHelp("List only this app's presets.", valueName: "NAME"), completion: Completions.appIDs)
    var app: String?

    func run() throws {
        let library = CLI.presetLibrary
        let entries = app == nil ? CLI.registry.entries : [try CLI.app(app)]
        var listed = 0
        for (index, entry) in entries.enumerated() {
            let names = library.names(app: entry.id)
            if index > 0 { print("") }
            print(TerminalText.wrap("\(entry.id): \(entry.app.summary)", first: "", rest: "  ").joined(separator: "\n"))
            guard !names.isEmpty else {
                print("  (no presets)")
                continue
            }
            let width = names.map(\.count).max() ?? 0
            for name in names {
                do {
                    let preset = try library.load(name, app: entry.id)
                    let label = "  " + name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    let lines = TerminalText.wrap(preset.description, first: label, rest: String(repeating: " ", count: label.count))
                    print(lines.joined(separator: "\n"))
                    listed += 1
                } catch {
                    throw CLI.exitCode(for: error)
                }
            }
        }
        if listed == 0 {
            CLI.printError("rigger: no presets were found; set RIGGER_PRESETS to a folder that holds <app>/<name>.yaml")
            throw ExitCode(1)
        }
    }
}
