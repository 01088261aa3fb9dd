extension AppDefinition {
    /// By default an app names no oldest Kubernetes version; the cluster's version is then shown
    /// but never warned about.
    public func minimumKubernetesMinor(_ answers: ResolvedAnswers) -> Int? { nil }
}

extension AppDefinition {
    /// By default the bundle installs no Helm release but its chart's.
    public var prerequisiteReleases: [HelmOwner] { [] }
}

extension AppDefinition {
    /// By default an app sizes nothing: no table on the review or in the README, and no check of
    /// the cluster's nodes.
    public func sizing(_ answers: ResolvedAnswers) -> SizingTable? { nil }
}
