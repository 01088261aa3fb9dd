import Foundation
import RiggerCore
import RiggerCluster
import RiggerTestSupport
import XCTest

/// The probes against stand-in tools that replay what kubectl 1.29/1.32, helm 3.17 and gcloud 528
/// printed (Fixtures/cluster): what each parses, a Forbidden context, a dead and a slow cluster,
/// missing tools, and that no Secret value is ever kept.
final class ClusterProbeTests: XCTestCase {
    private let target = ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog")

    private func read(_ cluster: StandInCluster, _ target: ClusterProbeTarget? = nil, timeout: Duration = .seconds(4)) -> ClusterFacts {
        ClusterProbe(runner: cluster.runner, timeout: timeout).read(target ?? self.target)
    }

    func testTheRecordedEKSClusterIsReadWhole() throws {
        let facts = read(try StandInCluster(scenario: "eks"))
        XCTAssertEqual(facts.contexts?.value, KubeContexts(
            names: ["arn:aws:eks:us-east-1:123456789012:cluster/prod", "kind-dev"], current: "arn:aws:eks:us-east-1:123456789012:cluster/prod"))
        XCTAssertEqual(facts.version?.value, KubernetesVersion(major: 1, minor: 29, text: "v1.29.4-eks-036c24b"))
        XCTAssertEqual(facts.storageClasses?.value, [
            StorageClassFact(name: "gp2", provisioner: "kubernetes.io/aws-ebs", isDefault: false),
            StorageClassFact(name: "gp3", provisioner: "ebs.csi.aws.com", isDefault: true),
            StorageClassFact(name: "io2", provisioner: "ebs.csi.aws.com", isDefault: false),
        ])
        XCTAssertEqual(facts.ingressClasses?.value, [IngressClassFact(name: "alb", controller: "ingress.k8s.aws/alb", isDefault: false, owner: nil)])
        XCTAssertEqual(facts.certManager?.value, InstalledComponent(
            evidence: "CustomResourceDefinition certificates.cert-manager.io", owner: HelmOwner(release: "cert-manager", namespace: "cert-manager"),
            version: "v1.14.4"))
        XCTAssertEqual(facts.namespaceExists?.value, true)
        XCTAssertEqual(facts.secrets?.value, [
            SecretFact(name: "rds-creds", type: "Opaque", keys: ["password", "username"]),
            SecretFact(name: "posthog-tls", type: "kubernetes.io/tls", keys: ["tls.crt", "tls.key"]),
        ])
        XCTAssertEqual(facts.release?.value, .some(nil), "helm list found no release: a new install")
        XCTAssertNil(facts.staticIP, "no static IP to look for")
        XCTAssertEqual(facts.notes, [])
        XCTAssertTrue(facts.clusterAnswered)
    }

    func testEveryClusterCallNamesTheContextAndATimeout() throws {
        let cluster = try StandInCluster(scenario: "eks")
        _ = read(cluster, ClusterProbeTarget(kubeContext: "kind-dev", namespace: "posthog", release: "posthog"), timeout: .seconds(3))
        let calls = cluster.calls
        XCTAssertEqual(calls.count, 9, calls.joined(separator: "\n"))
        XCTAssertTrue(calls.contains("kubectl config view -o json"), "the kubeconfig is read as it is")
        for call in calls where call.hasPrefix("kubectl ") && !call.hasPrefix("kubectl config") {
            XCTAssertTrue(call.hasSuffix("--context kind-dev --request-timeout=3s"), call)
        }
        XCTAssertTrue(calls.contains("helm list --namespace posthog --filter ^posthog$ --all -o json --kube-context kind-dev"), calls.joined(separator: "\n"))
    }

    func testAnUpgradeAndAnIngressNginxOfAnotherReleaseAreRecognised() throws {
        let facts = read(try StandInCluster(scenario: "upgrade"))
        let release = try XCTUnwrap(facts.release?.value ?? nil)
        XCTAssertEqual(release, InstalledRelease(
            name: "posthog", namespace: "posthog", revision: "3", status: "deployed", chart: "posthog-30.40.0", appVersion: "1.43.0"))
        XCTAssertEqual(release.chartName, "posthog")
        XCTAssertEqual(release.chartVersion, "30.40.0")
        XCTAssertEqual(facts.certManager?.value, .some(nil), "NotFound means cert-manager is absent, not that the probe failed")
        XCTAssertEqual(facts.ingressNginx?.value, InstalledComponent(
            evidence: "IngressClass nginx", owner: HelmOwner(release: "ingress-nginx", namespace: "ingress-nginx"), version: nil))
        XCTAssertEqual(facts.secrets?.value, [], "Helm's own release records are left out by the field selector")
    }

    func testAForbiddenContextLeavesEachFieldWithOneQuietLine() throws {
        let facts = read(try StandInCluster(scenario: "forbidden"))
        XCTAssertNotNil(facts.version?.value, "anyone may read /version")
        guard case .forbidden(let message)? = facts.storageClasses?.failure else {
            return XCTFail("storage classes: \(String(describing: facts.storageClasses))")
        }
        XCTAssertEqual(message, #"Error from server (Forbidden): storageclasses.storage.k8s.io is forbidden: User "dev@example.com" cannot list resource "storageclasses" in API group "storage.k8s.io" at the cluster scope"#)
        XCTAssertEqual(facts.notes.count, 7, facts.notes.joined(separator: "\n"))
        XCTAssertTrue(facts.notes.allSatisfy { $0.contains(": not read: not allowed (") }, facts.notes.joined(separator: "\n"))
        XCTAssertTrue(facts.notes.contains { $0.hasPrefix("release posthog: not read: not allowed (list: failed to list: secrets is forbidden") }, facts.notes.joined(separator: "\n"))
    }

    func testADeadClusterCostsOneCallAndOneLine() throws {
        let cluster = try StandInCluster(scenario: "dead")
        let facts = read(cluster)
        XCTAssertEqual(cluster.calls.count, 2, "the kubeconfig and the version; nothing else waits on a dead cluster: \(cluster.calls)")
        XCTAssertNotNil(facts.contexts?.value, "the kubeconfig is local")
        XCTAssertEqual(facts.notes.count, 1, facts.notes.joined(separator: "\n"))
        let note = try XCTUnwrap(facts.notes.first)
        XCTAssertTrue(note.hasPrefix("Kubernetes version: not read: the cluster did not answer (The connection to the server 127.0.0.1:"), note)
        XCTAssertTrue(note.hasSuffix(" was refused - did you specify the right host or port?)"), note)
        XCTAssertFalse(facts.clusterAnswered)
    }

    func testASlowClusterIsStoppedAtTheTimeout() throws {
        let cluster = try StandInCluster(scenario: "eks", delay: 3)
        let facts = read(cluster, timeout: .seconds(1))
        XCTAssertEqual(facts.version?.failure, .timedOut(.kubectl, seconds: 1))
        XCTAssertEqual(facts.contexts?.failure, .timedOut(.kubectl, seconds: 1))
        XCTAssertEqual(facts.notes, ["kube contexts: not read: kubectl did not answer within 1 s", "Kubernetes version: not read: kubectl did not answer within 1 s"])
        XCTAssertEqual(facts.storageClasses?.failure, .skipped(because: "the cluster did not answer"))
    }

    func testWithoutKubectlNothingRuns() throws {
        let cluster = try StandInCluster(scenario: "eks", tools: ["helm", "gcloud"])
        let runner = CountingRunner(cluster.runner)
        let probe = ClusterProbe(runner: runner)
        XCTAssertEqual(probe.unavailableBecause, .toolMissing(.kubectl))
        let facts = probe.read(ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog", staticIPName: "posthog"))
        XCTAssertEqual(runner.calls, [])
        XCTAssertEqual(facts.notes, ["nothing was read from the cluster: kubectl is not on PATH"], "one line, not one per probe")
        XCTAssertEqual(facts.staticIP?.failure, .toolMissing(.kubectl), "every probe still says why it read nothing")
    }

    func testOfflineReadsNothing() {
        let facts = ClusterProbe.offline().read(target)
        XCTAssertEqual(facts.notes, ["nothing was read from the cluster: probing is off (--offline)"])
        XCTAssertFalse(facts.clusterAnswered)
    }

    func testTheStaticIPIsLookedForWithGCloud() throws {
        let withIP = ClusterProbeTarget(kubeContext: nil, namespace: "posthog", release: "posthog", staticIPName: "posthog")
        let found = read(try StandInCluster(scenario: "gcp eks"), withIP)
        XCTAssertEqual(found.staticIP?.value, StaticAddress(name: "posthog", address: "34.117.42.17", status: "RESERVED"))
        XCTAssertEqual(read(try StandInCluster(scenario: "gcp-missing eks"), withIP).staticIP?.value, .some(nil))
        let noAccount = read(try StandInCluster(scenario: "eks"), withIP)
        guard case .failed(.gcloud, 1, let message)? = noAccount.staticIP?.failure else {
            return XCTFail("\(String(describing: noAccount.staticIP))")
        }
        XCTAssertEqual(message, "(gcloud.compute.addresses.describe) You do not currently have an active account selected.")
        let noGCloud = read(try StandInCluster(scenario: "eks", tools: ["kubectl", "helm"]), withIP)
        XCTAssertEqual(noGCloud.staticIP?.failure, .toolMissing(.gcloud))
        XCTAssertNotNil(noGCloud.storageClasses?.value, "a missing gcloud stops only its own probe")
    }

    /// The fixture's Secret holds (fake) values; they must not survive the decoding.
    func testNoSecretValueIsKept() throws {
        let facts = read(try StandInCluster(scenario: "eks"))
        var dumped = ""
        dump(facts, to: &dumped)
        for value in ["not-a-real-password", "bm90LWEtcmVhbC1wYXNzd29yZA==", "cG9zdGhvZw==", "Q0VSVA=="] {
            XCTAssertFalse(dumped.contains(value), "\(value) was kept")
        }
        XCTAssertTrue(dumped.contains("rds-creds"))
    }

    func testStartingReturnsBeforeAnyAnswerAndAnswersArriveAsTheyCome() throws {
        let cluster = try StandInCluster(scenario: "eks", delay: 1)
        let updates = UpdateCounter()
        let run = ClusterProbe(runner: cluster.runner, timeout: .seconds(4)).start(target) { _ in updates.increment() }
        XCTAssertFalse(run.isFinished)
        XCTAssertNil(run.facts.version, "nothing has answered yet")
        let facts = run.waitUntilFinished()
        XCTAssertTrue(run.isFinished)
        XCTAssertNotNil(facts.storageClasses?.value)
        XCTAssertGreaterThanOrEqual(updates.count, 8, "one update per probe, as each answers")
        XCTAssertEqual(run.revision, updates.count)
    }

    func testAsyncCallersAwaitTheEnd() async throws {
        let cluster = try StandInCluster(scenario: "eks")
        let facts = await ClusterProbe(runner: cluster.runner).start(target).finished()
        XCTAssertNotNil(facts.release?.value)
    }
}

/// Counts callbacks from background threads.
final class UpdateCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
