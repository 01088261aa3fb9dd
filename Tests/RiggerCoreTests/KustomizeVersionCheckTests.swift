import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// The post-renderer runs the host's `kubectl kustomize`. kubectl 1.20 (Debian bookworm's) embeds
/// kustomize v2.0.3, which can't read `patches` with targets, and kubectl 1.21's v4.0.5 can't read
/// PostHog's rendered manifests: 00-preflight.sh stops on either, naming the version it needs.
final class KustomizeVersionCheckTests: XCTestCase {
    /// What `kubectl version --client -o json` printed for real kubectl builds.
    static let clientVersions = [
        "1.20": #"{"clientVersion": {"major": "1", "minor": "20", "gitVersion": "v1.20.0", "platform": "linux/amd64"}}"#,
        "1.21": #"{"clientVersion": {"major": "1", "minor": "21", "gitVersion": "v1.21.0", "platform": "linux/amd64"}}"#,
        "1.32": """
            {
              "clientVersion": {
                "major": "1",
                "minor": "32+",
                "gitVersion": "v1.32.4-dispatcher",
                "platform": "linux/amd64"
              },
              "kustomizeVersion": "v5.5.0"
            }
            """,
    ]

    /// Runs the bundle's preflight with a kubectl that prints `clientVersion` and knows no
    /// cluster: it stops at the kube context, after the kustomize check.
    private func preflight(_ prepared: PreparedBundle, kubectl clientVersion: String) throws -> ProgramResult {
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestProject.materialize(prepared.bundle, in: folder.appendingPathComponent("bundle"))
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try Data(clientVersion.utf8).write(to: folder.appendingPathComponent("client.json"))
        for (tool, body) in [
            ("kubectl", "[ \"$*\" = 'version --client -o json' ] && exec cat '\(folder.path)/client.json'\nexit 1"),
            ("helm", "echo v3.17.3"),
        ] {
            let url = bin.appendingPathComponent(tool)
            try Data("#!/usr/bin/env bash\n\(body)\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return try runProgram("bash", ["scripts/00-preflight.sh"], environment: environment, directory: folder.appendingPathComponent("bundle"))
    }

    func testAKubectlWhoseKustomizeIsTooOldIsRefusedWithTheVersionNeeded() throws {
        for prepared in [try TestProject.presetBundle("local"), try TestProject.presetBundle("local", of: .helicone)] {
            XCTAssertNotNil(prepared.bundle[PostRender.script])
            for old in ["1.20", "1.21"] {
                let result = try preflight(prepared, kubectl: try XCTUnwrap(Self.clientVersions[old]))
                XCTAssertEqual(result.status, 1)
                XCTAssertTrue(
                    result.error.contains("kubectl 1.22 or newer, whose built-in kustomize (v4.2.0 or newer) reads the bundle's kustomization; "
                        + "this kubectl is \(old)"), result.error)
            }
            let current = try preflight(prepared, kubectl: try XCTUnwrap(Self.clientVersions["1.32"]))
            XCTAssertTrue(current.output.contains("kubectl 1.32, kustomize v5.5.0 (the post-renderer needs kustomize v4.2.0 or newer)"), current.output)
            XCTAssertFalse(current.error.contains("kustomize"), current.error)
        }
    }

    /// The check is there only where the bundle has a post-renderer.
    func testABundleWithoutAPostRendererAsksNothingOfKustomize() throws {
        let prepared = try PlausibleTestBundles.all().first { $0.1.bundle[PostRender.script] == nil }?.1
        let preflight = try XCTUnwrap(prepared?.bundle["scripts/00-preflight.sh"]?.contents)
        XCTAssertFalse(preflight.contains("kustomize"))
    }
}
