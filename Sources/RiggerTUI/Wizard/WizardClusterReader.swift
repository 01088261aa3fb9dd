import RiggerCore
import RiggerCluster

/// What the wizard reads from the cluster: one background run of the probes for the target the
/// answers name, replaced when the operator changes the kube context, namespace or release. It
/// never waits: the session polls `stamp` between keys and reads the facts that have arrived.
final class WizardClusterReader {
    let probe: ClusterProbe
    private var run: ClusterProbeRun?
    /// How many runs were started: with the run's own revision, it tells a poller that anything changed.
    private var generation = 0

    init(probe: ClusterProbe) {
        self.probe = probe
    }

    /// Reads the cluster for `target`, unless the current run already does. True when a new run started.
    @discardableResult
    func read(_ target: ClusterProbeTarget) -> Bool {
        if let run, run.target == target { return false }
        run?.cancel()
        run = probe.start(target)
        generation += 1
        return true
    }

    /// Changes whenever a run starts or one of its probes answers.
    var stamp: Stamp { Stamp(generation: generation, revision: run?.revision ?? 0) }

    /// The facts read so far for the current target; nil before the first run.
    var facts: ClusterFacts? { run?.facts }

    /// Stops the current run: no probe starts after this, and nothing more is reported.
    func stop() {
        run?.cancel()
    }

    /// A point in the reader's history, compared to tell whether anything arrived since.
    struct Stamp: Equatable {
        let generation: Int
        let revision: Int
    }
}
