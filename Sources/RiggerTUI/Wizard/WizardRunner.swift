/// Connects a wizard session to a terminal: draw, read a key, repeat.
public enum WizardRunner {
    /// How a run ended.
    public enum Ending: Equatable {
        case finished
        case quit
        /// A signal (SIGTERM, SIGHUP) stopped it; nothing was written.
        case signal(Int32)
    }

    /// Runs until the operator finishes or quits, or `pendingSignal` reports a signal.
    /// Frames are drawn only after a key, a resize or news from the cluster, so an idle wizard
    /// writes nothing. The cluster is read from the first frame on, in the background.
    public static func run(_ session: WizardSession, on terminal: Terminal, pendingSignal: () -> Int32? = { nil }) -> Ending {
        defer { session.stopReadingCluster() }
        var needsDraw = true
        while true {
            if let signal = pendingSignal() { return .signal(signal) }
            if needsDraw {
                let size = terminal.size
                terminal.present(WizardView.render(session, rows: size.rows, columns: size.columns, capabilities: terminal.capabilities))
                needsDraw = false
                session.startReadingCluster()
            }
            guard let key = terminal.readKey(timeout: 100) else {
                if session.clusterDidChange() { needsDraw = true }
                continue
            }
            needsDraw = true
            if key == .resize { continue }
            switch session.handle(key) {
            case .continueRunning: continue
            case .quit: return .quit
            case .finished: return .finished
            }
        }
    }
}
