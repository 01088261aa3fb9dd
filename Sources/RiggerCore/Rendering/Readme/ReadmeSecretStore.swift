/// The bundle README's section on the cloud secret store, alike for every app: where each Secret's
/// values live, how 20-secrets.sh writes them, what the operator sets up first, and how a rotation
/// reaches the pods. No lines when the secrets stay in Secret manifests.
public enum ReadmeSecretStore {
    /// The section's lines, ending with an empty line; `manifests` are the Secrets the bundle writes.
    public static func section(_ store: SecretStorePlan?, manifests: [SecretManifest], namespace: String, release: String) -> [String] {
        guard let store else { return [] }
        let reference = store.storeReference(release: release)
        var lines = [
            "## Secret store",
            "",
            "The secrets live in \(store.title), not in Secret manifests: `20-secrets.sh` writes each Secret's keys as one JSON "
                + "secret in the store (read from its local copy `secrets/*.store.json`, mode 0600, never from a command line), then "
                + "applies `\(ExternalSecrets.folder)/`, and the External Secrets Operator (v0.17 or newer, which serves `\(ExternalSecrets.apiVersion)`) "
                + "makes each Secret the chart reads from its ExternalSecret, through the \(reference.kind) `\(reference.name)`. "
                + "`secrets/*.secret.yaml` stay the bundle's copy of the values, which regenerating keeps; they are not applied.",
            "",
        ]
        for manifest in manifests {
            lines.append("- Secret `\(manifest.name)` (" + manifest.dataKeys.map { "`\($0)`" }.joined(separator: ", ")
                + ") from `\(store.remoteName(secretName: manifest.name))`, one property per key")
        }
        lines += ["", "Before `./install.sh`:", ""]
        switch store.provider {
        case .aws(let region, let auth):
            lines.append("- The External Secrets Operator is installed; `aws` is signed in, with `secretsmanager:GetSecretValue`, "
                + "`CreateSecret` and `PutSecretValue` on those names in \(region).")
            switch auth {
            case .irsa(let serviceAccount):
                lines.append("- The service account `\(serviceAccount)` is in namespace `\(namespace)`, annotated `eks.amazonaws.com/role-arn` "
                    + "with an IAM role that may call `secretsmanager:GetSecretValue` on them (IRSA).")
            case .podIdentity:
                lines.append("- The External Secrets Operator's own service account has an EKS Pod Identity association with an IAM role "
                    + "that may call `secretsmanager:GetSecretValue` on them.")
            case nil:
                lines.append("- The ClusterSecretStore `\(reference.name)` is Ready and reads Secrets Manager in \(region).")
            }
        case .gcp(let project, let serviceAccount):
            lines.append("- The External Secrets Operator is installed; `gcloud` is signed in, with `secretmanager.secrets.create` "
                + "and `secretmanager.versions.add` and `access` in project `\(project)`.")
            if let serviceAccount {
                lines.append("- The service account `\(serviceAccount)` is in namespace `\(namespace)`, bound through Workload Identity "
                    + "(annotation `iam.gke.io/gcp-service-account`) to a Google service account with `roles/secretmanager.secretAccessor`.")
            } else {
                lines.append("- The ClusterSecretStore `\(reference.name)` is Ready and reads Secret Manager in project `\(project)`.")
            }
        }
        lines += [
            "",
            "`00-preflight.sh` checks that the operator's CustomResourceDefinitions serve `v1` and that the store is Ready. "
                + "`20-secrets.sh` compares each value in the store with the bundle's without showing either: the same, it writes nothing; "
                + "missing, it creates it; changed by `rigger generate --rotate KEY` (or `--secret`), it writes one new version and, once "
                + "the Secret has it, restarts the Deployments and StatefulSets whose pods read that Secret; "
                + "changed in the store by someone else, it stops and names it, overwriting nothing. It keeps the SHA-256 of what it "
                + "last wrote under `.rigger/secret-store/` to tell the two apart. Then it waits until each ExternalSecret is Ready "
                + "and its Secret is in the namespace (`RIGGER_SYNC_TIMEOUT`, 180 seconds).",
            "",
        ]
        return lines
    }
}
