/// What an app's renderer gives for a bundle: only what is its own. The core turns it into the
/// bundle's files (`Bundle(assembling:app:answers:secrets:)`), the same files in the same way for
/// every app: rigger.yaml, values.yaml, the Secrets, the ingress add-ons' manifests, the Cloud SQL
/// Auth Proxy, the app's own manifests, the six install scripts and install.sh, the post-renderer
/// and the README.
///
/// The cluster, the ingress and the bundle's Secrets are those of `readme`, so that the README
/// and the files can't tell two stories.
public struct BundleParts: Sendable {
    /// What the app adds to the six install scripts; the core writes the rest of them.
    public struct Scripts: Sendable {
        /// What 50-verify.sh reaches when the bundle has no ingress, and what more it shows.
        public struct Verify: Sendable {
            /// The Service a port-forward reaches the app's web interface through.
            public var webService: String
            /// The port of `webService` the port-forward uses, on both ends.
            public var webPort: Int
            /// The name of the GKE ManagedCertificate whose state is shown, if any.
            public var managedCertificate: String?
            /// The app's own lines, shown after the site's (more hosts, more port-forwards).
            public var extra: [ScriptSection]

            public init(webService: String, webPort: Int, managedCertificate: String? = nil, extra: [ScriptSection] = []) {
                self.webService = webService
                self.webPort = webPort
                self.managedCertificate = managedCertificate
                self.extra = extra
            }
        }

        /// Whether any volume is sized, so that 00-preflight.sh checks the storage class.
        public var hasVolumes: Bool
        /// The app's own checks in 00-preflight.sh, after the common ones.
        public var preflightChecks: [ScriptSection] = []
        /// A glob of the app's own manifests whose images 00-preflight.sh checks with the chart's.
        public var imageCheckedManifests: String?
        /// The app's own sections of 30-prerequisites.sh, after the ingress add-ons and the Cloud
        /// SQL Auth Proxy. The core defines `helm_context` and `apply_manifest` when a section uses them.
        public var prerequisites: [ScriptSection] = []
        /// What each managed service must offer, which rigger can't check from the bastion.
        public var managedServices: [String] = []
        /// The release of the app's chart when older bundles let it run its own ingress-nginx
        /// and cert-manager, which 30-prerequisites.sh hands over to the add-ons' releases.
        public var formerIngressOwner: HelmOwner?
        /// The StatefulSets whose volumes 40-install.sh grows before the upgrade.
        public var growingVolumes: [StatefulSetVolume] = []
        /// What 50-verify.sh reaches and shows besides the common rollouts and addresses.
        public var verify: Verify

        public init(hasVolumes: Bool, verify: Verify) {
            self.hasVolumes = hasVolumes
            self.verify = verify
        }
    }

    /// A file of Kubernetes objects (or a chart's values) the app adds under `manifests/`.
    public struct Manifest: Sendable {
        /// The path under the bundle, e.g. `manifests/database.yaml`.
        public var path: String
        /// The YAML documents, in order, under the line that says the file is generated.
        public var documents: [YAMLTree]

        public init(path: String, documents: [YAMLTree]) {
            self.path = path
            self.documents = documents
        }
    }

    /// The chart's values, which values.yaml holds.
    public var values: YAMLTree
    /// The lines that name the chart at the top of values.yaml, e.g. "Analytics Helm values for chart analytics 1.2.0,".
    public var valuesChart: [String]
    /// Where the chart reads its secrets from, the last line of values.yaml's header.
    public var valuesSecretNote: String
    /// The app's own words on its answers, in rigger.yaml's header.
    public var answersNotes: [String] = []
    /// The Secrets the operator creates before the install besides those the answers name
    /// (a CA certificate a managed server's TLS is checked against).
    public var secretsToCreate: [OperatorSecret] = []
    /// The app's own manifests (its databases, its GKE objects); the add-ons' are the core's.
    public var manifests: [Manifest] = []
    /// The HTTPRoutes of `ingress.type=gateway`: the hosts and the chart's Services they reach.
    public var gatewayRoutes: [GatewayRoutes.Route] = []
    /// The Cloud SQL Auth Proxy the app reaches Cloud SQL through, and the sizing it runs at.
    public var cloudSQLProxy: (proxy: CloudSQLProxyPlan, sizing: Sizing)?
    /// What the post-renderer changes in what the chart renders; none by default.
    public var postRender = PostRender()
    /// What the app adds to the install scripts.
    public var scripts: Scripts
    /// The README's parts that are the app's own; the core sets its `postRender` to the bundle's.
    public var readme: ReadmeParts

    public init(values: YAMLTree, valuesChart: [String], valuesSecretNote: String, scripts: Scripts, readme: ReadmeParts) {
        self.values = values
        self.valuesChart = valuesChart
        self.valuesSecretNote = valuesSecretNote
        self.scripts = scripts
        self.readme = readme
    }

    /// The answers every app shares: cloud, namespace, release, chart version, context, storage class.
    public var cluster: ClusterPlan { readme.cluster }
    /// The ingress and TLS answers, which decide the add-ons the core writes.
    public var ingress: IngressPlan { readme.ingress }
    /// The bundle's Secret manifests and the Secrets the operator keeps.
    public var secrets: SecretReferences { readme.secrets }
}
