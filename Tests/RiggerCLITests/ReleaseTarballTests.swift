import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// The release as an operator gets it: `Scripts/release.sh dist` builds the tarball once for the
/// whole class (minutes on two cores), the tests unpack it into an empty folder and run it from
/// another folder, with a minimal environment and the Swift toolchain's libraries hidden, as on
/// a bastion host without Swift.
final class ReleaseTarballTests: XCTestCase {
    /// The unpacked release, built once: the tests of this class run one after another.
    nonisolated(unsafe) private static var built: Result<Release, Error>?

    struct Release {
        let tarball: URL
        let checksums: URL
        /// The folder the tarball unpacks to, holding bin/ and share/.
        let tree: URL
        var binary: String { tree.appendingPathComponent("bin/rigger").path }
    }

    /// The operator's minimal shell: no RIGGER_PRESETS, no checkout, no toolchain on PATH.
    /// SOURCE_DATE_EPOCH only pins the clock, so that two bundles can be compared byte for byte.
    private static let minimalEnvironment = ["PATH=/usr/bin:/bin", "TERM=xterm-256color", "SOURCE_DATE_EPOCH=1790000000"]

    private var release: Release {
        get throws {
            if Self.built == nil { Self.built = Result { try Self.buildRelease() } }
            return try XCTUnwrap(Self.built).get()
        }
    }

    private static func buildRelease() throws -> Release {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-release-\(UUID().uuidString)")
        let dist = work.appendingPathComponent("dist"), unpacked = work.appendingPathComponent("unpacked")
        try FileManager.default.createDirectory(at: unpacked, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["RIGGER_DIST_OUT"] = dist.path
        let started = Date()
        let built = try run("/bin/bash", [ProjectPaths.root.appendingPathComponent("Scripts/release.sh").path, "dist"], environment: environment)
        // CI's budget is tight: the build's cost is printed where the log shows it.
        print("release build and packing took \(Int(Date().timeIntervalSince(started))) s")
        guard built.status == 0 else { throw Failure("Scripts/release.sh dist failed:\n\(built.error.suffix(4000))") }
        let tarball = URL(fileURLWithPath: built.output.trimmingCharacters(in: .whitespacesAndNewlines))
        let unpack = try run("/bin/tar", ["-xzf", tarball.path, "-C", unpacked.path])
        guard unpack.status == 0 else { throw Failure("tar failed: \(unpack.error)") }
        let top = try FileManager.default.contentsOfDirectory(atPath: unpacked.path)
        guard top.count == 1, let name = top.first else { throw Failure("the tarball must hold one folder, not \(top)") }
        return Release(tarball: tarball, checksums: dist.appendingPathComponent("SHA256SUMS"), tree: unpacked.appendingPathComponent(name))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    struct Output {
        let status: Int32
        let output: String
        let error: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-release-\(UUID().uuidString).out")
        let error = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-release-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: error)
        }
        // Files, not pipes: a build prints far more than a pipe holds while it is waited for.
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, output: try String(contentsOf: output, encoding: .utf8),
            error: try String(contentsOf: error, encoding: .utf8))
    }

    // MARK: Hiding the toolchain

    /// The folder the development build loads the Swift runtime from (the toolchain's).
    private func toolchainLibraries() throws -> String {
        let ldd = try Self.run("/usr/bin/ldd", [ProjectPaths.executable.path])
        guard let line = ldd.output.split(separator: "\n").first(where: { $0.contains("libswiftCore.so") }),
            let path = line.split(separator: " ").first(where: { $0.hasPrefix("/") })
        else { throw XCTSkip("the development build doesn't load libswiftCore.so; there is no toolchain folder to hide") }
        // .../usr/lib/swift/linux/libswiftCore.so: hide .../usr/lib, everything the toolchain has there.
        let folder = URL(fileURLWithPath: String(path)).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard !Self.isSystemLibraryPath(folder.path + "/") else { throw XCTSkip("the Swift runtime is in a system folder (\(folder.path))") }
        return folder.path
    }

    private static func isSystemLibraryPath(_ path: String) -> Bool {
        ["/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/lib32/", "/usr/lib32/"].contains { path.hasPrefix($0) }
    }

    /// A shell command that runs `command` in a mount namespace of its own where `hidden` is an
    /// empty folder, from `directory`, with nothing in the environment but the minimal one.
    private func hiddenToolchainCommand(_ hidden: String, directory: URL, _ command: [String]) throws -> [String] {
        let empty = try TestProjectFolder.make()
        let script = "mount --bind \"$1\" \"$2\" && cd \"$3\" && shift 3 && exec env -i \(Self.minimalEnvironment.joined(separator: " ")) \"$@\""
        return ["/usr/bin/unshare", "-m", "/bin/sh", "-c", script, "sh", empty.path, hidden, directory.path] + command
    }

    /// Runs a command with the toolchain hidden, or skips where this machine doesn't allow mounts.
    private func runWithToolchainHidden(_ command: [String], in directory: URL) throws -> Output {
        let hidden = try toolchainLibraries()
        let probe = try Self.run("/usr/bin/unshare", ["-m", "/bin/sh", "-c", "mount --bind \"$1\" \"$1\"", "sh", directory.path])
        guard probe.status == 0 else { throw XCTSkip("cannot make a mount namespace here: \(probe.error)") }
        let full = try hiddenToolchainCommand(hidden, directory: directory, command)
        return try Self.run(full[0], Array(full.dropFirst()))
    }

    // MARK: Tests

    func testTheTarballHoldsTheBinaryManualCompletionsAndDocumentsWithItsChecksum() throws {
        let release = try release
        let name = release.tarball.lastPathComponent
        XCTAssertTrue(name.hasPrefix("rigger-\(Rigger.version)-linux-") && name.hasSuffix(".tar.gz"), name)
        XCTAssertEqual(release.tree.lastPathComponent + ".tar.gz", name)
        let check = try Self.run("/usr/bin/sha256sum", ["-c", "SHA256SUMS"], directory: release.checksums.deletingLastPathComponent())
        XCTAssertEqual(check.status, 0, "SHA256SUMS must verify the tarball: \(check.output) \(check.error)")
        for file in [
            "bin/rigger", "share/man/man1/rigger.1", "share/bash-completion/completions/rigger", "share/zsh/site-functions/_rigger",
            "share/fish/vendor_completions.d/rigger.fish", "share/doc/rigger/README.md", "share/doc/rigger/LICENSE",
            "share/doc/rigger/THIRD-PARTY-LICENSES",
        ] {
            let path = release.tree.appendingPathComponent(file).path
            XCTAssertGreaterThan((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0, 0, "\(file) is missing or empty")
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: release.binary))
        let manual = try String(contentsOf: release.tree.appendingPathComponent("share/man/man1/rigger.1"), encoding: .utf8)
        XCTAssertTrue(manual.contains("generate"), "the manual covers the subcommands")
        // rigger's own page, dated and versioned by the release, not a generated one.
        XCTAssertTrue(manual.hasPrefix(".TH RIGGER 1 \"") && manual.contains("NO_COLOR") && manual.contains(".SH EXIT STATUS"), String(manual.prefix(300)))
        XCTAssertFalse(manual.hasPrefix(".TH RIGGER 1 \"\""), "the release dates the page")
        let bash = try String(contentsOf: release.tree.appendingPathComponent("share/bash-completion/completions/rigger"), encoding: .utf8)
        XCTAssertTrue(bash.contains("complete -o filenames -F _rigger_values_follow_keys rigger"), bash.suffix(600).description)
    }

    /// `make install` (Scripts/release.sh install PREFIX) puts the tarball's files under PREFIX,
    /// byte for byte, and uninstall removes every one of them.
    func testInstallPutsTheTarballsFilesInPlaceAndUninstallRemovesThem() throws {
        let release = try release
        let prefix = try TestProjectFolder.make().appendingPathComponent("usr-local")
        let script = ProjectPaths.root.appendingPathComponent("Scripts/release.sh").path
        let installed = try Self.run("/bin/bash", [script, "install", prefix.path])
        XCTAssertEqual(installed.status, 0, String(installed.error.suffix(2000)))
        let shipped = TmuxSession.files(release.tree)
        XCTAssertEqual(TmuxSession.files(prefix).keys.sorted(), shipped.keys.sorted())
        for (path, data) in shipped { XCTAssertEqual(TmuxSession.files(prefix)[path], data, "\(path) differs from the tarball's") }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/rigger").path))
        let removed = try Self.run("/bin/bash", [script, "uninstall", prefix.path])
        XCTAssertEqual(removed.status, 0, removed.error)
        XCTAssertEqual(TmuxSession.files(prefix), [:], "uninstall leaves no file behind")
    }

    /// glibc is linked in statically, and its LGPL asks that users can relink the program with
    /// their own: the relink kit beside the tarball, with the build machine's glibc, makes the
    /// shipped binary again, byte for byte but for its build ID, and that binary works.
    func testTheRelinkKitMakesTheShippedBinaryAgainWithTheBuildMachinesGlibc() throws {
        let release = try release
        let kitName = release.tree.lastPathComponent + "-relink"
        let kitTarball = release.checksums.deletingLastPathComponent().appendingPathComponent(kitName + ".tar.gz")
        let sums = try String(contentsOf: release.checksums, encoding: .utf8)
        XCTAssertTrue(sums.contains("  \(kitName).tar.gz\n"), "SHA256SUMS lists the kit:\n\(sums)")
        let check = try Self.run("/usr/bin/sha256sum", ["-c", "SHA256SUMS"], directory: release.checksums.deletingLastPathComponent())
        XCTAssertEqual(check.status, 0, check.output + check.error)
        let licences = try String(contentsOf: release.tree.appendingPathComponent("share/doc/rigger/THIRD-PARTY-LICENSES"), encoding: .utf8)
        XCTAssertTrue(licences.contains(kitName + ".tar.gz"), "THIRD-PARTY-LICENSES says where the relink kit is")
        // glibc's LGPL and the kit's GCC runtime (GPL 3) both ask for the source: where it is, and the offer.
        XCTAssertTrue(licences.contains("https://snapshot.debian.org/package/glibc/"), "THIRD-PARTY-LICENSES says where glibc's source is")
        XCTAssertTrue(licences.contains("https://snapshot.debian.org/package/gcc-"), "THIRD-PARTY-LICENSES says where GCC's source is")

        let folder = try TestProjectFolder.make()
        let unpack = try Self.run("/bin/tar", ["-xzf", kitTarball.path, "-C", folder.path])
        XCTAssertEqual(unpack.status, 0, unpack.error)
        let kit = folder.appendingPathComponent(kitName)
        // The build machine's glibc: the folder its compiler takes libc.a from.
        let libc = try Self.run("/usr/bin/gcc", ["-print-file-name=libc.a"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let glibc = URL(fileURLWithPath: libc).deletingLastPathComponent().path
        let relinked = folder.appendingPathComponent("relinked")
        let relink = try Self.run(
            kit.appendingPathComponent("relink.sh").path, [glibc, relinked.path], environment: ["PATH": "/usr/bin:/bin"], directory: folder)
        XCTAssertEqual(relink.status, 0, String(relink.error.suffix(3000)))

        // cmp -l lists each differing byte, counting from 1; sizes that differ it reports as EOF.
        let compared = try Self.run("/usr/bin/cmp", ["-l", release.binary, relinked.path])
        XCTAssertFalse(compared.error.contains("EOF"), "the relinked binary has the shipped one's size: \(compared.error)")
        let buildID = try Self.sectionRange(".note.gnu.build-id", of: release.binary)
        let differing = compared.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Int($0) }.map { $0 - 1 } }
        XCTAssertTrue(differing.allSatisfy { buildID.contains($0) }, "bytes differ outside the build ID, e.g. at \(differing.first { !buildID.contains($0) } ?? 0)")

        let minimal = Dictionary(uniqueKeysWithValues: Self.minimalEnvironment.map { entry -> (String, String) in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        })
        for arguments in [["--version"], ["presets"]] {
            let fromKit = try Self.run(relinked.path, arguments, environment: minimal, directory: folder)
            let fromTarball = try Self.run(release.binary, arguments, environment: minimal, directory: folder)
            XCTAssertEqual(fromKit.status, 0, fromKit.error)
            XCTAssertEqual(fromKit.output, fromTarball.output, "rigger \(arguments.joined(separator: " "))")
        }
    }

    /// Where a section of an ELF file lies in it, from readelf.
    private static func sectionRange(_ name: String, of path: String) throws -> Range<Int> {
        let sections = try run("/usr/bin/readelf", ["-SW", path])
        // "  [ 1] .note.gnu.build-id NOTE  0000000000400270 000270 000024 00   A  0   0  4"
        guard let line = sections.output.split(separator: "\n").first(where: { $0.contains(" \(name) ") }),
            let fields = line.split(separator: "]", maxSplits: 1).last?.split(separator: " "), fields.count > 4,
            let offset = Int(fields[3], radix: 16), let size = Int(fields[4], radix: 16)
        else { throw Failure("readelf lists no \(name) in \(path):\n\(sections.output)") }
        return offset..<(offset + size)
    }

    func testTheBinaryLoadsOnlyTheSystemsLibraries() throws {
        let release = try release
        let ldd = try Self.run("/usr/bin/ldd", [release.binary])
        // A fully static binary has nothing to list.
        guard !ldd.output.contains("statically linked"), !ldd.error.contains("not a dynamic executable") else { return }
        XCTAssertEqual(ldd.status, 0, ldd.error)
        for line in ldd.output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.hasPrefix("linux-vdso") {
            XCTAssertFalse(line.contains("not found"), line)
            guard let path = line.split(separator: " ").first(where: { $0.hasPrefix("/") }) else {
                XCTFail("ldd listed a library without a path: \(line)")
                continue
            }
            XCTAssertTrue(Self.isSystemLibraryPath(String(path)), "\(path) is outside the system's library folders")
        }
        // glibc's (libc, libm, the loader) and ncurses' (libncursesw, libtinfo), nothing else: no libstdc++.
        let allowed = ["libncursesw.so", "libtinfo.so", "libm.so", "libc.so", "ld-linux-x86-64.so", "ld-linux-aarch64.so"]
        for line in ldd.output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let name = line.split(separator: " ").first.map({ $0.split(separator: "/").last.map(String.init) ?? "" }), !name.hasPrefix("linux-vdso") else {
                continue
            }
            XCTAssertTrue(allowed.contains { name.hasPrefix($0) }, "\(name) is neither glibc's nor ncurses'")
        }
    }

    func testWithTheToolchainHiddenItListsEveryPresetAndWritesTheDevelopmentBuildsBundle() throws {
        let release = try release
        let folder = try TestProjectFolder.make()
        // The development build can't start there: that is what proves the toolchain is hidden.
        let development = try runWithToolchainHidden([ProjectPaths.executable.path, "--version"], in: folder)
        XCTAssertNotEqual(development.status, 0, "with the toolchain hidden the development build must not start")

        let version = try runWithToolchainHidden([release.binary, "--version"], in: folder)
        XCTAssertEqual(version.status, 0, version.error)
        XCTAssertTrue(version.output.hasPrefix("\(Rigger.version) (commit "), version.output)

        let presets = try runWithToolchainHidden([release.binary, "presets"], in: folder)
        XCTAssertEqual(presets.status, 0, presets.error)
        let presetsFolder = ProjectPaths.root.appendingPathComponent("presets")
        for app in try FileManager.default.contentsOfDirectory(atPath: presetsFolder.path) where !app.hasPrefix(".") {
            XCTAssertTrue(presets.output.contains("\(app): "), "\(app) is listed:\n\(presets.output)")
            for file in try FileManager.default.contentsOfDirectory(atPath: presetsFolder.appendingPathComponent(app).path) where file.hasSuffix(".yaml") {
                XCTAssertTrue(presets.output.contains("  \(file.dropLast(5)) "), "\(app)/\(file) is listed:\n\(presets.output)")
            }
        }

        let arguments = ["generate", "--preset", "gcp", "--set", "ingress.hostname=analytics.example.com", "--out"]
        let shipped = folder.appendingPathComponent("shipped"), developed = folder.appendingPathComponent("developed")
        let generated = try runWithToolchainHidden([release.binary] + arguments + [shipped.path], in: folder)
        XCTAssertEqual(generated.status, 0, generated.error)
        let reference = try Self.run(
            "/usr/bin/env", ["-i"] + Self.minimalEnvironment + [ProjectPaths.executable.path] + arguments + [developed.path], directory: folder)
        XCTAssertEqual(reference.status, 0, reference.error)
        TmuxSession.assertSameBundle(shipped, developed)
    }

    func testWithTheToolchainHiddenTheWizardOpensAt80x24AndWritesTheBundle() throws {
        let release = try release
        let session = try TmuxSession()
        defer { session.stop() }
        let out = session.folder.appendingPathComponent("wizard")
        let command = try hiddenToolchainCommand(
            try toolchainLibraries(), directory: session.folder, [release.binary, "--preset", "gcp", "--out", out.path])
        let probe = try Self.run("/usr/bin/unshare", ["-m", "/bin/sh", "-c", "mount --bind \"$1\" \"$1\"", "sh", session.folder.path])
        guard probe.status == 0 else { throw XCTSkip("cannot make a mount namespace here: \(probe.error)") }
        try session.start(shellCommand: command.map { "'\($0)'" }.joined(separator: " "))
        let first = try session.waitFor("> App and cloud")
        XCTAssertFalse(first.contains("bigger terminal"), "80x24 is enough:\n\(first)")
        try session.pressEnter(until: "Ingress and TLS")
        // Focus starts on the hostname: the first field still to fill.
        try session.type("analytics.example.com")
        try session.writeFromHereAndExit()
        let developed = session.folder.appendingPathComponent("developed")
        let reference = try Self.run(
            "/usr/bin/env",
            ["-i"] + Self.minimalEnvironment + [
                ProjectPaths.executable.path, "generate", "--preset", "gcp", "--set", "ingress.hostname=analytics.example.com", "--out", developed.path,
            ])
        XCTAssertEqual(reference.status, 0, reference.error)
        TmuxSession.assertSameBundle(out, developed)
    }
}

/// New empty temporary folders for the release tests.
enum TestProjectFolder {
    static func make() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-release-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
