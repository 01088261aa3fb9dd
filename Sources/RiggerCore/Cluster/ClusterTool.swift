/// A command-line tool rigger runs to read the cluster or render a chart.
public enum ClusterTool: String, Sendable, CaseIterable {
    case kubectl, helm, gcloud, git
}
