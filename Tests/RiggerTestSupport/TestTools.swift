import Foundation
import XCTest

/// Where the tests find the tools of Scripts/setup-test-tools.sh and the real charts.
public enum TestTools {
    /// The test's environment.
    public static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The virtual environment with kubernetes-validate, helm-python-sdk, a Helm CLI and kubectl.
    public static var venv: URL {
        environment["RIGGER_TOOLS"].map { URL(fileURLWithPath: $0) } ?? TestProject.root.appendingPathComponent(".tools/venv")
    }

    /// The test's environment with the tools' folder first on PATH, for programs that run a tool
    /// by name (the bundles' post-renderer runs `kubectl kustomize`): the pinned tools win over
    /// whatever the machine has, and a machine without them works too.
    public static var environmentWithTools: [String: String] {
        var merged = environment
        merged["PATH"] = venv.appendingPathComponent("bin").path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return merged
    }

    /// A tool's absolute path, from the virtual environment, else from PATH; nil when neither has it.
    public static func path(_ tool: String) -> String? {
        let inVenv = venv.appendingPathComponent("bin/\(tool)").path
        if FileManager.default.isExecutableFile(atPath: inVenv) { return inVenv }
        return (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// The tool, or a failure that says how to get it (CI installs every one of them).
    public static func require(_ tool: String) throws -> String {
        guard let found = path(tool) else {
            XCTFail("\(tool) is not installed; run Scripts/setup-test-tools.sh (or .ci/run), which installs it")
            throw XCTSkip("\(tool) missing")
        }
        return found
    }

    /// The folder of real charts: `RIGGER_CHARTS`, or ../shared/charts beside the checkout.
    public static var chartsFolder: URL? {
        if let configured = environment["RIGGER_CHARTS"] { return URL(fileURLWithPath: configured) }
        let beside = TestProject.root.deletingLastPathComponent().appendingPathComponent("shared/charts")
        return FileManager.default.fileExists(atPath: beside.path) ? beside : nil
    }

    /// A real chart's folder. Without the charts the test is skipped and says why, unless
    /// RIGGER_REQUIRE_CHARTS=1 (CI sets it), which makes their absence a failure.
    public static func chart(_ name: String) throws -> URL {
        guard let folder = chartsFolder?.appendingPathComponent(name), FileManager.default.fileExists(atPath: folder.appendingPathComponent("Chart.yaml").path)
        else {
            let reason = "the real chart \(name) is not here: set RIGGER_CHARTS to the folder of real charts (CI uses ../shared/charts)"
            if environment["RIGGER_REQUIRE_CHARTS"] == "1" { XCTFail(reason) }
            throw XCTSkip(reason)
        }
        return folder
    }
}
