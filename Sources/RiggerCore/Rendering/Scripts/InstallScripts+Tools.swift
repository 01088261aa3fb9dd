extension InstallScripts {
    /// A tool the scripts run besides kubectl and helm, and which script needs it for what.
    public struct Tool: Sendable, Equatable {
        public let name: String
        public let use: String
    }

    /// The tools the scripts run besides kubectl and helm, for the chart, ingress and secret store
    /// they are made for: said before the install (the done page, `generate`), since a bastion host may lack them.
    /// It follows the lines that run them (`addChartSource`, `prerequisites`).
    public static func otherTools(chart: ChartReference, ingress: IngressPlan, secretStore: SecretStorePlan? = nil) -> [Tool] {
        var tools: [Tool] = []
        if case .git = chart.source {
            tools.append(Tool(name: "git", use: "00-preflight.sh and 40-install.sh fetch the chart with it"))
        }
        if ingress.type == .gcpCLB, ingress.staticIPName != nil {
            tools.append(Tool(name: "gcloud", use: "30-prerequisites.sh reserves the global static IP with it"))
        }
        if let secretStore {
            let tool = storeTool(secretStore).tool
            let use = "20-secrets.sh writes the secrets into \(secretStore.title) with it"
            if let index = tools.firstIndex(where: { $0.name == tool }) {
                tools[index] = Tool(name: tool, use: tools[index].use + ", and " + use)
            } else {
                tools.append(Tool(name: tool, use: use))
            }
        }
        return tools
    }
}
