import ArgumentParser
import Foundation
import RiggerCore
import RiggerCluster

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Proves a bundle against the real chart and the cluster before anything is changed.",
        discussion: """
            Renders the bundle with your helm and the chart at the pinned version (as 40-install.sh gets it; RIGGER_CHART \
            may name a local copy), then checks that every Secret a workload reads comes from the chart, the bundle or the \
            cluster, and that every image can still be pulled. When the cluster answers it also runs Helm's server-side dry \
            run and, for a release already installed, shows what the upgrade changes in its values (secret values masked) \
            and helm-diff's output when that plugin is installed. Exit 0 when the install can go ahead, 1 with the reasons \
            otherwise, 2 when the folder is no bundle. 00-preflight.sh runs it when rigger is on PATH.
            """)

    @Argument(help: "The bundle folder.")
    var directory: String = "."

    @Flag(help: "Read nothing from the cluster: render and check the bundle only.")
    var offline = false

    @Option(help: ArgumentHelp("How long each kubectl or helm call that reads the cluster may take.", valueName: "SECONDS"))
    var probeTimeout: Double = 4

    func run() throws {
        guard probeTimeout > 0, probeTimeout <= 600 else {
            CLI.printError("rigger: --probe-timeout \(probeTimeout): expected a number of seconds above 0 and at most 600")
            throw ExitCode(2)
        }
        let environment = CLI.environment
        let runner = SubprocessRunner(environment: environment)
        let probe = offline ? ClusterProbe.offline() : ClusterProbe(runner: runner, timeout: .milliseconds(Int(probeTimeout * 1000)))
        let check = BundleCheck(directory: directory, registry: CLI.registry, runner: runner, environment: environment, probe: probe)
        let report: BundleCheckReport
        do {
            // Ctrl-C while helm renders or the probes run stops them too.
            report = try ToolSignals.stoppingTools { try check.run() }
        } catch {
            CLI.printError("rigger: check: \(error)")
            throw ExitCode(2)
        }
        print(report.text, terminator: "")
        if !report.canInstall { throw ExitCode(1) }
    }
}
