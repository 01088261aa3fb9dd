import Foundation
internal import Yams
import RiggerCore

/// `rigger check DIR`: proves a bundle against the real chart before anything changes. It renders
/// the bundle with the operator's helm and the chart at the pinned version, found and post-rendered
/// as 40-install.sh does; every Secret a workload reads must come from the chart, the bundle, or the
/// cluster (or, when the cluster does not answer, be one the operator named, which 00-preflight.sh
/// checks); every image must still be pullable. When the cluster answers it also runs Helm's
/// server-side dry run, and for a release already installed shows what the upgrade changes.
public struct BundleCheck: Sendable {
    public let directory: String
    public let registry: AppRegistry
    /// Runs helm (and git, for a chart fetched from git); tests stand in for it.
    public let runner: any ToolRunner
    /// The environment the check reads `RIGGER_CHART` from.
    public let environment: [String: String]
    /// Reads the cluster; `ClusterProbe.offline()` checks without it.
    public let probe: ClusterProbe
    /// How long fetching and rendering the chart, and each of Helm's dry runs, may take.
    public var timeout: Duration = .seconds(300)

    public init(directory: String, registry: AppRegistry, runner: any ToolRunner, environment: [String: String], probe: ClusterProbe) {
        self.directory = directory
        self.registry = registry
        self.runner = runner
        self.environment = environment
        self.probe = probe
    }

    /// Checks the bundle; throws only when the folder is no readable bundle.
    public func run() throws(BundleCheckError) -> BundleCheckReport {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.path
        let bundle = try Self.read(folder, registry: registry)
        let answers: ResolvedAnswers
        do {
            answers = try AnswerResolver(catalog: bundle.app.catalog).resolve([bundle.layer])
        } catch {
            throw .unreadable(directory: folder, reason: "rigger.yaml: \(error)")
        }
        let lookup = answers.lookup
        let app = bundle.app
        let release = lookup.text("release") ?? app.id
        let namespace = lookup.text("namespace") ?? app.id
        let kubeContext = lookup.text("kubeContext").flatMap { $0.isEmpty ? nil : $0 }
        let version = lookup.text("chart.version") ?? app.app.chart.version

        var report = BundleCheckReport()
        report.summary.append("rigger check: the \(app.title) bundle in \(folder): release \(release) in namespace \(namespace), chart \(app.app.chart.name) \(version)")
        // The cluster is read while the chart renders.
        let readsStores = (lookup.text(CommonQuestions.secretStoreKey) ?? SecretStoreKind.kubernetes.rawValue) != SecretStoreKind.kubernetes.rawValue
        let probing = probe.start(ClusterProbeTarget(
            kubeContext: kubeContext, namespace: namespace, release: release, readsGateways: lookup.text("ingress.type") == "gateway",
            readsSecretStores: readsStores))

        let source: ChartSource
        do {
            source = try ChartSource.resolve(
                chart: app.app.chart, version: version, bundle: folder, environment: environment, runner: runner, timeout: timeout)
        } catch {
            report.problems.append(error.reason)
            addCluster(probing.waitUntilFinished(), answers: answers, app: app, to: &report)
            return report
        }
        defer { if let checkout = source.temporaryFolder { try? FileManager.default.removeItem(atPath: checkout) } }
        report.summary.append("  rendered with \(source.summary)" + (source.postRenderArguments.isEmpty ? "" : ", through the bundle's post-renderer")
            + (Self.valuesArguments(in: folder).count > 2 ? ", with your \(BundleFile.operatorValuesPath) after values.yaml" : ""))

        let rendered = render(release: release, namespace: namespace, source: source, in: folder, report: &report)
        let facts = probing.waitUntilFinished()
        if let rendered {
            checkSecrets(rendered, app: app, answers: answers, release: release, facts: facts, in: folder, report: &report)
            checkImages(rendered, report: &report)
        }
        addCluster(facts, answers: answers, app: app, to: &report)
        guard facts.clusterAnswered, let rendered else { return report }
        let clusterArguments = ["--namespace", namespace] + Self.valuesArguments(in: folder) + (kubeContext.map { ["--kube-context", $0] } ?? [])
        serverDryRun(release: release, source: source, arguments: clusterArguments, rendered: rendered, facts: facts, in: folder, report: &report)
        if let installed = facts.release?.value ?? nil {
            upgradeChanges(installed, source: source, arguments: clusterArguments, in: folder, report: &report)
        }
        return report
    }

    private static func read(_ folder: String, registry: AppRegistry) throws(BundleCheckError) -> ExistingBundle {
        let found: ExistingBundle?
        do {
            found = try ExistingBundle.read(folder, registry: registry)
        } catch {
            throw .unreadable(directory: folder, reason: "\(error)")
        }
        guard let found else { throw .notABundle(directory: folder) }
        return found
    }

    /// values.yaml, then the operator's own values.local.yaml when the bundle has one, as 40-install.sh passes them.
    static func valuesArguments(in folder: String) -> [String] {
        ["-f", "values.yaml"] + (FileManager.default.fileExists(atPath: folder + "/" + BundleFile.operatorValuesPath) ? ["-f", BundleFile.operatorValuesPath] : [])
    }

    /// `helm template` as the install would render; a failure is the first problem to report.
    private func render(release: String, namespace: String, source: ChartSource, in folder: String, report: inout BundleCheckReport) -> RenderedManifests? {
        let arguments = ["template", release] + source.arguments + ["--namespace", namespace] + Self.valuesArguments(in: folder) + ["--include-crds"]
        switch runner.run(ToolInvocation(.helm, arguments, environment: source.environment, directory: folder), timeout: timeout) {
        case .finished(0, let output, _):
            do {
                return try RenderedManifests(yaml: String(decoding: output, as: UTF8.self))
            } catch {
                report.problems.append("the chart rendered YAML that does not parse: \(error)")
            }
        case .finished(_, _, let error):
            report.problems.append("helm could not render the chart with values.yaml: " + Self.helmError(error))
        case .timedOut:
            report.problems.append("helm could not render the chart within \(Int(timeout.seconds)) s")
        case .notFound:
            report.problems.append("helm is not on PATH")
        case .couldNotStart(let why):
            report.problems.append("helm could not be started: \(why)")
        }
        return nil
    }

    /// Helm's error without its advice lines, on one line.
    static func helmError(_ error: String) -> String {
        error.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Use --debug") }
            .map { $0.hasPrefix("Error: ") ? String($0.dropFirst("Error: ".count)) : $0 }
            .joined(separator: " ")
    }

    private func checkSecrets(
        _ rendered: RenderedManifests, app: AppRegistry.Entry, answers: ResolvedAnswers, release: String, facts: ClusterFacts, in folder: String,
        report: inout BundleCheckReport
    ) {
        var provided = ProvidedSecrets()
        for (name, keys) in rendered.renderedSecrets { provided.add(name, keys: keys, source: .chart) }
        provided.addManifests(Self.manifestTexts(in: folder), source: .bundle)
        let named = SecretReferences(
            specs: app.app.secretFiles, release: release,
            secrets: SecretSet(existing: ExistingSecretReference.named(by: answers, catalog: app.catalog))).existing
        switch facts.secrets {
        case .success(let secrets)?:
            for secret in secrets { provided.add(secret.name, keys: Set(secret.keys), source: .cluster) }
        case .failure(let failure)?:
            for reference in named { provided.add(reference.name, keys: Set(reference.dataKeys), source: .preflight) }
            if !named.isEmpty {
                let names = named.map(\.name).joined(separator: ", ")
                report.notes.append("the Secrets you named (\(names)) were not looked for in the cluster (\(failure)); 00-preflight.sh checks them")
            }
        case nil:
            break
        }
        report.problems += SecretUseProblem.grouped(provided.problems(for: rendered.secretUses))
    }

    private func checkImages(_ rendered: RenderedManifests, report: inout BundleCheckReport) {
        let findings = ImageFinding.findings(rendered.images)
        report.problems += findings.filter(\.isProblem).map(\.description)
        var notes: [String: [String]] = [:]
        var order: [String] = []
        for finding in findings where !finding.isProblem {
            let note: String
            switch finding.kind {
            case .frozen(let notice): note = "\(finding.image) is frozen since \(notice.since): \(notice.what)"
            case .unpinned: note = "\(finding.image) is not pinned to a tag or digest"
            case .unreadable, .retired: note = finding.description
            }
            if notes[note] == nil { order.append(note) }
            notes[note, default: []].append(finding.workload)
        }
        report.notes += order.map { "\($0) (\(notes[$0]?.joined(separator: ", ") ?? ""))" }
    }

    /// The cluster's findings: its conflicts stop the install (the Secrets it names are checked
    /// above); the advisories of what the install uses from the cluster are warned about.
    private func addCluster(_ facts: ClusterFacts, answers: ResolvedAnswers, app: AppRegistry.Entry, to report: inout BundleCheckReport) {
        let findings = ClusterFindings(facts: facts, answers: answers, app: app)
        if let version = facts.version?.value {
            let current = facts.contexts?.value?.current.map { "\($0) (the current context)" } ?? "the current context"
            report.summary.append("  cluster: \(facts.target.kubeContext ?? current), Kubernetes \(version)")
        }
        if let install = findings.installSummary { report.summary.append("  \(install)") }
        let secretKeys = app.catalog.existingSecretAnswerKeys
        for warning in findings.warnings where !secretKeys.contains(warning.key) {
            if warning.isConflict {
                report.problems.append("\(warning)")
            } else if warning.isAdvisory {
                report.warnings.append("\(warning)")
            } else {
                report.notes.append("\(warning)")
            }
        }
        report.notes += facts.notes
    }

    /// Helm's server-side dry run: the API server validates every object, and Helm refuses objects
    /// another release owns. Objects of kinds whose definitions the chart brings can't be checked
    /// before those definitions are installed; that is a note, not a problem.
    private func serverDryRun(
        release: String, source: ChartSource, arguments: [String], rendered: RenderedManifests, facts: ClusterFacts, in folder: String,
        report: inout BundleCheckReport
    ) {
        switch facts.namespaceExists {
        case .success(true)?: break
        case .success(false)?:
            report.notes.append("namespace \(facts.target.namespace) does not exist yet (10-namespace.sh creates it), so Helm's server-side dry run was not run")
            return
        case .failure(let failure)?:
            report.notes.append("Helm's server-side dry run was not run: namespace \(facts.target.namespace) could not be read (\(failure))")
            return
        case nil:
            return
        }
        let invocation = ToolInvocation(
            .helm, ["upgrade", "--install", release] + source.arguments + arguments + ["--dry-run=server"], environment: source.environment,
            directory: folder)
        switch runner.run(invocation, timeout: timeout) {
        case .finished(0, _, _):
            report.summary.append("  Helm's server-side dry run passed")
        case .finished(_, _, let error):
            let message = Self.helmError(error)
            let brought = rendered.definedKinds.first { message.contains("kind \"\($0)\"") || message.contains("\"\($0)\"") }
            if let brought, message.contains("CRDs") || message.contains("no matches for kind") {
                report.notes.append("Helm's server-side dry run can't check the \(brought) objects before the chart installs their definition: \(message)")
            } else {
                report.problems.append("Helm's server-side dry run failed: \(message)")
            }
        case .timedOut:
            report.notes.append("Helm's server-side dry run took longer than \(Int(timeout.seconds)) s and was stopped")
        case .notFound, .couldNotStart:
            report.notes.append("Helm's server-side dry run could not be started")
        }
    }

    /// For an installed release: its values against values.yaml (masked), and helm-diff's output.
    private func upgradeChanges(_ installed: InstalledRelease, source: ChartSource, arguments: [String], in folder: String, report: inout BundleCheckReport) {
        let context = Array(arguments.drop { $0 != "--kube-context" })
        let getValues = ToolInvocation(
            .helm, ["get", "values", installed.name, "--namespace", installed.namespace, "-o", "json"] + context, directory: folder)
        switch runner.run(getValues, timeout: .seconds(60)) {
        case .finished(0, let output, _):
            let installedValues = (try? JSONSerialization.jsonObject(with: output, options: [.fragmentsAllowed])).map { ManifestValue(json: $0) } ?? .null
            let bundleValues = (try? String(contentsOfFile: folder + "/values.yaml", encoding: .utf8))
                .flatMap { try? Yams.compose(yaml: $0) }.map { ManifestValue(node: $0) } ?? .null
            let diff = ValuesDiff(installed: installedValues, bundle: bundleValues, secrets: Self.bundleSecretValues(in: folder))
            report.sections.append(("values: release \(installed.name) (helm get values) -> values.yaml", diff.text))
        case .finished(_, _, let error):
            report.notes.append("the release's values could not be read: \(ProbeFailure.message(from: error))")
        default:
            report.notes.append("the release's values could not be read")
        }
        guard case .finished(0, _, _) = runner.run(ToolInvocation(.helm, ["diff", "version"]), timeout: .seconds(30)) else {
            report.notes.append("helm-diff is not installed, so the change to each object is not shown (helm plugin install https://github.com/databus23/helm-diff)")
            return
        }
        let diff = ToolInvocation(
            .helm, ["diff", "upgrade", installed.name] + source.arguments + arguments, environment: source.environment, directory: folder)
        switch runner.run(diff, timeout: timeout) {
        case .finished(0, let output, _):
            let text = String(decoding: output, as: UTF8.self)
            report.sections.append(("helm diff upgrade", text.isEmpty ? "no change\n" : text))
        case .finished(_, _, let error):
            report.notes.append("helm diff upgrade failed: \(Self.helmError(error))")
        default:
            report.notes.append("helm diff upgrade did not finish")
        }
    }

    /// The texts of the bundle's own manifests: secrets/, manifests/ and the ExternalSecrets of a
    /// cloud secret store (any YAML under them).
    static func manifestTexts(in folder: String) -> [String] {
        var texts: [String] = []
        for sub in ["secrets", "manifests", ExternalSecrets.folder] {
            let root = folder + "/" + sub
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            for case let path as String in walker where path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
                if let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8) { texts.append(text) }
            }
        }
        return texts.sorted()
    }

    /// The secret values the bundle holds, so that a diff never shows one even under an innocent
    /// key: `stringData` as written, `data` decoded from base64, and the values of the local copies
    /// of a cloud secret store (`secrets/*.store.json`). Values under 6 characters are left
    /// out, since masking every `true` or port number would hide the diff itself.
    static func bundleSecretValues(in folder: String) -> Set<String> {
        var values: Set<String> = []
        for text in manifestTexts(in: folder) {
            guard let documents = try? Yams.compose_all(yaml: text) else { continue }
            for node in documents where node["kind"]?.string == "Secret" {
                if case .mapping(let data)? = node["stringData"] { values.formUnion(data.values.compactMap(\.string)) }
                if case .mapping(let data)? = node["data"] {
                    let decoded = data.values.compactMap(\.string).compactMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
                    values.formUnion(decoded)
                }
            }
        }
        // The local copies of what a cloud secret store holds: a JSON object of values each.
        let copies = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/secrets")) ?? []).filter { $0.hasSuffix(".store.json") }
        for name in copies {
            guard let data = FileManager.default.contents(atPath: folder + "/secrets/" + name),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            values.formUnion(object.values.compactMap { $0 as? String })
        }
        return values.filter { $0.count >= 6 }
    }
}
