import ArgumentParser

/// `rigger frobnicate`: ArgumentParser hands a word it doesn't know as a subcommand to the default
/// one, the wizard, and prints the wizard's usage, which lists none of rigger's subcommands. An
/// unknown first word gets rigger's own usage instead.
enum UnknownSubcommand {
    /// The subcommands the usage names. `wizard` is the default's own name, not one to type.
    static var names: [String] {
        RiggerCommand.configuration.subcommands.map { $0._commandName }.filter { $0 != Wizard._commandName } + ["help"]
    }

    /// The message for a command line whose first word is neither an option nor a subcommand, or
    /// nil for any other command line.
    static func message(for arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != Wizard._commandName, !names.contains(first) else { return nil }
        return """
            Error: Unknown subcommand '\(first)'
            Usage: rigger [--app NAME] [--preset NAME] [--answers FILE] [--out DIR] [--plain] [--offline]
                   rigger <subcommand> [<options>]
            Subcommands: \(names.joined(separator: ", "))
              See 'rigger --help' for more information.
            """
    }
}
