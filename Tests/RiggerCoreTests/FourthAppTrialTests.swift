import Foundation
import RiggerCore
import RiggerTestSupport
import XCTest

/// A throwaway fourth app, to hold the seam to what adding an app should take: a chart, a few
/// common questions, one Secret, and the README sections that are its own; the core writes the
/// rest of its bundle's README as it does for every app.
private struct TrialApp: AppDefinition {
    var id: String { "trial" }
    var title: String { "Trial" }
    var summary: String { "a throwaway app with one Secret" }
    var chart: ChartReference {
        ChartReference(name: "trial", version: "1.2.0", appVersion: "2.0.0", source: .repository(name: "trial", url: "https://charts.example.com"))
    }
    var questions: [Question] {
        [CommonQuestions.cloud]
            + CommonQuestions.cluster(
                app: "Trial", id: "trial", chartVersion: "1.2.0", chartHelp: "The trial chart's version.", imageTag: "2.0.0", imageExample: "2.0.0")
            + CommonQuestions.ingress(app: "Trial", id: "trial", nginxLabel: "ingress-nginx", letsencryptLabel: "Let's Encrypt")
            + [Question(key: "trial.apiKey", title: "API key", help: "The key Trial signs its sessions with.",
                kind: .secret(SecretPolicy(length: 32)), step: .cluster)]
    }
    var secretFiles: [SecretFileSpec] {
        [SecretFileSpec(fileName: "trial.secret.yaml", component: "trial", naming: .releasePrefixed("trial"), entries: [
            SecretDataEntry("api-key", .secret("trial.apiKey", optional: false)),
        ])]
    }
    var upgradeRules: UpgradeRules { UpgradeRules(volumeKeys: [], rotationWarnings: [:], dataStores: "nothing") }

    /// The floor the cluster probe, `rigger check` and 00-preflight.sh all hold the cluster to.
    func minimumKubernetesMinor(_ answers: ResolvedAnswers) -> Int? { 28 }

    func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> RiggerCore.Bundle {
        try RiggerCore.Bundle(assembling: try parts(answers, secrets: secrets), app: self, answers: answers, secrets: secrets)
    }

    /// All the rendering code the app has: its values, its facts for the scripts and its own
    /// README section. The core writes every file from them.
    func parts(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> BundleParts {
        let read = PlanReader(answers: answers)
        let cluster = try ClusterPlan(read)
        let ingress = try IngressPlan(read)
        let references = SecretReferences(specs: secretFiles, release: cluster.release, secrets: secrets)
        var values = YAMLTree.emptyMap
        values.set("existingSecret", .string(references.manifests.first?.name ?? ""))
        var readme = ReadmeParts(
            title: title, chart: "trial Helm chart \(cluster.chartVersion)", cluster: cluster, ingress: ingress, secrets: references, images: [],
            advisories: advisoryTable, valuesNote: "No secret is in it; the chart reads the API key from its Secret.",
            regenerating: .init(upgradeKey: "image.tag", resumeFrom: "40"))
        readme.overview = ["## What runs where", "", "- Trial: one Deployment, no volume.", ""]
        readme.secretPurposes = ["trial.secret.yaml": "the API key Trial signs its sessions with"]
        return BundleParts(
            values: values, valuesChart: ["Trial Helm values,"], valuesSecretNote: "No secret is in this file.",
            scripts: .init(hasVolumes: false, verify: .init(webService: "\(cluster.release)-trial", webPort: 8080)), readme: readme)
    }
}

/// The trial app without a Kubernetes floor of its own, which the core refuses to guess.
private struct TrialAppWithoutFloor: AppDefinition {
    let trial = TrialApp()
    var id: String { trial.id }
    var title: String { trial.title }
    var summary: String { trial.summary }
    var chart: ChartReference { trial.chart }
    var questions: [Question] { trial.questions }
    var secretFiles: [SecretFileSpec] { trial.secretFiles }
    var upgradeRules: UpgradeRules { trial.upgradeRules }
    func render(_ answers: ResolvedAnswers, secrets: SecretSet) throws -> RiggerCore.Bundle {
        try RiggerCore.Bundle(assembling: try trial.parts(answers, secrets: secrets), app: self, answers: answers, secrets: secrets)
    }
}

final class FourthAppTrialTests: XCTestCase {
    private func prepare(_ sets: [String], app: any AppDefinition = TrialApp()) throws -> PreparedBundle {
        let generator = BundleGenerator(registry: AppRegistry(app), presets: PresetLibrary(directories: []), environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "trial")
        let request = GenerationRequest(app: "trial", setArguments: ["cloud=other"] + sets, outputDirectory: "/nonexistent/rigger-trial")
        return try generator.prepare(request, generator: &random)
    }

    /// Given parts only, the trial app's bundle has what every bundle has: its answers, values and
    /// Secret, the six scripts and install.sh, and the README; with Traefik, the values the
    /// prerequisites install it with, which the app never names.
    func testAFourthAppGivesPartsAndTheCoreWritesEveryFile() throws {
        let traefik = try prepare(["ingress.type=traefik", "ingress.tls=none", "ingress.hostname=trial.example.com"])
        XCTAssertEqual(traefik.bundle.paths, [
            "README.md", "install.sh", TraefikAddOns.valuesPath, "rigger.yaml",
            "scripts/00-preflight.sh", "scripts/10-namespace.sh", "scripts/20-secrets.sh", "scripts/30-prerequisites.sh",
            "scripts/40-install.sh", "scripts/50-verify.sh", "secrets/trial.secret.yaml", "values.yaml",
        ])
        let prerequisites = try XCTUnwrap(traefik.bundle["scripts/30-prerequisites.sh"]?.contents)
        XCTAssertTrue(prerequisites.contains("-f \(TraefikAddOns.valuesPath)"), prerequisites)
        XCTAssertTrue(prerequisites.contains("helm_context=()"), "the chart install's helper is defined:\n\(prerequisites)")
        XCTAssertFalse(prerequisites.contains("apply_manifest()"), "no manifest to apply, no helper for it:\n\(prerequisites)")
        XCTAssertTrue(try XCTUnwrap(traefik.bundle["README.md"]?.contents).contains("  - `\(TraefikAddOns.valuesPath)`: the values of the Traefik chart"))
        XCTAssertTrue(try XCTUnwrap(traefik.bundle["rigger.yaml"]?.contents).contains("`rigger explain --app trial KEY`"))
        XCTAssertTrue(try XCTUnwrap(traefik.bundle["scripts/00-preflight.sh"]?.contents).contains("-lt 28 ]"), "the seam's floor is the preflight's")

        let letsencrypt = try prepare([
            "ingress.type=nginx", "ingress.tls=letsencrypt", "ingress.letsencryptEmail=ops@example.com", "ingress.hostname=trial.example.com",
        ])
        let issuer = try XCTUnwrap(letsencrypt.bundle[IngressAddOns.clusterIssuerPath]?.contents)
        XCTAssertTrue(issuer.contains("name: trial-letsencrypt\n") && issuer.contains("app.kubernetes.io/part-of: trial\n"), issuer)
        for path in [IngressAddOns.ingressNginxValuesPath, IngressAddOns.certManagerValuesPath] {
            XCTAssertNotNil(letsencrypt.bundle[path], "\(path) is missing from \(letsencrypt.bundle.paths)")
        }
        XCTAssertTrue(try XCTUnwrap(letsencrypt.bundle["scripts/30-prerequisites.sh"]?.contents).contains("apply_manifest \(IngressAddOns.clusterIssuerPath)"))
    }

    /// The scripts the core writes for the trial app are shellcheck-clean, with and without add-ons.
    func testTheTrialAppsScriptsAreShellcheckClean() throws {
        let shellcheck = try TestTools.require("shellcheck")
        for sets in [
            ["ingress.type=traefik", "ingress.tls=letsencrypt", "ingress.letsencryptEmail=ops@example.com", "ingress.hostname=trial.example.com"],
            ["ingress.type=none"],
        ] {
            let prepared = try prepare(sets)
            let folder = try TestProject.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try TestProject.materialize(prepared.bundle, in: folder)
            let scripts = prepared.bundle.paths.filter { $0.hasSuffix(".sh") }
            let checked = try runProgram(shellcheck, ["--severity=style", "--shell=bash"] + scripts, directory: folder)
            XCTAssertEqual(checked.status, 0, "\(sets): shellcheck:\n\(checked.output)\(checked.error)")
        }
    }

    /// An app that names no Kubernetes floor gets no bundle: the preflight would have to guess one
    /// the cluster probe doesn't check.
    func testAnAppWithoutAKubernetesFloorIsRefused() throws {
        XCTAssertThrowsError(try prepare(["ingress.type=none"], app: TrialAppWithoutFloor())) { error in
            XCTAssertEqual(error as? BundleAssemblyError, .noKubernetesMinimum(app: "trial"))
        }
    }

    /// Generated through the command line's path (the generator over a registry), the trial app's
    /// README has every common section, its own section among them, and no secret value.
    func testAFourthAppsReadmeHasTheCommonSectionsWithoutReadmeCodeOfItsOwn() throws {
        let registry = AppRegistry(TrialApp())
        let generator = BundleGenerator(registry: registry, presets: PresetLibrary(directories: []), environment: [:], now: TestProject.fixedNow)
        var random = SeededSecretGenerator(seed: "trial")
        let request = GenerationRequest(
            app: "trial", setArguments: ["cloud=other", "ingress.type=traefik", "ingress.tls=none", "ingress.hostname=trial.localhost"],
            outputDirectory: "/nonexistent/rigger-trial")
        let prepared = try generator.prepare(request, generator: &random)
        let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
        let apiKey = try XCTUnwrap(prepared.secrets["trial.apiKey"]?.value)

        XCTAssertTrue(readme.hasPrefix("# Trial install bundle\n\nGenerated by rigger \(Rigger.version) from the answers in `rigger.yaml`, "
            + "for the trial Helm chart 1.2.0, release `trial` in namespace `trial`.\n"), readme)
        for expected in [
            "## What runs where\n\n- Trial: one Deployment, no volume.\n\n## Answers\n",
            "| `ingress.hostname` | `trial.localhost` |",
            "- `trial.apiKey`: set, 32 characters",
            "## Files\n\n- `values.yaml`: the Helm values. No secret is in it; the chart reads the API key from its Secret.",
            "  - `secrets/trial.secret.yaml`: Secret `trial-trial` (`api-key`): the API key Trial signs its sessions with",
            "  - `00-preflight.sh`: kubectl, helm, the kube context",
            "  - `40-install.sh`: `helm upgrade --install` of chart 1.2.0",
            "  - `50-verify.sh`: waits for the rollouts, shows " + LocalhostAccess.verifySummary,
            "- `rigger.yaml`: every answer, so that the bundle can be regenerated exactly.",
            "## Images\n",
            "## Next\n\n1. On a host whose kubectl and helm reach the cluster, run `./install.sh`.",
            "## Before every upgrade: regenerate\n",
            "rigger generate --out <this folder> --set image.tag=NEW\n./install.sh --from 40\n",
            "The release name and namespace must stay the same, and volumes can grow but never shrink.\n",
        ] {
            XCTAssertTrue(readme.contains(expected), "the trial app's README lacks \(expected.debugDescription):\n\(readme)")
        }
        // The file list is the bundle's: every script it writes, and no file it doesn't.
        for script in prepared.bundle.paths where script.hasPrefix("scripts/") {
            XCTAssertTrue(readme.contains("  - `\(script.dropFirst("scripts/".count))`: "), "\(script) is not listed:\n\(readme)")
        }
        XCTAssertFalse(readme.contains("post-render"), readme)
        XCTAssertFalse(readme.contains(apiKey), "the README shows the API key")
    }
}
