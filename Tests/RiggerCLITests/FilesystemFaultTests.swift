import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// Regenerating onto a read-only folder and a full disk, with the built binary: the old bundle
/// stays complete and byte-identical, and the error names the file and the cause.
///
/// Both need a filesystem of their own: a read-only bind mount and a small tmpfs. Tests run as
/// root here, and root writes through permission bits, so chmod alone proves nothing for root.
final class FilesystemFaultTests: XCTestCase {
    private var rigger: String { TestProject.executable.path }
    private var mounts: [String] = []
    private var folder = URL(fileURLWithPath: "/")

    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
        folder = try TestProject.temporaryFolder()
    }

    override func tearDown() {
        for mount in mounts.reversed() { _ = try? runProgram("umount", [mount]) }
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ arguments: [String]) throws -> ProgramResult {
        try TestProject.runRigger(arguments)
    }

    /// Mounts, or skips when this machine doesn't let the tests mount (not root, no capability).
    private func mount(_ arguments: [String], at target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let result = try runProgram("mount", arguments + [target.path])
        guard result.status == 0 else { throw XCTSkip("cannot mount here (\(result.error.trimmingCharacters(in: .whitespacesAndNewlines)))") }
        mounts.append(target.path)
    }

    /// Every file under a folder with its bytes, `.rigger/` aside.
    private func snapshot(_ url: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String]) ?? [] where !path.hasPrefix(".rigger") {
            var isDirectory: ObjCBool = false
            let full = url.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: full.path)
            }
        }
        return files
    }

    func testAReadOnlyFolderFailsClearlyAndKeepsTheBundle() throws {
        let source = folder.appendingPathComponent("source"), bundle = folder.appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--preset", "gcp", "--set", "ingress.hostname=old.example.com", "--out", source.path]).status, 0)
        try mount(["--bind", source.path], at: bundle)
        try mount(["-o", "remount,bind,ro", source.path], at: bundle)
        let before = snapshot(bundle)
        XCTAssertFalse(before.isEmpty)

        let result = try run(["generate", "--set", "ingress.hostname=new.example.com", "--out", bundle.path])
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.error.contains(bundle.path), "the error names the folder: \(result.error)")
        XCTAssertTrue(result.error.contains("Read-only file system"), "the error says why: \(result.error)")
        XCTAssertEqual(snapshot(bundle), before)
    }

    func testAFullDiskFailsClearlyAndKeepsTheBundleWhereverItRunsOut() throws {
        let disk = folder.appendingPathComponent("disk")
        try mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs"], at: disk)
        let bundle = disk.appendingPathComponent("bundle")
        XCTAssertEqual(try run(["generate", "--preset", "gcp", "--set", "ingress.hostname=old.example.com", "--out", bundle.path]).status, 0)
        let before = snapshot(bundle)
        let filler = disk.appendingPathComponent("filler").path

        // Give the run one more page of space each time, so that it runs out at every point of
        // the write in turn (the backup, then staging), until there is enough and it goes through.
        var failedWhere: Set<String> = []
        var succeeded = false
        for pages in 0..<64 {
            let free = pages * 4096
            try fill(filler, leaving: free, on: disk.path)
            let result = try run(["generate", "--set", "ingress.hostname=new.example.com", "--out", bundle.path])
            if result.status == 0 {
                succeeded = true
                break
            }
            XCTAssertEqual(result.status, 1, "with \(free) bytes free: \(result.error)")
            XCTAssertTrue(result.error.contains("No space left on device"), "with \(free) bytes free: \(result.error)")
            XCTAssertEqual(snapshot(bundle), before, "with \(free) bytes free the old bundle must stay intact")
            XCTAssertFalse(FileManager.default.fileExists(atPath: bundle.appendingPathComponent(".rigger/staging").path))
            let backups = (try? FileManager.default.contentsOfDirectory(atPath: bundle.appendingPathComponent(".rigger/backups").path)) ?? []
            XCTAssertEqual(backups, [], "a backup cut short is removed, with \(free) bytes free")
            if result.error.contains("/.rigger/backups/") { failedWhere.insert("backup") }
            if result.error.contains("/.rigger/staging/") { failedWhere.insert("staging") }
        }
        XCTAssertEqual(failedWhere, ["backup", "staging"], "the disk should have run out both while backing up and while staging")
        XCTAssertTrue(succeeded, "with enough space the run goes through")
        let values = try String(contentsOf: bundle.appendingPathComponent("values.yaml"), encoding: .utf8)
        XCTAssertTrue(values.contains("new.example.com"))
        XCTAssertNotEqual(snapshot(bundle), before)
    }

    /// Makes `filler` as large as it takes to leave `free` bytes on the filesystem.
    private func fill(_ filler: String, leaving free: Int, on mountPoint: String) throws {
        try? FileManager.default.removeItem(atPath: filler)
        var stats = statvfs()
        guard statvfs(mountPoint, &stats) == 0 else { throw XCTSkip("statvfs failed") }
        let available = Int(stats.f_bavail) * Int(stats.f_frsize)
        let size = max(0, available - free)
        FileManager.default.createFile(atPath: filler, contents: Data(count: size))
        if free == 0 {
            // Whatever rounding left over goes too.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
            handle.seekToEndOfFile()
            while (try? handle.write(contentsOf: Data(count: 4096))) != nil {}
            try? handle.close()
        }
    }
}
