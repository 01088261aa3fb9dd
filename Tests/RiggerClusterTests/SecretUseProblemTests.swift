import RiggerCore
import RiggerCluster
import XCTest

/// `rigger check`'s missing-Secret problem names every workload that reads the Secret: the operator
/// has to fix each one, so none is left as "and 4 more".
final class SecretUseProblemTests: XCTestCase {
    private func missing(_ workloads: [String]) -> [SecretUseProblem] {
        ProvidedSecrets().problems(for: workloads.map { SecretUse(workload: $0, secret: "pg-auth", key: "postgresql-password", optional: false) })
    }

    func testEveryWorkloadIsNamedAndTheLineWrapped() throws {
        let workloads = ["events", "pgbouncer", "plugins", "web", "worker", "migrate", "recordings"].map { "Deployment/posthog-\($0)" }
        let grouped = SecretUseProblem.grouped(missing(workloads))
        XCTAssertEqual(grouped.count, 1, "one problem for the Secret and key, not one per workload")
        let text = try XCTUnwrap(grouped.first)
        for workload in workloads {
            XCTAssertTrue(text.contains(workload), "\(workload) is not named in:\n\(text)")
        }
        XCTAssertFalse(text.contains("more"), text)
        let lines = text.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 1, "a long list is wrapped")
        XCTAssertTrue(lines.allSatisfy { $0.count + ($0.hasPrefix("    ") ? 0 : 4) <= 100 }, text)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }, text)
        XCTAssertEqual(text.replacingOccurrences(of: "\n    ", with: " "), """
            Deployment/posthog-events, Deployment/posthog-migrate, Deployment/posthog-pgbouncer, Deployment/posthog-plugins, \
            Deployment/posthog-recordings, Deployment/posthog-web and Deployment/posthog-worker read Secret pg-auth key \
            postgresql-password: neither the chart, the bundle nor the cluster provides it
            """)
    }

    func testOneOrTwoReadersReadAsASentence() {
        let unwrapped = { (workloads: [String]) in SecretUseProblem.grouped(self.missing(workloads)).map { $0.replacingOccurrences(of: "\n    ", with: " ") } }
        XCTAssertEqual(unwrapped(["Job/a"]), ["Job/a reads Secret pg-auth key postgresql-password: neither the chart, the bundle nor the cluster provides it"])
        XCTAssertEqual(unwrapped(["Job/a", "Job/b"]), ["Job/a and Job/b read Secret pg-auth key postgresql-password: neither the chart, the bundle nor the cluster provides it"])
    }
}
