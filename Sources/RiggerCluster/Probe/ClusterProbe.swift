import Foundation
import RiggerCore

/// Reads the cluster a bundle installs into, read-only, in the background: each kubectl, helm or
/// gcloud call runs on a thread of its own with a timeout, and its result arrives in the
/// `ClusterProbeRun` as soon as it is parsed. Starting costs nothing: no call happens on the caller's
/// thread, so a wizard's first frame and keystrokes cost the same with or without a cluster.
///
/// Probing is off without kubectl on PATH, or when made with `offline()`.
public final class ClusterProbe: Sendable {
    /// Runs the tools; tests put a counting stand-in here.
    public let runner: any ToolRunner
    /// How long each call may take before it is stopped (kubectl is also told, with --request-timeout).
    public let timeout: Duration
    private let isOffline: Bool

    public init(runner: any ToolRunner, timeout: Duration = .seconds(4)) {
        self.runner = runner
        self.timeout = timeout
        self.isOffline = false
    }

    private init(offlineWith runner: any ToolRunner) {
        self.runner = runner
        self.timeout = .zero
        self.isOffline = true
    }

    /// A probe that reads nothing (`--offline`); its runs finish at once with one line saying so.
    public static func offline() -> ClusterProbe { ClusterProbe(offlineWith: SubprocessRunner(environment: [:])) }

    /// Why probing is off, or nil when it can run.
    public var unavailableBecause: ProbeFailure? {
        if isOffline { return .offline }
        return runner.isAvailable(.kubectl) ? nil : .toolMissing(.kubectl)
    }

    /// Starts every probe for the target and returns at once. `onUpdate` is called (on a background
    /// thread) with the facts each time a probe's answer arrives, the last time with every probe done.
    public func start(_ target: ClusterProbeTarget, onUpdate: (@Sendable (ClusterFacts) -> Void)? = nil) -> ClusterProbeRun {
        let run = ClusterProbeRun(target: target, onUpdate: onUpdate)
        if let reason = unavailableBecause {
            run.finishAll(with: reason)
            return run
        }
        // The kubeconfig is local; the version tells whether the cluster answers at all, and the
        // cluster's other probes wait for it so that a dead cluster costs one timeout, not seven.
        launch(run) { $0.contexts = self.contexts() }
        launch(run) { facts in
            let version = self.version(target)
            facts.version = version
            if let failure = version.failure, failure.meansClusterSilent {
                let skipped = ProbeFailure.skipped(because: "the cluster did not answer")
                facts.storageClasses = .failure(skipped)
                facts.ingressClasses = .failure(skipped)
                facts.certManager = .failure(skipped)
                facts.namespaceExists = .failure(skipped)
                facts.secrets = .failure(skipped)
                facts.release = .failure(skipped)
                if target.readsGateways { facts.gatewayAPI = .failure(skipped) }
                facts.nodes = .failure(skipped)
                if target.readsSecretStores {
                    facts.clusterSecretStores = .failure(skipped)
                    facts.externalSecretVersions = .failure(skipped)
                }
                return
            }
            self.launch(run) { $0.storageClasses = self.storageClasses(target) }
            self.launch(run) { $0.ingressClasses = self.ingressClasses(target) }
            self.launch(run) { $0.certManager = self.certManager(target) }
            self.launch(run) { $0.namespaceExists = self.namespaceExists(target) }
            self.launch(run) { $0.secrets = self.secrets(target) }
            self.launch(run) { $0.release = self.release(target) }
            if target.readsGateways { self.launch(run) { $0.gatewayAPI = self.gatewayAPI(target) } }
            self.launch(run) { $0.nodes = self.nodes(target) }
            if target.readsSecretStores {
                self.launch(run) { $0.clusterSecretStores = self.clusterSecretStores(target) }
                self.launch(run) { $0.externalSecretVersions = self.externalSecretVersions(target) }
            }
        }
        if let name = target.staticIPName {
            launch(run) { $0.staticIP = self.staticIP(name, project: target.gcpProject) }
        }
        run.launched()
        return run
    }

    /// Starts the probes and waits for all of them: for the command line, which has nothing else to do.
    public func read(_ target: ClusterProbeTarget) -> ClusterFacts {
        start(target).waitUntilFinished()
    }

    /// Runs one probe on a thread of its own; its result is written into the run's facts.
    private func launch(_ run: ClusterProbeRun, _ probe: @escaping @Sendable (inout ClusterFacts) -> Void) {
        run.willStart()
        BackgroundThread.start {
            guard !run.isCancelled else {
                run.didFinish { _ in }
                return
            }
            var answer = ClusterFacts(target: run.target)
            probe(&answer)
            run.didFinish { $0.merge(answer) }
        }
    }

    // MARK: The probes

    private func kubectl(_ arguments: [String], _ target: ClusterProbeTarget) -> ToolInvocation {
        var all = arguments
        if let context = target.kubeContext { all += ["--context", context] }
        all.append("--request-timeout=\(Int(timeout.seconds.rounded(.up)))s")
        return ToolInvocation(.kubectl, all)
    }

    private func helm(_ arguments: [String], _ target: ClusterProbeTarget) -> ToolInvocation {
        ToolInvocation(.helm, arguments + (target.kubeContext.map { ["--kube-context", $0] } ?? []))
    }

    /// Runs a call and reads its answer; `absent` is the answer when the tool says "not found".
    private func call<Value: Sendable>(
        _ invocation: ToolInvocation, absent: Value? = nil, _ read: (Data) -> ProbeResult<Value>
    ) -> ProbeResult<Value> {
        // kubectl gives up by itself at --request-timeout; the hard limit leaves it a moment to say so.
        switch runner.run(invocation, timeout: timeout + .seconds(1)) {
        case .notFound: return .failure(.toolMissing(invocation.tool))
        case .timedOut: return .failure(.timedOut(invocation.tool, seconds: timeout.seconds))
        case .couldNotStart(let why): return .failure(.couldNotStart(invocation.tool, why))
        case .finished(let status, let output, let error):
            guard status == 0 else {
                let failure = ProbeFailure.classify(invocation.tool, status: status, error: error)
                if case .notFound = failure, let absent { return .success(absent) }
                return .failure(failure)
            }
            return read(output)
        }
    }

    func contexts() -> ProbeResult<KubeContexts> {
        call(ToolInvocation(.kubectl, ["config", "view", "-o", "json"])) { data in
            ProbeJSON.decode(ProbeJSON.KubeconfigView.self, from: data, tool: .kubectl).map { view in
                KubeContexts(names: (view.contexts ?? []).map(\.name), current: view.currentContext.flatMap { $0.isEmpty ? nil : $0 })
            }
        }
    }

    func version(_ target: ClusterProbeTarget) -> ProbeResult<KubernetesVersion> {
        call(kubectl(["version", "-o", "json"], target)) { data in
            ProbeJSON.decode(ProbeJSON.VersionOutput.self, from: data, tool: .kubectl).flatMap { output in
                guard let server = output.serverVersion,
                    let version = KubernetesVersion(major: server.major, minor: server.minor, text: server.gitVersion)
                else { return .failure(.unreadable(.kubectl, "no server version in it")) }
                return .success(version)
            }
        }
    }

    func storageClasses(_ target: ClusterProbeTarget) -> ProbeResult<[StorageClassFact]> {
        call(kubectl(["get", "storageclasses", "-o", "json"], target)) { data in
            ProbeJSON.decode(ProbeJSON.List<ProbeJSON.StorageClass>.self, from: data, tool: .kubectl).map { list in
                list.items.map { item in
                    let annotations = item.metadata.annotations ?? [:]
                    let isDefault = annotations["storageclass.kubernetes.io/is-default-class"] == "true"
                        || annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
                    return StorageClassFact(name: item.metadata.name, provisioner: item.provisioner ?? "", isDefault: isDefault)
                }
            }
        }
    }

    /// The External Secrets Operator's definition of ExternalSecret.
    static let externalSecretCRD = "externalsecrets.external-secrets.io"

    /// The versions the ExternalSecret definition serves; nil inside when it isn't there.
    func externalSecretVersions(_ target: ClusterProbeTarget) -> ProbeResult<[String]?> {
        call(kubectl(["get", "customresourcedefinitions", Self.externalSecretCRD, "-o", "json"], target), absent: .some(nil)) { data in
            ProbeJSON.decode(ProbeJSON.Definition.self, from: data, tool: .kubectl).map { definition in
                definition.spec.versions.filter { $0.served ?? false }.map(\.name)
            }
        }
    }

    /// The ClusterSecretStores; none when the External Secrets Operator's definition isn't there.
    func clusterSecretStores(_ target: ClusterProbeTarget) -> ProbeResult<[ClusterSecretStoreFact]> {
        let result = call(kubectl(["get", "clustersecretstores.external-secrets.io", "-o", "json"], target), absent: []) { data in
            ProbeJSON.decode(ProbeJSON.List<ProbeJSON.ClusterSecretStore>.self, from: data, tool: .kubectl).map { list in
                list.items.map { item in
                    ClusterSecretStoreFact(
                        name: item.metadata.name, provider: item.spec?.provider?.keys.sorted().first,
                        isReady: item.status?.conditions?.contains { $0.type == "Ready" && $0.status == "True" } ?? false)
                }
            }
        }
        // Without the operator's definition, kubectl knows no such resource type: there are none.
        if let failure = result.failure, "\(failure)".contains("doesn't have a resource type") { return .success([]) }
        return result
    }

    func ingressClasses(_ target: ClusterProbeTarget) -> ProbeResult<[IngressClassFact]> {
        call(kubectl(["get", "ingressclasses", "-o", "json"], target)) { data in
            ProbeJSON.decode(ProbeJSON.List<ProbeJSON.IngressClass>.self, from: data, tool: .kubectl).map { list in
                list.items.map { item in
                    IngressClassFact(
                        name: item.metadata.name, controller: item.spec?.controller ?? "",
                        isDefault: item.metadata.annotations?["ingressclass.kubernetes.io/is-default-class"] == "true",
                        owner: HelmOwner(annotations: item.metadata.annotations), version: item.metadata.labels?["app.kubernetes.io/version"])
                }
            }
        }
    }

    /// The CustomResourceDefinition every cert-manager installs.
    static let certManagerCRD = "certificates.cert-manager.io"

    func certManager(_ target: ClusterProbeTarget) -> ProbeResult<InstalledComponent?> {
        call(kubectl(["get", "customresourcedefinitions", Self.certManagerCRD, "-o", "json"], target), absent: .some(nil)) { data in
            ProbeJSON.decode(ProbeJSON.Object.self, from: data, tool: .kubectl).map { object in
                InstalledComponent(
                    evidence: "CustomResourceDefinition \(Self.certManagerCRD)", owner: HelmOwner(annotations: object.metadata.annotations),
                    version: object.metadata.labels?["app.kubernetes.io/version"])
            }
        }
    }

    func namespaceExists(_ target: ClusterProbeTarget) -> ProbeResult<Bool> {
        call(kubectl(["get", "namespace", target.namespace, "-o", "json"], target), absent: false) { data in
            ProbeJSON.decode(ProbeJSON.Object.self, from: data, tool: .kubectl).map { _ in true }
        }
    }

    /// The namespace's Secrets without Helm's release records, which are large and hold no credentials.
    func secrets(_ target: ClusterProbeTarget) -> ProbeResult<[SecretFact]> {
        let arguments = ["get", "secrets", "--namespace", target.namespace, "--field-selector", "type!=helm.sh/release.v1", "-o", "json"]
        return call(kubectl(arguments, target)) { data in
            ProbeJSON.decode(ProbeJSON.List<ProbeJSON.Secret>.self, from: data, tool: .kubectl).map { list in
                list.items.map { SecretFact(name: $0.name, type: $0.type, keys: $0.keys) }
            }
        }
    }

    func release(_ target: ClusterProbeTarget) -> ProbeResult<InstalledRelease?> {
        let arguments = ["list", "--namespace", target.namespace, "--filter", "^\(target.release)$", "--all", "-o", "json"]
        return call(helm(arguments, target)) { data in
            ProbeJSON.decode([ProbeJSON.HelmRelease].self, from: data, tool: .helm).map { rows in
                rows.first { $0.name == target.release }.map {
                    InstalledRelease(
                        name: $0.name, namespace: $0.namespace, revision: $0.revision, status: $0.status, chart: $0.chart,
                        appVersion: $0.appVersion)
                }
            }
        }
    }

    /// Whether the cluster serves HTTPRoutes of gateway.networking.k8s.io/v1, and then its Gateways
    /// in every namespace with their listeners.
    func gatewayAPI(_ target: ClusterProbeTarget) -> ProbeResult<GatewayAPIFact> {
        let crd = call(kubectl(["get", "customresourcedefinitions", GatewayRoutes.httpRouteCRD, "-o", "json"], target), absent: .some(nil)) {
            data in ProbeJSON.decode(ProbeJSON.CustomResourceDefinition.self, from: data, tool: .kubectl).map { Optional($0) }
        }
        switch crd {
        case .failure(let failure): return .failure(failure)
        case .success(let definition):
            guard definition?.spec.versions.contains(where: { $0.name == "v1" && $0.served }) == true else {
                return .success(GatewayAPIFact(servesHTTPRoutes: false, gateways: []))
            }
        }
        return call(kubectl(["get", "gateways.\(GatewayRoutes.group)", "--all-namespaces", "-o", "json"], target)) { data in
            ProbeJSON.decode(ProbeJSON.List<ProbeJSON.Gateway>.self, from: data, tool: .kubectl).map { list in
                GatewayAPIFact(servesHTTPRoutes: true, gateways: list.items.map { item in
                    GatewayFact(
                        name: item.metadata.name, namespace: item.metadata.namespace ?? "", className: item.spec.gatewayClassName,
                        listeners: (item.spec.listeners ?? []).map {
                            GatewayFact.Listener(
                                name: $0.name, hostname: $0.hostname, protocol: $0.protocol,
                                admits: GatewayFact.Admits(rawValue: $0.allowedRoutes?.namespaces?.from ?? "Same") ?? .selector)
                        })
                })
            }
        }
    }

    /// The nodes pods can be scheduled on: cordoned ones are left out, as the scheduler leaves them.
    func nodes(_ target: ClusterProbeTarget) -> ProbeResult<[NodeFact]> {
        call(kubectl(["get", "nodes", "-o", "json"], target)) { data in
            ProbeJSON.decode(ProbeJSON.List<ProbeJSON.Node>.self, from: data, tool: .kubectl).flatMap { list in
                var nodes: [NodeFact] = []
                for item in list.items where item.spec?.unschedulable != true {
                    guard let allocatable = item.status?.allocatable, let cpu = allocatable["cpu"], let memory = allocatable["memory"],
                        let node = NodeFact(name: item.metadata.name, cpu: cpu, memory: memory, zone: item.metadata.labels?[Spreading.zoneKey])
                    else { return .failure(.unreadable(.kubectl, "no allocatable CPU and memory on node \(item.metadata.name)")) }
                    nodes.append(node)
                }
                return .success(nodes)
            }
        }
    }

    func staticIP(_ name: String, project: String?) -> ProbeResult<StaticAddress?> {
        let projectArguments = project.map { ["--project", $0] } ?? []
        let invocation = ToolInvocation(.gcloud, projectArguments + ["compute", "addresses", "describe", name, "--global", "--format=json", "--quiet"])
        guard runner.isAvailable(.gcloud) else { return .failure(.toolMissing(.gcloud)) }
        return call(invocation, absent: .some(nil)) { data in
            ProbeJSON.decode(ProbeJSON.Address.self, from: data, tool: .gcloud).map {
                StaticAddress(name: $0.name, address: $0.address, status: $0.status)
            }
        }
    }
}

extension ClusterFacts {
    /// Takes every probe result the other holds.
    mutating func merge(_ other: ClusterFacts) {
        if let value = other.contexts { contexts = value }
        if let value = other.version { version = value }
        if let value = other.storageClasses { storageClasses = value }
        if let value = other.ingressClasses { ingressClasses = value }
        if let value = other.certManager { certManager = value }
        if let value = other.namespaceExists { namespaceExists = value }
        if let value = other.secrets { secrets = value }
        if let value = other.release { release = value }
        if let value = other.staticIP { staticIP = value }
        if let value = other.gatewayAPI { gatewayAPI = value }
        if let value = other.nodes { nodes = value }
        if let value = other.clusterSecretStores { clusterSecretStores = value }
        if let value = other.externalSecretVersions { externalSecretVersions = value }
    }
}
