import RiggerCore
import RiggerCluster

/// What the wizard reads from the cluster: one background run of the probes for the target the
/// answers name, replaced when the operator changes the kube context, namespace or release.
public final class WizardClusterReader: WizardClusterReading {
    let probe: ClusterProbe
    private var run: ClusterProbeRun?
    /// How many runs were started: with the run's own revision, it tells a poller that anything changed.
    private var generation = 0

    public init(probe: ClusterProbe) {
        self.probe = probe
    }

    public var unavailableBecause: String? { probe.unavailableBecause?.description }

    @discardableResult
    public func read(_ target: ClusterProbeTarget) -> Bool {
        if let run, run.target == target { return false }
        run?.cancel()
        run = probe.start(target)
        generation += 1
        return true
    }

    public var stamp: WizardClusterStamp { WizardClusterStamp(generation: generation, revision: run?.revision ?? 0) }

    public var facts: ClusterFacts? { run?.facts }

    public func stop() {
        run?.cancel()
    }
}
