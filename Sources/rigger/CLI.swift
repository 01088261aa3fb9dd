import ArgumentParser
import Foundation
import RiggerApps
import RiggerCore
import RiggerPresets

/// Shared plumbing for the commands: the apps, where presets are, printing, and mapping errors to exit codes.
enum CLI {
    /// The process's environment, read once and straight from `environ`: ProcessInfo's copy costs
    /// several times as much, before the wizard's first frame, and is built anew on every read.
    static let environment: [String: String] = {
        var variables: [String: String] = [:]
        variables.reserveCapacity(64)
        var entry = environ
        while let pointer = entry.pointee {
            // Split at the first "=" over bytes: a search by Characters walks long values such as
            // LS_COLORS grapheme by grapheme.
            if let equals = strchr(pointer, 0x3D) {
                let name = String(decoding: UnsafeRawBufferPointer(start: pointer, count: equals - pointer), as: UTF8.self)
                // The first of two same names is the one getenv(3) returns.
                if variables[name] == nil { variables[name] = String(cString: equals + 1) }
            }
            entry += 1
        }
        return variables
    }()

    /// Every app this rigger installs.
    static var registry: AppRegistry { .standard }

    static var presetLibrary: PresetLibrary { presetLibrary(environment: environment) }

    /// `$RIGGER_PRESETS`, then the presets built into this binary.
    static func presetLibrary(environment: [String: String]) -> PresetLibrary {
        PresetLibrary.standard(environment: environment, builtIn: BuiltInPresets.files)
    }

    /// What `--version` prints: the version and the commit this binary was built from.
    static var version: String { "\(Rigger.version) (commit \(buildCommit))" }

    static func generator(environment: [String: String] = environment) -> BundleGenerator {
        BundleGenerator(
            registry: registry, presets: presetLibrary(environment: environment), environment: environment, now: now(environment))
    }

    /// The generation's clock: SOURCE_DATE_EPOCH when set (the reproducible-builds convention,
    /// so that two runs can write the same bundle), otherwise the current time.
    static func now(_ environment: [String: String]) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) { return Date(timeIntervalSince1970: epoch) }
        return Date()
    }

    /// The app named with `--app`; an unknown name is invalid input, named with the known ones.
    static func app(_ id: String?) throws -> AppRegistry.Entry {
        guard let id else { return registry.defaultEntry }
        guard let entry = registry.entry(id) else {
            printError("rigger: --app \(id): expected one of \(registry.ids.joined(separator: ", "))")
            throw ExitCode(2)
        }
        return entry
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Prints an error the operator can act on and returns the exit code for it:
    /// 2 for invalid input, 1 for a failure while running.
    static func exitCode(for error: Error) -> ExitCode {
        switch error {
        case is InvalidAnswers, is YAMLError, is PresetError, is ForeignFolderError:
            printError("rigger: \(error)")
            return ExitCode(2)
        case let error as BundleWriteError:
            printError("rigger: could not write the bundle: \(error.description); the previous bundle, if any, is unchanged")
            return ExitCode(1)
        default:
            printError("rigger: \(error)")
            return ExitCode(1)
        }
    }
}
