/// The README's first section for a bundle on Google Cloud with managed services: what to create
/// before the install, as `gcloud` commands the operator can copy, and which answer each feeds.
/// rigger itself changes nothing in Google Cloud.
public enum GoogleCloudServicesReadme {
    /// A Memorystore for Redis instance the app connects to over TLS with AUTH.
    public struct Memorystore: Sendable {
        public let caSecret: String?
        public init(caSecret: String?) { self.caSecret = caSecret }
    }

    /// The command that prints a Cloud SQL instance's server CA.
    public static let cloudSQLCACommand = "gcloud sql instances describe INSTANCE --format='value(serverCaCert.cert)'"
    /// The command that prints a Memorystore instance's server CA.
    public static let memorystoreCACommand = "gcloud redis instances describe INSTANCE --region=REGION --format='value(serverCaCerts[0].cert)'"

    /// Why ClickHouse stays in the cluster on Google Cloud.
    public static let clickHouseInCluster = "ClickHouse: Google Cloud has no managed ClickHouse (ClickHouse Cloud runs on it: `clickhouse.mode=managed`)."

    /// The section; empty when nothing is managed. `inCluster` says, for each dependency that
    /// stays in the cluster, why.
    public static func section(
        namespace: String, postgresql: ManagedPostgreSQL?, memorystore: Memorystore?, inCluster: [String]
    ) -> [String] {
        guard postgresql != nil || memorystore != nil else { return [] }
        var lines = [
            "## Before the install: create the managed services in Google Cloud",
            "",
            "rigger changes nothing in Google Cloud. Create these first, on the VPC network of the cluster (NETWORK), in its region "
                + "(REGION); each command's comment names the answer or the Secret its output feeds. The instances need private services "
                + "access on the network, once per network:",
            "",
            "```sh",
            "gcloud compute addresses create google-managed-services-NETWORK --global --purpose=VPC_PEERING --prefix-length=16 --network=NETWORK",
            "gcloud services vpc-peerings connect --service=servicenetworking.googleapis.com --ranges=google-managed-services-NETWORK --network=NETWORK",
            "```",
            "",
        ]
        if let postgresql { lines += cloudSQL(postgresql, namespace: namespace) }
        if let memorystore { lines += redis(memorystore, namespace: namespace) }
        if !inCluster.isEmpty {
            lines += ["What stays in the cluster, and why:", ""] + inCluster.map { "- " + $0 } + [""]
        }
        return lines
    }

    private static func cloudSQL(_ server: ManagedPostgreSQL, namespace: String) -> [String] {
        let database = ShellQuote.quote(server.database)
        let user = ShellQuote.quote(server.username)
        var lines = [
            "### Cloud SQL for PostgreSQL",
            "",
            "```sh",
            "gcloud sql instances create INSTANCE --database-version=POSTGRES_15 --region=REGION --tier=db-custom-2-7680 \\",
            "  --network=NETWORK --no-assign-ip --ssl-mode=ENCRYPTED_ONLY",
            "gcloud sql databases create \(database) --instance=INSTANCE",
            "gcloud sql users create \(user) --instance=INSTANCE",
            "gcloud sql users set-password \(user) --instance=INSTANCE --prompt-for-password   # the same password: --secret postgresql.password=@FILE",
        ]
        switch server.route {
        case .direct:
            lines.append("gcloud sql instances describe INSTANCE --format='value(ipAddresses[0].ipAddress)'   # postgresql.host")
            if let secret = server.tls.caSecret {
                lines += [
                    cloudSQLCACommand + " > CA.pem",
                    "kubectl create secret generic \(ShellQuote.quote(secret)) --namespace \(ShellQuote.quote(namespace)) --from-file=ca.crt=CA.pem   # postgresql.caSecret",
                ]
            }
            lines += ["```", ""]
            if server.tls.mode == .verifyCA {
                lines += [
                    "`verify-ca` checks the server's certificate against the instance's CA but not its name: the certificate of an instance with "
                        + "the default per-instance CA names the instance, not the private IP the app connects to.",
                    "",
                ]
            }
        case .cloudSQLProxy(let proxy):
            lines += [
                "gcloud sql instances describe INSTANCE --format='value(connectionName)'   # postgresql.cloudSQL.instance",
                "gcloud iam service-accounts create NAME   # postgresql.cloudSQL.serviceAccount: NAME@PROJECT.iam.gserviceaccount.com",
                "```",
                "",
            ] + CloudSQLProxyAddOn.readmeLines(proxy) + [""]
        }
        return lines
    }

    private static func redis(_ memorystore: Memorystore, namespace: String) -> [String] {
        var lines = [
            "### Memorystore for Redis, with AUTH and in-transit encryption",
            "",
            "```sh",
            "gcloud redis instances create INSTANCE --region=REGION --redis-version=redis_6_x --tier=standard --size=1 \\",
            "  --network=projects/PROJECT/global/networks/NETWORK --connect-mode=private-service-access \\",
            "  --transit-encryption-mode=server-authentication --enable-auth",
            "gcloud redis instances describe INSTANCE --region=REGION --format='value(host,port)'   # redis.host and redis.port (6378 with TLS)",
            "gcloud redis instances get-auth-string INSTANCE --region=REGION --format='value(authString)' > AUTH.txt   # --secret redis.password=@AUTH.txt",
        ]
        if let secret = memorystore.caSecret {
            lines += [
                memorystoreCACommand + " > REDIS-CA.pem",
                "kubectl create secret generic \(ShellQuote.quote(secret)) --namespace \(ShellQuote.quote(namespace)) --from-file=ca.crt=REDIS-CA.pem   # redis.caSecret",
            ]
        }
        lines += [
            "```",
            "",
            "Memorystore's certificates are signed by the instance's own CA, which no system trusts: every Redis client checks them against "
                + "the CA in that Secret. Memorystore renews the server certificate every 180 days; the CA stays.",
            "",
        ]
        return lines
    }
}
