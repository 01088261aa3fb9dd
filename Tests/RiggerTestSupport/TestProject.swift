import Foundation
import RiggerApps
import RiggerCore
import XCTest

/// Paths and builders shared by the tests.
public enum TestProject {
    /// The checkout.
    public static let root = ProjectPaths.root
    /// The folder that holds the fixtures and golden bundles every test target reads.
    public static let testsFolder = root.appendingPathComponent("Tests/RiggerCoreTests")
    /// Fixtures derived from the charts, recorded clusters and earlier releases' bundles.
    public static let fixtures = testsFolder.appendingPathComponent("Fixtures")
    /// The reviewed bundles of every app's presets.
    public static let golden = testsFolder.appendingPathComponent("Golden")
    /// The checkout's presets.
    public static let presets = PresetLibrary(directories: [root.appendingPathComponent("presets").path])

    /// The built rigger executable, next to the test bundle.
    public static var executable: URL { ProjectPaths.executable }

    /// The clock every in-memory test generation uses, so that first-generation answers repeat.
    public static let fixedNow = Date(timeIntervalSince1970: 1_790_000_000)

    /// Every app's presets and what each leaves open; each app's fixture is in a file of its own.
    public static let appFixtures: [AppTestFixture] = [.postHog, .plausible, .helicone]

    /// PostHog's: the presets most tests use.
    public static var openAnswers: [String: [String]] { AppTestFixture.postHog.openAnswers }
    public static var openSecrets: [String: [String: String]] { AppTestFixture.postHog.openSecrets }
    public static var presetNames: [String] { AppTestFixture.postHog.presets }

    /// Runs the built rigger as an operator would, with the checkout's presets; `environment`
    /// adds to (or, with an empty value, overrides) the test's own.
    public static func runRigger(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramResult {
        var merged = ProcessInfo.processInfo.environment
        merged["RIGGER_PRESETS"] = root.appendingPathComponent("presets").path
        for (key, value) in environment { merged[key] = value }
        return try runProgram(executable.path, arguments, environment: merged)
    }

    /// A bundle prepared in memory with seeded secrets.
    public static func prepare(
        app: String? = nil, preset: String?, sets: [String] = [], secrets: [String: String] = [:],
        outputDirectory: String = "/nonexistent/rigger-test", seed: String = "rigger-tests"
    ) throws -> PreparedBundle {
        let generator = BundleGenerator(registry: .standard, presets: presets, environment: [:], now: fixedNow)
        var random = SeededSecretGenerator(seed: seed)
        let request = GenerationRequest(app: app, preset: preset, setArguments: sets, wizardSecrets: secrets, outputDirectory: outputDirectory)
        return try generator.prepare(request, generator: &random)
    }

    /// The bundle for one of an app's presets with its open answers and secrets supplied.
    public static func presetBundle(_ name: String, of fixture: AppTestFixture = .postHog) throws -> PreparedBundle {
        try prepare(app: fixture.app, preset: name, sets: fixture.openAnswers[name] ?? [], secrets: fixture.openSecrets[name] ?? [:])
    }

    /// The aws-managed bundle with every secret read from a Secret already in the cluster, and
    /// every service managed, so that the bundle writes no Secret at all.
    public static func existingSecretsBundle() throws -> PreparedBundle {
        try prepare(preset: "aws-managed", sets: openAnswers["aws-managed"]! + [
            "posthog.existingSecret=posthog-django", "postgresql.existingSecret=rds-credentials", "postgresql.existingSecretKey=password",
            "redis.existingSecret=elasticache-auth", "redis.existingSecretKey=auth-token", "clickhouse.mode=managed",
            "clickhouse.host=ch.example.com", "clickhouse.existingSecret=clickhouse-cloud", "objectStorage.mode=managed",
            "objectStorage.endpoint=https://s3.us-east-1.amazonaws.com", "objectStorage.bucket=posthog-data", "objectStorage.existingSecret=s3-keys",
            "email.enabled=true", "email.host=smtp.example.com", "email.user=AKIAEXAMPLE", "email.from=posthog@example.com",
            "email.existingSecret=ses-smtp", "email.existingSecretKey=password",
        ])
    }

    /// Variants that between them write every branch of the renderer.
    public static func postHogVariants() throws -> [(String, PreparedBundle)] {
        var all = try presetNames.map { ($0, try presetBundle($0)) }
        all.append(("every dependency in the cluster, with MinIO and Let's Encrypt", try prepare(preset: "aws", sets: openAnswers["aws"]! + [
            "objectStorage.mode=in-cluster", "email.enabled=true", "email.host=smtp.example.com", "email.user=posthog",
            "email.from=posthog@example.com",
        ], secrets: ["email.password": "smtp-Password-1"])))
        all.append(("everything managed", try prepare(preset: "aws-managed", sets: openAnswers["aws-managed"]!.filter { !$0.hasPrefix("ingress.letsencryptEmail") } + [
            "clickhouse.mode=managed", "clickhouse.host=ch.example.com", "clickhouse.secure=true", "clickhouse.verify=true",
            "objectStorage.mode=managed", "objectStorage.endpoint=https://s3.us-east-1.amazonaws.com", "objectStorage.bucket=posthog-data",
            "objectStorage.region=us-east-1", "email.enabled=true", "email.host=smtp.example.com", "email.user=AKIAEXAMPLE",
            "email.from=posthog@example.com", "kafka.tls=true", "ingress.type=existing", "ingress.tls=secret",
            "ingress.tlsSecretName=posthog-tls", "ingress.className=traefik", "storageClass=gp3", "release=analytics",
            "namespace=analytics", "kubeContext=arn:aws:eks:us-east-1:123456789012:cluster/prod",
        ])))
        all.append(("minio and secret tls on gcp", try prepare(preset: "gcp", sets: [
            "ingress.hostname=posthog.example.com", "objectStorage.mode=in-cluster", "ingress.tls=secret",
            "ingress.tlsSecretName=posthog-tls", "storageClass=standard-rwo", "email.enabled=true", "email.host=smtp.example.com",
            "email.from=posthog@example.com",
        ])))
        all.append(("existing Secrets for managed services", try existingSecretsBundle()))
        all.append(("existing Secrets in the cluster", try prepare(preset: "gcp", sets: [
            "ingress.hostname=posthog.example.com", "objectStorage.mode=in-cluster", "postgresql.existingSecret=pg-auth",
            "redis.existingSecret=redis-auth", "clickhouse.existingSecret=ch-auth", "clickhouse.existingSecretKey=admin-password",
            "objectStorage.existingSecret=minio-root",
        ])))
        all.append(("no ingress", try prepare(preset: "local", sets: ["ingress.type=none", "redis.mode=managed", "redis.host=10.0.0.5", "redis.auth=false"])))
        all.append(("Cloud SQL through the Auth Proxy, Memorystore, ha", try cloudSQLProxyBundle()))
        all.append(("RDS with TLS required, ElastiCache without a CA of its own", try prepare(
            preset: "aws-managed", sets: openAnswers["aws-managed"]! + ["postgresql.sslmode=require", "release=analytics"],
            secrets: AppTestFixture.postHog.openSecrets["aws-managed"] ?? [:])))
        return all
    }

    /// PostHog on Google Cloud through the Cloud SQL Auth Proxy over the public IP, with
    /// passwords holding every character a URL reserves.
    public static func cloudSQLProxyBundle(privateIP: Bool = false) throws -> PreparedBundle {
        try prepare(
            preset: "gcp-managed",
            sets: [
                "ingress.hostname=posthog.example.com", "postgresql.connection=cloud-sql-proxy",
                "postgresql.cloudSQL.instance=example-project:europe-west1:analytics", "postgresql.cloudSQL.privateIP=\(privateIP)",
                "postgresql.cloudSQL.serviceAccount=cloudsql-client@example-project.iam.gserviceaccount.com", "redis.host=10.30.0.4",
                "sizing=ha", "release=analytics", "namespace=product-analytics",
            ],
            secrets: ["postgresql.password": reservedCharactersPassword, "redis.password": reservedCharactersPassword])
    }

    /// A password with every character a URL reserves, and a quote and a space.
    public static let reservedCharactersPassword = "p@ss:w/rd?#[]%&+= x'1"

    /// A new empty temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rigger-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes a bundle's files as they are (modes included) into a folder, for the validators.
    public static func materialize(_ bundle: RiggerCore.Bundle, in folder: URL) throws {
        for file in bundle.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: Int(file.mode)], ofItemAtPath: url.path)
        }
    }

    /// Lines of a fixture file, without comments and blank lines.
    public static func fixtureLines(_ name: String) throws -> [String] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

/// The result of running a program.
public struct ProgramResult {
    /// The exit status.
    public let status: Int32
    /// What it printed on standard output.
    public let output: String
    /// What it printed on standard error.
    public let error: String
}

/// Runs a program with arguments and returns its exit status and output.
public func runProgram(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil) throws -> ProgramResult {
    let process = Process()
    if executable.hasPrefix("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let stdout = Pipe(), stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = stdout.fileHandleForReading.readDataToEndOfFile()
    let errData = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProgramResult(
        status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
}

/// Whether a program is on PATH.
public func programExists(_ name: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}
