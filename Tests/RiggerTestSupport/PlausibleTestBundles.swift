import Foundation
import RiggerCore
import XCTest
import Yams

/// Plausible bundles for the tests: each preset, and variants that between them take every
/// branch of the renderers, with readers for what the tests look at.
public enum PlausibleTestBundles {
    /// Plausible's presets and what each leaves open.
    public static let fixture = AppTestFixture.plausible

    /// A preset's bundle with its open answers, and more answers and secrets on top.
    public static func prepare(
        _ preset: String, _ sets: [String] = [], secrets: [String: String] = [:], outputDirectory: String = "/nonexistent/rigger-test",
        seed: String = "rigger-tests"
    ) throws -> PreparedBundle {
        try TestProject.prepare(
            app: "plausible", preset: preset, sets: (fixture.openAnswers[preset] ?? []) + sets,
            secrets: (fixture.openSecrets[preset] ?? [:]).merging(secrets) { $1 }, outputDirectory: outputDirectory, seed: seed)
    }

    /// Mail through a server that takes a login.
    public static let mailWithUser = [
        "email.enabled=true", "email.host=email-smtp.us-east-1.amazonaws.com", "email.user=AKIAEXAMPLE", "email.from=plausible@example.com",
    ]
    /// ClickHouse Cloud instead of the in-cluster ClickHouse.
    public static let managedClickHouse = ["clickhouse.mode=managed", "clickhouse.host=abc123.eu-west-1.aws.clickhouse.cloud"]

    /// Every preset, then the variants.
    public static func all() throws -> [(String, PreparedBundle)] {
        var all = try fixture.presets.map { ($0, try prepare($0)) }
        all.append(("an existing ingress controller with a TLS Secret", try prepare("local", [
            "ingress.type=existing", "ingress.className=traefik", "ingress.tls=secret", "ingress.tlsSecretName=plausible-tls",
            "ingress.hostname=plausible.example.com", "storageClass=local-path",
        ])))
        all.append(("no ingress", try prepare("local", ["ingress.type=none"])))
        all.append(("gcp with a TLS Secret", try prepare("gcp", ["ingress.tls=secret", "ingress.tlsSecretName=plausible-tls"])))
        all.append(("gcp without TLS", try prepare("gcp", ["ingress.tls=none"])))
        all.append(("the operator's environment Secret, with mail and a user", try prepare(
            "aws-managed", ["plausible.existingSecret=plausible-own-env"] + mailWithUser)))
        all.append(("managed ClickHouse, mail with a user, PostgreSQL without TLS", try prepare(
            "aws-managed", managedClickHouse + mailWithUser + [
                "postgresql.sslmode=disable", "release=analytics", "namespace=web-analytics", "kubeContext=arn:aws:eks:us-east-1:123456789012:cluster/prod",
            ],
            secrets: ["clickhouse.password": "ch/Cloud:p@ss#1", "email.password": "smtp-Password-1"])))
        all.append(("everything managed, in the operator's Secret", try prepare(
            "aws-managed", managedClickHouse + ["plausible.existingSecret=plausible-own-env"])))
        all.append(("mail without login on port 465, registration closed", try prepare("local", [
            "email.enabled=true", "email.host=smtp.example.com", "email.port=465", "email.from=plausible@example.com",
            "plausible.registration=closed",
        ])))
        all.append(("registration open, a CA Secret of its own", try prepare(
            "aws-managed", ["plausible.registration=open", "postgresql.caSecret=rds-global-bundle"])))
        all.append(("Cloud SQL through the Auth Proxy, ha", try cloudSQLProxy(["sizing=ha"])))
        return all
    }

    /// Plausible on Google Cloud through the Cloud SQL Auth Proxy (no host to give: the proxy's Service is it).
    public static func cloudSQLProxy(_ sets: [String] = []) throws -> PreparedBundle {
        try TestProject.prepare(
            app: "plausible", preset: "gcp-managed",
            sets: [
                "ingress.hostname=plausible.example.com", "postgresql.connection=cloud-sql-proxy",
                "postgresql.cloudSQL.instance=example-project:europe-west1:analytics",
                "postgresql.cloudSQL.serviceAccount=cloudsql-client@example-project.iam.gserviceaccount.com",
            ] + sets,
            secrets: fixture.openSecrets["gcp-managed"] ?? [:], outputDirectory: "/nonexistent/rigger-test", seed: "rigger-tests")
    }

    /// A bundle file parsed as YAML documents (maps), the rigger header comment skipped.
    public static func documents(_ bundle: RiggerCore.Bundle, _ path: String) throws -> [[String: Any]] {
        let text = try XCTUnwrap(bundle[path]?.contents, "\(path) is missing")
        return try Yams.load_all(yaml: text).compactMap { $0 as? [String: Any] }
    }

    /// The Kubernetes objects under manifests/ (the charts' values files left out).
    public static func manifestObjects(_ bundle: RiggerCore.Bundle) throws -> [(path: String, object: [String: Any])] {
        try bundle.paths.filter { $0.hasPrefix("manifests/") && !$0.hasSuffix(".values.yaml") }.flatMap { path in
            try documents(bundle, path).map { (path, $0) }
        }
    }

    /// values.yaml as a map.
    public static func values(_ prepared: PreparedBundle) throws -> [String: Any] {
        try XCTUnwrap(try documents(prepared.bundle, "values.yaml").first)
    }

    /// The `stringData` of a Secret file, or nil when the bundle doesn't write it.
    public static func secretData(_ prepared: PreparedBundle, _ file: String) throws -> [String: String]? {
        guard prepared.bundle["secrets/\(file)"] != nil else { return nil }
        let manifest = try XCTUnwrap(try documents(prepared.bundle, "secrets/\(file)").first)
        return manifest["stringData"] as? [String: String]
    }

    /// The value at a dotted path of maps.
    public static func value(_ map: [String: Any], _ path: String) -> Any? {
        var current: Any? = map
        for part in path.split(separator: ".") { current = (current as? [String: Any])?[String(part)] }
        return current
    }
}
