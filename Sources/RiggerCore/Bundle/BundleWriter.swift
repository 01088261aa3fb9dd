import Foundation

/// Owns every change rigger makes on disk: folder checks, backups, atomic writes and modes.
///
/// New files are first written in full under `.rigger/staging/`, then renamed into place; a
/// `COMMIT` marker written between the two phases lets the next run finish an interrupted rename
/// phase, so a crash leaves the old bundle or the new one, never a mix.
public struct BundleWriter: Sendable {
    public let directory: String
    /// How many backups are kept under `.rigger/backups/`.
    public static let backupsKept = 10

    /// Called before each file is staged and before each is moved into place; a test throws
    /// from it to stand in for a full disk or a crash at that point.
    public let beforeFileOperation: (@Sendable (_ stage: WriteStage, _ path: String) throws -> Void)?

    /// The two phases of a write.
    public enum WriteStage: Sendable { case staging, renaming }

    public init(directory: String, beforeFileOperation: (@Sendable (WriteStage, String) throws -> Void)? = nil) {
        self.directory = directory
        self.beforeFileOperation = beforeFileOperation
    }

    /// What a write changed.
    public struct Outcome: Sendable {
        public let added: [String]
        public let changed: [String]
        public let removed: [String]
        public let backup: String?

        public var isUnchanged: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
    }

    /// Paths under the folder that rigger writes, and so may replace or remove: its top-level
    /// files, scripts and Secrets by their names' shape, and anything in the folders it owns whole.
    static func isBundlePath(_ path: String) -> Bool {
        if ["rigger.yaml", "values.yaml", "README.md", "install.sh"].contains(path) { return true }
        if path.hasPrefix("scripts/"), path.hasSuffix(".sh"), !path.dropFirst(8).contains("/") { return true }
        if path.hasPrefix("secrets/"), path.hasSuffix(".secret.yaml") || path.hasSuffix(".store.json"), !path.dropFirst(8).contains("/") { return true }
        return Bundle.ownedFolders.contains { path.hasPrefix($0 + "/") }
    }

    /// The paths in a folder that a bundle would write (and so overwrite), sorted.
    public static func bundlePaths(in directory: String) -> [String] {
        BundleWriter(directory: directory).currentFiles().keys.sorted()
    }

    /// The files of the bundle now on disk, by relative path.
    public func currentFiles() -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["", "scripts/", "secrets/"] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? []
            for entry in entries where Self.isBundlePath(folder + entry) {
                if let data = FileManager.default.contents(atPath: directory + "/" + folder + entry) { files[folder + entry] = data }
            }
        }
        for folder in Bundle.ownedFolders {
            let root = directory + "/" + folder
            for relative in (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? [] {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let data = FileManager.default.contents(atPath: root + "/" + relative)
                else { continue }
                files[folder + "/" + relative] = data
            }
        }
        return files
    }

    /// Refuses a non-empty folder that isn't a rigger bundle, unless forced.
    public func checkWritable(force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw BundleWriteError(path: directory, message: "exists and is not a folder") }
        if FileManager.default.fileExists(atPath: directory + "/rigger.yaml") { return }
        // A folder holding only rigger's own .rigger/ (a wizard draft) is one rigger started.
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0 != ".rigger" }.sorted()
        if !entries.isEmpty && !force { throw ForeignFolderError(directory: directory, entries: entries) }
    }

    /// Writes the bundle; files that are already identical are not touched, and nothing at all is
    /// written when no file changes.
    public func write(_ bundle: Bundle, now: Date = Date()) throws -> Outcome {
        let manager = FileManager.default
        try recoverInterruptedWrite()
        let current = currentFiles()
        var added: [String] = [], changed: [String] = []
        for file in bundle.files {
            let data = Data(file.contents.utf8)
            if let old = current[file.path] {
                if old != data || mode(of: directory + "/" + file.path) != file.mode { changed.append(file.path) }
            } else {
                added.append(file.path)
            }
        }
        let produced = Set(bundle.paths)
        let removed = current.keys.filter { !produced.contains($0) }.sorted()
        if added.isEmpty && changed.isEmpty && removed.isEmpty {
            return Outcome(added: [], changed: [], removed: [], backup: nil)
        }

        try createDirectory(directory, mode: 0o755)
        let backup = current.isEmpty ? nil : try makeBackup(current, now: now)

        let staging = directory + "/.rigger/staging"
        try? manager.removeItem(atPath: staging)
        try createDirectory(directory + "/.rigger", mode: 0o700)
        try createDirectory(staging, mode: 0o700)
        let toWrite = bundle.files.filter { added.contains($0.path) || changed.contains($0.path) }
        do {
            for (index, file) in toWrite.enumerated() {
                try beforeFileOperation?(.staging, file.path)
                try writeFile(staging + "/\(index)", Data(file.contents.utf8), mode: file.mode)
            }
            var journal = toWrite.enumerated().map { "\($0.offset)\t\($0.element.path)" }
            journal += removed.map { "-\t\($0)" }
            try writeFile(staging + "/COMMIT", Data((journal.joined(separator: "\n") + "\n").utf8), mode: 0o600)
        } catch {
            // Nothing of the new bundle is in place yet: drop the staged files, keep the old
            // bundle, and drop its backup too, which would only repeat it and push out older ones.
            try? manager.removeItem(atPath: staging)
            if let backup { try? manager.removeItem(atPath: backup) }
            removeEmptyRiggerFolders()
            throw error
        }
        try finish(staging: staging)
        return Outcome(added: added.sorted(), changed: changed.sorted(), removed: removed, backup: backup)
    }

    /// Completes a write whose rename phase was cut off, or drops one that never reached it.
    public func recoverInterruptedWrite() throws {
        let staging = directory + "/.rigger/staging"
        guard FileManager.default.fileExists(atPath: staging) else { return }
        if FileManager.default.fileExists(atPath: staging + "/COMMIT") {
            try finish(staging: staging)
        } else {
            try? FileManager.default.removeItem(atPath: staging)
        }
    }

    private func finish(staging: String) throws {
        guard let data = FileManager.default.contents(atPath: staging + "/COMMIT"), let journal = String(data: data, encoding: .utf8) else {
            throw BundleWriteError(path: staging + "/COMMIT", message: "cannot read the write journal")
        }
        let entries = journal.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
        for (source, path) in entries where source != "-" {
            let target = directory + "/" + path
            let folder = (target as NSString).deletingLastPathComponent
            try createDirectory(folder, mode: Bundle.directoryModes[(path as NSString).deletingLastPathComponent] ?? 0o755)
            let staged = staging + "/" + source
            // Already moved by an earlier, interrupted run.
            guard FileManager.default.fileExists(atPath: staged) else { continue }
            try beforeFileOperation?(.renaming, path)
            guard rename(staged, target) == 0 else {
                throw BundleWriteError(path: target, message: "cannot move the new file into place: \(String(cString: strerror(errno)))")
            }
        }
        for (source, path) in entries where source == "-" {
            try? FileManager.default.removeItem(atPath: directory + "/" + path)
            removeEmptyFolders(above: path)
        }
        try? FileManager.default.removeItem(atPath: staging)
        removeEmptyRiggerFolders()
    }

    /// Removes the folders a removed file leaves empty, up to the bundle's own top folder.
    private func removeEmptyFolders(above path: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            let full = directory + "/" + folder
            guard ((try? FileManager.default.contentsOfDirectory(atPath: full)) ?? ["?"]).isEmpty else { return }
            try? FileManager.default.removeItem(atPath: full)
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// .rigger/ holds only backups and drafts; don't leave it (or its backups/) behind empty.
    private func removeEmptyRiggerFolders() {
        for folder in [directory + "/.rigger/backups", directory + "/.rigger"]
        where (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    private func makeBackup(_ files: [String: Data], now: Date) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let backups = directory + "/.rigger/backups"
        try createDirectory(directory + "/.rigger", mode: 0o700)
        try createDirectory(backups, mode: 0o700)
        var name = formatter.string(from: now)
        var counter = 1
        while FileManager.default.fileExists(atPath: backups + "/" + name) {
            counter += 1
            name = formatter.string(from: now) + "-\(counter)"
        }
        let folder = backups + "/" + name
        try createDirectory(folder, mode: 0o700)
        do {
            for (path, data) in files.sorted(by: { $0.key < $1.key }) {
                let target = folder + "/" + path
                try createDirectory((target as NSString).deletingLastPathComponent, mode: 0o700)
                try writeFile(target, data, mode: mode(of: directory + "/" + path) ?? 0o600)
            }
        } catch {
            // A half backup is no backup, and it would count against the ten kept.
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        let all = ((try? FileManager.default.contentsOfDirectory(atPath: backups)) ?? []).sorted()
        for old in all.dropLast(Self.backupsKept) { try? FileManager.default.removeItem(atPath: backups + "/" + old) }
        return folder
    }

    private func mode(of path: String) -> UInt16? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions] as? NSNumber
        else { return nil }
        return UInt16(truncatingIfNeeded: permissions.intValue & 0o7777)
    }

    func createDirectory(_ path: String, mode: UInt16) throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw BundleWriteError(path: path, message: "cannot create the folder: \(Self.reason(error))")
            }
        } else if !isDirectory.boolValue {
            throw BundleWriteError(path: path, message: "exists and is not a folder")
        }
        guard chmod(path, mode_t(mode)) == 0 else {
            throw BundleWriteError(path: path, message: "cannot set the folder's permissions: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes a whole file with its mode set before any byte lands, then flushes it to disk.
    func writeFile(_ path: String, _ data: Data, mode: UInt16) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode_t(mode))
        guard descriptor >= 0 else {
            throw BundleWriteError(path: path, message: "cannot create the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        _ = fchmod(descriptor, mode_t(mode))
        var offset = 0
        let failure: String? = data.withUnsafeBytes { buffer -> String? in
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return nil }
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
        if let failure { throw BundleWriteError(path: path, message: "cannot write the file: \(failure)") }
        guard fsync(descriptor) == 0 else {
            throw BundleWriteError(path: path, message: "cannot flush the file to disk: \(String(cString: strerror(errno)))")
        }
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
