extension AppDefinition {
    /// By default an app names no oldest Kubernetes version; the cluster's version is then shown
    /// but never warned about.
    public func minimumKubernetesMinor(_ answers: ResolvedAnswers) -> Int? { nil }
}

extension AppDefinition {
    /// By default the bundle installs no Helm release but its chart's.
    public var prerequisiteReleases: [HelmOwner] { [] }
}
