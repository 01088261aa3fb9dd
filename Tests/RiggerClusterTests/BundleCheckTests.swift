import Foundation
import RiggerApps
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// `rigger check DIR` on real bundles: the venv's real Helm renders the real chart (a local copy
/// through RIGGER_CHART, as on a host without internet) through the bundle's post-renderer, while
/// stand-ins replay the recorded clusters for what needs one.
final class BundleCheckTests: XCTestCase {
    override func setUpWithError() throws {
        _ = try ProjectPaths.requireExecutable()
        _ = try TestTools.require("helm")
        _ = try XCTUnwrap(TestTools.path("kubectl"), "kubectl (with its built-in kustomize) runs the post-renderer")
    }

    /// A bundle written into the stand-in cluster's folder, with `edit` applied to its values.yaml.
    private func write(_ prepared: PreparedBundle, in cluster: StandInCluster, editValues: (String) -> String = { $0 }) throws -> URL {
        let folder = cluster.folder.appendingPathComponent("bundle")
        try TestProject.materialize(prepared.bundle, in: folder)
        let values = folder.appendingPathComponent("values.yaml")
        try Data(editValues(try String(contentsOf: values, encoding: .utf8)).utf8).write(to: values)
        return folder
    }

    private func check(_ folder: URL, _ cluster: StandInCluster, offline: Bool = false, localChart: Bool = true) throws -> ProgramResult {
        var environment = cluster.environment
        if localChart { environment["RIGGER_CHART"] = try TestTools.chart("posthog").path }
        return try runProgram(TestProject.executable.path, ["check", folder.path] + (offline ? ["--offline"] : []), environment: environment)
    }

    private static let acceptanceAnswers = [
        "ingress.hostname=posthog.example.com", "ingress.letsencryptEmail=ops@example.com", "storageClass=gp3", "ingress.installCertManager=false",
    ]

    func testAGoodBundleCanGoAheadWithoutACluster() throws {
        let cluster = try StandInCluster(scenario: "eks", realHelm: true)
        let folder = try write(try TestProject.presetBundle("local"), in: cluster)
        let result = try check(folder, cluster, offline: true)
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("rendered with helm v3.17.3, chart posthog 30.46.0 from RIGGER_CHART="), result.output)
        XCTAssertTrue(result.output.contains("through the bundle's post-renderer"), result.output)
        XCTAssertTrue(result.output.contains("nothing was read from the cluster: probing is off (--offline)"), result.output)
        XCTAssertTrue(result.output.hasSuffix("The install can go ahead.\n"), result.output)
        XCTAssertFalse(cluster.calls.contains { $0.hasPrefix("kubectl get") || $0.hasPrefix("helm list") }, "--offline reads nothing")
    }

    /// Debian bookworm's kubectl 1.20 on the bastion: its kustomize can't read the post-renderer's
    /// kustomization, and check says so in 00-preflight.sh's words before Helm renders anything.
    func testAKubectlTooOldForThePostRendererStopsTheCheckNamingWhatItNeeds() throws {
        let cluster = try StandInCluster(scenario: "old-kubectl eks", realHelm: true)
        let folder = try write(try TestProject.presetBundle("local"), in: cluster)
        let result = try check(folder, cluster, offline: true)
        XCTAssertNotEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue((result.output + result.error).contains(
            "the bundle's post-renderer needs kubectl 1.22 or newer, whose built-in kustomize (v4.2.0 or newer) reads the bundle's kustomization; this kubectl is 1.20"),
            result.output + result.error)
        XCTAssertFalse(cluster.calls.contains { $0.hasPrefix("helm template") }, "nothing is rendered with it")
    }

    /// With the secrets in a cloud store, the Secrets the ExternalSecrets make count as the bundle's,
    /// and a cluster without the External Secrets Operator (or a ClusterSecretStore not Ready) stops
    /// the install.
    func testACloudStoresBundleNeedsTheOperatorAndAReadyStore() throws {
        let store = ["secrets.store=aws-secrets-manager", "secrets.aws.region=us-east-1"]
        let ready = try StandInCluster(scenario: "secret-stores eks", realHelm: true)
        let good = try write(try TestProject.prepare(preset: "aws", sets: Self.acceptanceAnswers + store + ["secrets.clusterSecretStore=aws-shared"]), in: ready)
        let passed = try check(good, ready)
        XCTAssertEqual(passed.status, 0, passed.output + passed.error)
        XCTAssertTrue(ready.calls.contains { $0.hasPrefix("kubectl get customresourcedefinitions externalsecrets.external-secrets.io -o json") }, ready.calls.joined(separator: "\n"))

        let missing = try StandInCluster(scenario: "no-external-secrets eks", realHelm: true)
        let bundle = try write(try TestProject.prepare(preset: "aws", sets: Self.acceptanceAnswers + store + ["secrets.aws.serviceAccount=posthog-secrets"]), in: missing)
        let stopped = try check(bundle, missing)
        XCTAssertEqual(stopped.status, 1, stopped.output + stopped.error)
        XCTAssertTrue(stopped.output.contains("the External Secrets Operator is not installed in this cluster"), stopped.output)
        XCTAssertFalse(stopped.output.contains("neither"), "every Secret the chart reads comes from an ExternalSecret: " + stopped.output)
    }

    /// The operator's own values.local.yaml is rendered after values.yaml, as 40-install.sh passes
    /// it: an override that breaks the chart is found by check, not by the install.
    func testTheOperatorsOwnValuesAreRenderedAfterTheBundles() throws {
        let cluster = try StandInCluster(scenario: "eks", realHelm: true)
        let folder = try write(try TestProject.presetBundle("local"), in: cluster)
        try Data("web:\n  replicacount: 3\n".utf8).write(to: folder.appendingPathComponent(BundleFile.operatorValuesPath))
        let result = try check(folder, cluster, offline: true)
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("with your values.local.yaml after values.yaml"), result.output)
        XCTAssertTrue(cluster.calls.contains { $0.hasPrefix("helm template") && $0.contains("-f values.yaml -f values.local.yaml") }, cluster.calls.joined(separator: "\n"))

        try Data("web: [not, a, map]\n".utf8).write(to: folder.appendingPathComponent(BundleFile.operatorValuesPath))
        XCTAssertNotEqual(try check(folder, cluster, offline: true).status, 0, "a broken override is a render error")
    }

    func testABundleThatFitsTheClusterPassesItsServerSideDryRun() throws {
        let cluster = try StandInCluster(scenario: "eks", realHelm: true)
        let folder = try write(try TestProject.prepare(preset: "aws", sets: Self.acceptanceAnswers), in: cluster)
        let result = try check(folder, cluster)
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertTrue(result.output.contains("cluster: arn:aws:eks:us-east-1:123456789012:cluster/prod (the current context), Kubernetes 1.29"), result.output)
        XCTAssertTrue(result.output.contains("new install: no release posthog in namespace posthog"), result.output)
        XCTAssertTrue(result.output.contains("Helm's server-side dry run passed"), result.output)
        XCTAssertTrue(cluster.calls.contains { $0.hasPrefix("helm upgrade --install posthog ") && $0.hasSuffix(" --dry-run=server") }, cluster.calls.joined(separator: "\n"))
    }

    func testValuesBrokenByHandAreReportedWithHelmsError() throws {
        let cluster = try StandInCluster(scenario: "eks", realHelm: true)
        let folder = try write(try TestProject.presetBundle("local"), in: cluster) { values in
            values.replacingOccurrences(of: "cloud: other\n", with: "")
        }
        let result = try check(folder, cluster, offline: true)
        XCTAssertEqual(result.status, 1, result.output + result.error)
        XCTAssertTrue(result.output.contains(
            "  - helm could not render the chart with values.yaml: execution error at (posthog/templates/"), result.output)
        XCTAssertTrue(result.output.contains("'cloud' value is required"), result.output)
        XCTAssertTrue(result.output.hasSuffix("The install cannot go ahead: 1 problem above.\n"), result.output)
    }

    func testASecretNobodyProvidesIsNamedWithWorkloadSecretAndKey() throws {
        let cluster = try StandInCluster(scenario: "eks", realHelm: true)
        let prepared = try TestProject.prepare(preset: "local", sets: ["postgresql.existingSecret=pg-auth"])
        let folder = try write(prepared, in: cluster)
        let result = try check(folder, cluster)
        XCTAssertEqual(result.status, 1, result.output + result.error)
        // The report wraps a long problem; read it unwrapped. Every reader is named, none left as "and 4 more".
        let unwrapped = result.output.replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(unwrapped.contains(
            "read Secret pg-auth key postgresql-password: neither the chart, the bundle nor the cluster provides it"), result.output)
        XCTAssertTrue(unwrapped.contains("Deployment/posthog-events, Deployment/posthog-pgbouncer, Deployment/posthog-plugins, "), result.output)
        XCTAssertFalse(unwrapped.contains(" more read Secret pg-auth"), result.output)

        // Without the cluster, a Secret the operator named is left to 00-preflight.sh, and said so.
        let offline = try check(folder, cluster, offline: true)
        XCTAssertEqual(offline.status, 0, offline.output)
        XCTAssertTrue(offline.output.contains("the Secrets you named (pg-auth) were not looked for in the cluster (probing is off (--offline)); 00-preflight.sh checks them"), offline.output)
    }

    func testAnUpgradeShowsWhatChangesWithSecretValuesMasked() throws {
        let cluster = try StandInCluster(scenario: "upgrade", realHelm: true)
        let folder = try write(try TestProject.presetBundle("local"), in: cluster)
        let result = try check(folder, cluster)
        XCTAssertEqual(result.status, 0, "the cluster's ingress-nginx is used, as 30-prerequisites.sh uses it: \(result.output)")
        XCTAssertTrue(result.output.contains("  upgrade: release posthog in namespace posthog has chart posthog-30.40.0 (app 1.43.0), revision 3, deployed"), result.output)
        XCTAssertFalse(result.output.contains("a second copy would clash"), result.output)
        XCTAssertTrue(result.output.contains("== values: release posthog (helm get values) -> values.yaml =="), result.output)
        XCTAssertTrue(result.output.contains("  ~ image.tag: release-1.42.0 -> release-1.43.0"), result.output)
        XCTAssertTrue(result.output.contains("  - postgresql.postgresqlPassword: (may be secret, masked)"), result.output)
        XCTAssertTrue(result.output.contains("  ~ cloud: aws -> other"), result.output)
        XCTAssertFalse(result.output.contains("hunter2"), "a secret value of the old install was shown")
        XCTAssertTrue(result.output.contains("== helm diff upgrade ==\nposthog, posthog-web, Deployment (apps) has changed:"), result.output)
    }

    /// A cluster whose IngressClass nginx is served by ingress-nginx 1.1.0 (and whose cert-manager
    /// is v1.6.1): the install can go ahead, with the advisories of what it would use as warnings.
    func testAClustersOldControllerIsWarnedWithItsAdvisories() throws {
        let cluster = try StandInCluster(scenario: "old-controllers", realHelm: true)
        let folder = try write(try TestProject.prepare(preset: "aws", sets: Self.acceptanceAnswers + ["ingress.type=nginx"]), in: cluster)
        let result = try check(folder, cluster)
        XCTAssertEqual(result.status, 0, result.output + result.error)
        let warnings = try XCTUnwrap(result.output.components(separatedBy: "Warnings:\n").dropFirst().first, result.output)
        XCTAssertTrue(warnings.hasPrefix("  - ingress.type: 'nginx': the controller of the IngressClass nginx (release nginx-ingress in namespace kube-system) "
            + "runs ingress-nginx 1.1.0, which 7 known advisories affect: CVE-2025-1974 (critical)"), result.output)
        XCTAssertTrue(warnings.contains("  - ingress.installCertManager: 'false': the cert-manager in the cluster"), result.output)
        XCTAssertTrue(result.output.hasSuffix("The install can go ahead.\n"), result.output)
    }

    /// With a Gateway: one whose listeners admit no route from the namespace stops the install,
    /// one that admits them lets it go ahead (the stand-in cluster `gateway`, see ClusterGatewayTests).
    func testAGatewayThatAdmitsNoRouteFromTheNamespaceStopsTheInstall() throws {
        let gateway = ["ingress.hostname=posthog.example.com", "storageClass=gp3", "ingress.type=gateway", "ingress.tls=gateway",
                       "ingress.gateway.namespace=gateway-infra"]
        let cluster = try StandInCluster(scenario: "gateway eks", realHelm: true)
        let refused = try check(try write(try TestProject.prepare(preset: "aws", sets: gateway + ["ingress.gateway.name=internal"]), in: cluster), cluster)
        XCTAssertEqual(refused.status, 1, refused.output + refused.error)
        XCTAssertTrue(refused.output.contains("no listener of the Gateway gateway-infra/internal (class istio) admits HTTPRoutes from namespace posthog"), refused.output)
        let admitted = try check(try write(try TestProject.prepare(preset: "aws", sets: gateway + ["ingress.gateway.name=shared"]), in: cluster), cluster)
        XCTAssertEqual(admitted.status, 0, admitted.output + admitted.error)
        XCTAssertTrue(admitted.output.hasSuffix("The install can go ahead.\n"), admitted.output)
    }

    /// The chart source and post-renderer arguments are the ones 40-install.sh builds: from
    /// RIGGER_CHART, from the Helm repository, and for Helm 4's plugin.
    func testTheChartIsFoundAndPostRenderedAs40InstallDoes() throws {
        let local = try TestTools.chart("posthog").path
        for (scenario, chart) in [("eks", local), ("helm-repo eks", nil), ("helm4 helm-repo eks", nil)] {
            let cluster = try StandInCluster(scenario: scenario, realHelm: true)
            let folder = try write(try TestProject.presetBundle("local"), in: cluster)
            var environment = cluster.environment
            if let chart { environment["RIGGER_CHART"] = chart }
            _ = try runProgram(TestProject.executable.path, ["check", "--offline", folder.path], environment: environment)
            let install = try runProgram("bash", [folder.appendingPathComponent("scripts/40-install.sh").path], environment: environment)
            XCTAssertEqual(install.status, 0, "\(scenario): \(install.error)")
            let calls = cluster.calls
            let rendered = try XCTUnwrap(calls.first { $0.hasPrefix("helm template posthog ") }, calls.joined(separator: "\n"))
            let installed = try XCTUnwrap(calls.first { $0.hasPrefix("helm upgrade --install posthog ") }, calls.joined(separator: "\n"))
            XCTAssertEqual(
                chartArguments(rendered, after: "helm template posthog "), chartArguments(installed, after: "helm upgrade --install posthog "),
                "\(scenario):\n\(rendered)\n\(installed)")
            XCTAssertEqual(calls.filter { $0.hasPrefix("helm repo add") }.count, chart == nil ? 2 : 0, "\(scenario): both add the repository")
        }
    }

    /// The chart, its version and the post-renderer in a helm command line, with HELM_PLUGINS when set.
    private func chartArguments(_ call: String, after prefix: String) -> String {
        let rest = call.dropFirst(prefix.count)
        let chart = rest.components(separatedBy: " --namespace ").first ?? ""
        let plugins = call.components(separatedBy: " [HELM_PLUGINS=").dropFirst().first.map { " [HELM_PLUGINS=" + $0 } ?? ""
        return chart + plugins
    }

    func testAFolderThatIsNoBundleIsAUsageError() throws {
        let cluster = try StandInCluster(scenario: "eks")
        let result = try runProgram(TestProject.executable.path, ["check", cluster.folder.path], environment: cluster.environment)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.error.contains("holds no rigger.yaml: it is not a rigger bundle"), result.error)
    }
}
