import Foundation
import RiggerCore

/// The probes of one target as they run: the facts so far, readable at any time without waiting
/// (a wizard polls `facts` or `revision` between keys), a callback per answer, and ways to wait
/// for the end (`finished()` in async code, `waitUntilFinished()` on the command line).
public final class ClusterProbeRun: @unchecked Sendable {
    /// What the probes look at.
    public let target: ClusterProbeTarget
    private let onUpdate: (@Sendable (ClusterFacts) -> Void)?
    private let lock = NSLock()
    private var current: ClusterFacts
    /// Probes started and not finished, plus one for the starting itself.
    private var pending = 1
    private var updates = 0
    private var cancelled = false
    private var waiters: [CheckedContinuation<ClusterFacts, Never>] = []
    private let done = DispatchGroup()

    init(target: ClusterProbeTarget, onUpdate: (@Sendable (ClusterFacts) -> Void)?) {
        self.target = target
        self.onUpdate = onUpdate
        self.current = ClusterFacts(target: target)
        done.enter()
    }

    /// The facts read so far; never waits for a probe.
    public var facts: ClusterFacts { lock.withLock { current } }

    /// Grows by one with each answer that arrives: a poller compares it with the last one it saw.
    public var revision: Int { lock.withLock { updates } }

    /// Whether every probe has answered, failed or been skipped.
    public var isFinished: Bool { lock.withLock { pending == 0 } }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Stops probes that have not started yet and the callbacks; a call already running ends by its
    /// own timeout. For a wizard whose namespace or context changed: it starts a new run.
    public func cancel() {
        lock.withLock { cancelled = true }
    }

    /// The facts once every probe is done.
    public func finished() async -> ClusterFacts {
        await withCheckedContinuation { continuation in
            let ready: ClusterFacts? = lock.withLock {
                if pending == 0 { return current }
                waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Blocks until every probe is done; for the command line, never for a thread that draws.
    public func waitUntilFinished() -> ClusterFacts {
        done.wait()
        return facts
    }

    // MARK: Bookkeeping for ClusterProbe

    func willStart() {
        lock.withLock { pending += 1 }
    }

    /// The initial launching is over; the run can finish once its probes have.
    func launched() {
        finish { _ in }
    }

    func didFinish(_ update: (inout ClusterFacts) -> Void) {
        finish(update)
    }

    /// Ends the run at once with every probe failed for one reason (offline, no kubectl).
    func finishAll(with reason: ProbeFailure) {
        finish { facts in
            facts.contexts = .failure(reason)
            facts.version = .failure(reason)
            facts.storageClasses = .failure(reason)
            facts.ingressClasses = .failure(reason)
            facts.certManager = .failure(reason)
            facts.namespaceExists = .failure(reason)
            facts.secrets = .failure(reason)
            facts.release = .failure(reason)
            facts.nodes = .failure(reason)
            if facts.target.staticIPName != nil { facts.staticIP = .failure(reason) }
            if facts.target.readsSecretStores {
                facts.clusterSecretStores = .failure(reason)
                facts.externalSecretVersions = .failure(reason)
            }
        }
    }

    private func finish(_ update: (inout ClusterFacts) -> Void) {
        let (snapshot, ended, resume, notify): (ClusterFacts, Bool, [CheckedContinuation<ClusterFacts, Never>], Bool) = lock.withLock {
            update(&current)
            updates += 1
            pending -= 1
            let ended = pending == 0
            let resume = ended ? waiters : []
            if ended { waiters = [] }
            return (current, ended, resume, !cancelled)
        }
        if notify { onUpdate?(snapshot) }
        for waiter in resume { waiter.resume(returning: snapshot) }
        if ended { done.leave() }
    }
}
