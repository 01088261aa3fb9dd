/// A StatefulSet's volume, which the Kubernetes API won't let an upgrade resize in place: its
/// claim template is fixed once created. 40-install.sh grows the claims of a larger size itself
/// and re-creates the StatefulSet around its running pods, so that `helm upgrade` can apply it.
public struct StatefulSetVolume: Sendable, Equatable {
    /// The StatefulSet's name, as the chart renders it.
    public let statefulSet: String
    /// The name of its volume claim template: each pod's claim is `TEMPLATE-STATEFULSET-ORDINAL`.
    public let claimTemplate: String
    /// The size the answers ask for.
    public let size: StorageQuantity

    public init(statefulSet: String, claimTemplate: String, size: StorageQuantity) {
        self.statefulSet = statefulSet
        self.claimTemplate = claimTemplate
        self.size = size
    }
}

extension InstallScripts {
    /// The lines that grow each volume whose StatefulSet in the cluster asks for another size:
    /// every pod's claim is patched (the storage class must allow expansion), then the StatefulSet
    /// is deleted without its pods (`--cascade=orphan`) for the upgrade to create it again with
    /// the new template. Shrinking never gets here: regeneration refuses it.
    static func growVolumes(_ volumes: [StatefulSetVolume]) -> [String] {
        guard !volumes.isEmpty else { return [] }
        var lines = [
            "",
            "# A StatefulSet's volume size can't change in place: grow its claims, then let the upgrade re-create it.",
            "grow_volumes() {",
            "  # STATEFULSET CLAIM_TEMPLATE SIZE",
            "  local current claims claim",
            "  current=\"$(kube get statefulset --namespace \"$NAMESPACE\" \"$1\" -o jsonpath=\"{.spec.volumeClaimTemplates[?(@.metadata.name=='$2')].spec.resources.requests.storage}\" 2>/dev/null || true)\"",
            "  if [ -z \"$current\" ] || [ \"$current\" = \"$3\" ]; then return 0; fi",
            "  echo \"growing the volumes of $1 from $current to $3\"",
            "  claims=\"$(kube get pvc --namespace \"$NAMESPACE\" -o name)\" || fail \"could not list the volumes of $1\"",
            "  claims=\"$(printf '%s\\n' \"$claims\" | sed -n \"s|^persistentvolumeclaim/\\($2-$1-[0-9][0-9]*\\)\\$|\\1|p\")\"",
            "  for claim in $claims; do",
            "    kube patch pvc --namespace \"$NAMESPACE\" \"$claim\" -p \"{\\\"spec\\\":{\\\"resources\\\":{\\\"requests\\\":{\\\"storage\\\":\\\"$3\\\"}}}}\" \\",
            "      || fail \"could not grow the volume $claim to $3; its storage class must allow volume expansion (allowVolumeExpansion: true)\"",
            "  done",
            "  kube delete statefulset --namespace \"$NAMESPACE\" \"$1\" --cascade=orphan || fail \"could not re-create the StatefulSet $1 with volumes of $3\"",
            "}",
        ]
        for volume in volumes {
            lines.append("grow_volumes \(ShellQuote.quote(volume.statefulSet)) \(ShellQuote.quote(volume.claimTemplate)) \(ShellQuote.quote(volume.size.text))")
        }
        return lines
    }
}
