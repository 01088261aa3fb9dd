import RiggerCore

/// What the wizard reads the cluster through: it never waits, but polls `stamp` between keys and
/// takes the facts that have arrived. The probes' background reader in a real run; a fixed set of
/// facts in tests of the flow, which then run no process.
public protocol WizardClusterReading: AnyObject {
    /// Why nothing can be read (no kubectl, `--offline`), asked once before the first read; nil
    /// when reading can start.
    var unavailableBecause: String? { get }
    /// Reads the cluster for `target`, unless that is what is read already; true when a new read started.
    @discardableResult
    func read(_ target: ClusterProbeTarget) -> Bool
    /// Changes whenever a read starts or one of its parts arrives.
    var stamp: WizardClusterStamp { get }
    /// The facts read so far for the current target; nil before the first read.
    var facts: ClusterFacts? { get }
    /// Stops reading: nothing starts after this, and nothing more arrives.
    func stop()
}

/// A point in a cluster reader's history, compared to tell whether anything arrived since.
public struct WizardClusterStamp: Equatable, Sendable {
    public let generation: Int
    public let revision: Int

    public init(generation: Int, revision: Int) {
        self.generation = generation
        self.revision = revision
    }
}
