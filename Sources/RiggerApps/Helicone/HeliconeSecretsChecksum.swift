import Crypto
import Foundation
import RiggerCore

/// A pod-template annotation on each Deployment that reads a bundle Secret: a digest of the
/// Secrets it reads. Pods take a Secret's values only when they start, and a Secret that changes
/// (a rotated password, keys signed anew) changes nothing Kubernetes watches; with the digest in
/// the pod template, `helm upgrade` rolls exactly the Deployments whose Secrets changed.
///
/// The digest is over the Secret manifests as the bundle writes them, so it changes with their
/// values and nothing else, and it is worked out here, from the same inputs, without I/O. It says
/// nothing of the values: each digest covers at least one high-entropy value (a generated password
/// or key, or one typed at no less than the minimum length), which no guess can reach past; the
/// SMTP password, the one value often chosen by hand, is read by auth only, whose digest also covers
/// the PostgreSQL password. A Secret the operator keeps counts by its name only: rigger can't see
/// it, so its changes are theirs to roll out (the README says how).
enum HeliconeSecretsChecksum {
    /// The annotation on the pod template.
    static let annotation = "rigger/secrets-checksum"

    /// The Secret the post-renderer makes Realtime read besides the chart's own reads.
    private static let realtimeSecret = "helicone-realtime"

    /// The Secrets a component's pods read, by the names the chart gives them, sorted.
    static func secretsRead(by component: String) -> [String] {
        var names = Set(HeliconeSecretReads.all.filter { $0.component == component }.map(\.secret))
        if component == "realtime" { names.insert(realtimeSecret) }
        return names.sorted()
    }

    /// The components that read a Secret, in the order of the chart's reads.
    static var components: [String] {
        var found: [String] = []
        for read in HeliconeSecretReads.all where !found.contains(read.component) { found.append(read.component) }
        return found
    }

    /// The digest for a component: SHA-256, in hex, over each Secret it reads (its name and the
    /// SHA-256 of its manifest, or its name alone when the operator keeps it).
    /// `manifests` holds each manifest's text by its file name.
    static func digest(component: String, secrets: HeliconeSecrets, manifests: [String: String]) -> String {
        let lines = secretsRead(by: component).map { chartName -> String in
            guard let reference = secrets.reference(chartName: chartName) else { return "\(chartName) absent" }
            guard let manifest = reference.manifest, let text = manifests[manifest.fileName] else { return "\(reference.name) kept by the operator" }
            return "\(reference.name) \(hex(SHA256.hash(data: Data(text.utf8))))"
        }
        return hex(SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)))
    }

    /// One patch per Deployment the chart renders that reads a Secret.
    static func patches(plan: HeliconePlan, secrets: HeliconeSecrets, manifests: [String: String]) -> [PostRender.Patch] {
        components.filter { HeliconePostRender.runs($0, plan) }.map { component in
            let read = secretsRead(by: component).map { secrets.reference(chartName: $0)?.name ?? $0 }.joined(separator: ", ")
            return PostRender.Patch(
                kind: "Deployment", name: HeliconeChart.fullname(release: plan.release, component: component),
                body: .map([("spec", .map([("template", .map([("metadata", .map([("annotations", .map([
                    (annotation, .string(digest(component: component, secrets: secrets, manifests: manifests))),
                ]))]))]))]))]),
                reason: "restarted by helm upgrade when a Secret it reads changes (\(read)): a digest of them on its pods")
        }
    }

    private static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}
