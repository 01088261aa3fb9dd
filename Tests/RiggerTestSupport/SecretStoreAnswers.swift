/// The answers that put an app's secrets in a cloud's secret store (`secrets.store`), for the
/// secret-store tests and the golden bundles.
public enum SecretStoreAnswers {
    /// AWS Secrets Manager through the bundle's own SecretStore.
    public static let aws = ["secrets.store=aws-secrets-manager", "secrets.aws.region=us-east-1", "secrets.aws.serviceAccount=app-secrets"]
    /// The same in Google Secret Manager, through Workload Identity.
    public static let gcp = ["secrets.store=gcp-secret-manager", "secrets.gcp.project=analytics-prod", "secrets.gcp.serviceAccount=app-secrets"]
}
