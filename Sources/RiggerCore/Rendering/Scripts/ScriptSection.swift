/// A part of a script that an app adds: its variables and its lines, kept together so that the
/// values reach the script only as quoted variables at its top.
public struct ScriptSection: Sendable {
    public var variables: [(String, String)]
    public var lines: [String]

    public init(variables: [(String, String)] = [], lines: [String]) {
        self.variables = variables
        self.lines = lines
    }

    /// Adds the section's variables and lines to a script.
    public func append(to script: inout ShellScript) {
        for (name, value) in variables { script.variable(name, value) }
        script.add(contentsOf: lines)
    }
}
