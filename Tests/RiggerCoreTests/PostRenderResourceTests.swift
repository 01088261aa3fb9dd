import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// The bundle's post-renderer adds objects a chart lacks and removes ones it must not run, through
/// the real `kubectl kustomize` its script runs.
final class PostRenderResourceTests: XCTestCase {
    func testAddedObjectsAndDeletionsComeOutOfThePostRenderer() throws {
        let kubectl = try TestTools.require("kubectl")
        let postRender = PostRender(
            patches: [PostRender.Patch(kind: "Service", name: "unused", body: .map([("$patch", .string("delete"))]), reason: "nothing uses it")],
            resources: [PostRender.Resource(
                apiVersion: "v1", kind: "PersistentVolumeClaim", name: "data",
                body: .map([("spec", .map([
                    ("accessModes", .list([.string("ReadWriteOnce")])),
                    ("resources", .map([("requests", .map([("storage", .string("2Gi"))]))])),
                ]))]),
                reason: "the chart mounts no volume")])
        let files = try postRender.files()
        XCTAssertTrue(files.contains { $0.path == "\(PostRender.folder)/resources/01-persistentvolumeclaim-data.yaml" }, "\(files.map(\.path))")
        let folder = try TestProject.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestProject.materialize(RiggerCore.Bundle(files: files), in: folder)
        let rendered = """
            apiVersion: v1
            kind: Service
            metadata:
              name: unused
            spec:
              ports:
              - port: 80
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kept
            data:
              a: b
            """
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = URL(fileURLWithPath: kubectl).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        let input = folder.appendingPathComponent("input.yaml")
        try Data(rendered.utf8).write(to: input)
        let result = try runProgram("bash", ["-c", "\"$0\" < \"$1\"", folder.appendingPathComponent(PostRender.script).path, input.path], environment: environment)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("kind: PersistentVolumeClaim"), result.output)
        XCTAssertTrue(result.output.contains("storage: 2Gi"), result.output)
        XCTAssertTrue(result.output.contains("name: kept"), result.output)
        XCTAssertFalse(result.output.contains("name: unused"), "the deleted Service is gone:\n\(result.output)")
    }

    /// A patch or an object with metadata of its own (annotations) keeps the name it targets.
    func testMetadataInABodyKeepsTheName() throws {
        let postRender = PostRender(patches: [PostRender.Patch(
            kind: "Service", name: "api", body: .map([("metadata", .map([("annotations", .map([("example.com/a", .string("b"))]))]))]),
            reason: "an annotation")])
        let patch = try XCTUnwrap(try postRender.files().first { $0.path.contains("/patches/") }?.contents)
        XCTAssertTrue(patch.contains("metadata:\n  name: api\n  annotations:\n    example.com/a: b"), patch)
    }
}
