import ArgumentParser
import Foundation
import RiggerApps
import RiggerCore

/// What the shells complete for rigger's option values: preset names and answer keys of the app
/// on the command line being completed, and paths. ArgumentParser runs these in a rigger started
/// by the completion script (`rigger ---completion ...`).
enum Completions {
    /// The app named with `--app NAME` or `--app=NAME` among the words typed so far, the default
    /// app when none is named, and nil for an app rigger doesn't have (which completes nothing).
    static func app(in words: [String]) -> AppRegistry.Entry? {
        let unquoted = words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }
        var named: String?
        for (index, word) in unquoted.enumerated() {
            if word == "--app", index + 1 < unquoted.count {
                named = unquoted[index + 1]
            } else if word.hasPrefix("--app=") {
                named = String(word.dropFirst(6))
            }
        }
        guard let named, !named.isEmpty else { return CLI.registry.defaultEntry }
        return CLI.registry.entry(named)
    }

    /// The app's questions, for the key completions.
    private static func questions(in words: [String]) -> [Question] { app(in: words)?.catalog.questions ?? [] }

    static let appIDs: CompletionKind = .list(AppRegistry.standard.ids)

    /// `--preset`: the app's preset names, or preset files when the word being typed is a path.
    static let presets: CompletionKind = .custom { words, _, prefix in
        if prefix.contains("/") || prefix.hasPrefix(".") || prefix.hasPrefix("~") {
            return presetFiles(matching: prefix)
        }
        guard let app = app(in: words) else { return [] }
        return CLI.presetLibrary.names(app: app.id).filter { $0.hasPrefix(prefix) }
    }

    /// `explain KEY`: every answer key of the app.
    static let answerKeys: CompletionKind = .custom { words, _, prefix in
        questions(in: words).map(\.key).filter { $0.hasPrefix(prefix) }
    }

    /// `--set KEY=VALUE`: the keys that take a plain value, with the `=` after them.
    static let settableKeys: CompletionKind = .custom { words, _, prefix in
        questions(in: words).filter { !$0.isSecret }.map { $0.key + "=" }.filter { $0.hasPrefix(prefix) }
    }

    /// `--secret KEY=@FILE|KEY=env:VAR`: the secret keys, with the `=` after them.
    static let secretKeysWithValue: CompletionKind = .custom { words, _, prefix in
        questions(in: words).filter(\.isSecret).map { $0.key + "=" }.filter { $0.hasPrefix(prefix) }
    }

    /// `--rotate KEY`: the secret keys.
    static let secretKeys: CompletionKind = .custom { words, _, prefix in
        questions(in: words).filter(\.isSecret).map(\.key).filter { $0.hasPrefix(prefix) }
    }

    /// Folders and YAML files whose path starts with `prefix`, folders ending in `/`.
    static func presetFiles(matching prefix: String) -> [String] {
        // ~ from HOME only: Foundation's expansion may ask glibc's name service, which a static
        // binary must not (README, "Install on a bastion host").
        let home = CLI.environment["HOME"] ?? ""
        let expanded = prefix.hasPrefix("~/") && !home.isEmpty ? home + prefix.dropFirst() : prefix
        let slash = expanded.lastIndex(of: "/")
        let folder = slash.map { String(expanded[...$0]) } ?? ""
        let typedFolder = prefix.lastIndex(of: "/").map { String(prefix[...$0]) } ?? ""
        let namePrefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        return entries.sorted().compactMap { name in
            guard name.hasPrefix(namePrefix), !name.hasPrefix(".") || namePrefix.hasPrefix(".") else { return nil }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + name, isDirectory: &isDirectory) else { return nil }
            if isDirectory.boolValue { return typedFolder + name + "/" }
            return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? typedFolder + name : nil
        }
    }

    /// ArgumentParser's bash script, and a wrapper over its function that completes what the
    /// script alone doesn't:
    /// - `rigger --preset ...`, the wizard without its subcommand word: ArgumentParser's script
    ///   knows no default subcommand, so the line is completed as `rigger wizard --preset ...`.
    /// - After `KEY=` (of `--set` and `--secret`) the value is typed next: no space after it, and
    ///   no backslash before the `=`, which `-o filenames` (wanted for paths) would add.
    static func bashScript() -> String {
        let script = RiggerCommand.completionScript(for: .bash)
        return script + """

            _rigger_values_follow_keys() {
                if [[ "${COMP_WORDS[1]}" == -* && "${COMP_LINE}" =~ ^([[:space:]]*[^[:space:]]+)(.*)$ ]]; then
                    local first_word="${BASH_REMATCH[1]}" rest="${BASH_REMATCH[2]}"
                    local -a COMP_WORDS=("${COMP_WORDS[0]}" \(Wizard._commandName) "${COMP_WORDS[@]:1}")
                    local COMP_CWORD=$((COMP_CWORD + 1))
                    local COMP_LINE="${first_word} \(Wizard._commandName)${rest}"
                    local COMP_POINT=$((COMP_POINT + \(Wizard._commandName.count + 1)))
                    _rigger "$@"
                else
                    _rigger "$@"
                fi
                local candidate
                for candidate in "${COMPREPLY[@]}"; do
                    [[ "${candidate}" == *= ]] || return 0
                done
                if [[ ${#COMPREPLY[@]} -gt 0 ]]; then compopt -o nospace +o filenames 2>/dev/null; fi
                return 0
            }
            complete -o filenames -F _rigger_values_follow_keys rigger

            """
    }
}
