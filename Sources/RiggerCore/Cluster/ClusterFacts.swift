/// What a probe found, or why it found nothing.
public typealias ProbeResult<Value: Sendable> = Result<Value, ProbeFailure>

/// The kubeconfig's contexts.
public struct KubeContexts: Sendable, Equatable {
    public let names: [String]
    /// The current context, if the kubeconfig sets one.
    public let current: String?

    public init(names: [String], current: String?) {
        self.names = names
        self.current = current
    }
}

/// The cluster's Kubernetes version, e.g. 1.29 (from `v1.29.4-eks-036c24b`).
public struct KubernetesVersion: Sendable, Equatable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    /// The server's own version text, e.g. `v1.29.4-eks-036c24b`.
    public let text: String

    public init(major: Int, minor: Int, text: String) {
        self.major = major
        self.minor = minor
        self.text = text
    }

    /// Reads the server's major and minor ("1", "29+"), keeping only the leading digits.
    package init?(major: String, minor: String, text: String?) {
        guard let major = Int(major.prefix { $0.isNumber }), let minor = Int(minor.prefix { $0.isNumber }) else { return nil }
        self.init(major: major, minor: minor, text: text ?? "v\(major).\(minor)")
    }

    public var description: String { "\(major).\(minor)" }
}

/// A Helm release that installed an object, from its `meta.helm.sh/release-*` annotations.
public struct HelmOwner: Sendable, Equatable, CustomStringConvertible {
    public let release: String
    public let namespace: String

    public init(release: String, namespace: String) {
        self.release = release
        self.namespace = namespace
    }

    /// The owner named by an object's annotations, if Helm installed it.
    package init?(annotations: [String: String]?) {
        guard let release = annotations?["meta.helm.sh/release-name"], let namespace = annotations?["meta.helm.sh/release-namespace"]
        else { return nil }
        self.init(release: release, namespace: namespace)
    }

    public var description: String { "release \(release) in namespace \(namespace)" }
}

/// A ClusterSecretStore of the External Secrets Operator: its name, its provider (`aws`,
/// `gcpsm`, ...) and whether its Ready condition is True.
public struct ClusterSecretStoreFact: Sendable, Equatable {
    public let name: String
    public let provider: String?
    public let isReady: Bool

    public init(name: String, provider: String?, isReady: Bool) {
        self.name = name
        self.provider = provider
        self.isReady = isReady
    }
}

/// A StorageClass.
public struct StorageClassFact: Sendable, Equatable {
    public let name: String
    public let provisioner: String
    /// Marked as the cluster's default (`storageclass.kubernetes.io/is-default-class`, or its old beta name).
    public let isDefault: Bool

    public init(name: String, provisioner: String, isDefault: Bool) {
        self.name = name
        self.provisioner = provisioner
        self.isDefault = isDefault
    }
}

/// An IngressClass.
public struct IngressClassFact: Sendable, Equatable {
    public let name: String
    /// The controller that serves it, e.g. `k8s.io/ingress-nginx`.
    public let controller: String
    public let isDefault: Bool
    /// The Helm release that installed it, if one did.
    public let owner: HelmOwner?
    /// The version of the controller that installed it, from its `app.kubernetes.io/version`
    /// label (ingress-nginx's chart and manifests set it), when it has one.
    public let version: String?

    public init(name: String, controller: String, isDefault: Bool, owner: HelmOwner?, version: String? = nil) {
        self.name = name
        self.controller = controller
        self.isDefault = isDefault
        self.owner = owner
        self.version = version
    }

    /// The controller ingress-nginx registers.
    public static let ingressNginxController = "k8s.io/ingress-nginx"
}

/// Software found installed in the cluster, such as cert-manager.
public struct InstalledComponent: Sendable, Equatable {
    /// What was found that shows it, e.g. "CustomResourceDefinition certificates.cert-manager.io".
    public let evidence: String
    /// The Helm release that installed it, if one did.
    public let owner: HelmOwner?
    /// Its version, when the objects say (`app.kubernetes.io/version`).
    public let version: String?

    public init(evidence: String, owner: HelmOwner?, version: String?) {
        self.evidence = evidence
        self.owner = owner
        self.version = version
    }

    /// Whether one of the bundle's own releases installed it (the chart's, or one its
    /// prerequisites install), which would install it anyway.
    public func belongs(to releases: [HelmOwner]) -> Bool {
        owner.map(releases.contains) ?? false
    }
}

/// A Secret in the namespace: its name, type and data key names. Never its values.
public struct SecretFact: Sendable, Equatable {
    public let name: String
    public let type: String
    public let keys: [String]

    public init(name: String, type: String, keys: [String]) {
        self.name = name
        self.type = type
        self.keys = keys
    }

    /// Types that hold no app's password: TLS pairs, registry logins, tokens, Helm's own records.
    static let notCredentialTypes: Set<String> = [
        "kubernetes.io/tls", "kubernetes.io/service-account-token", "kubernetes.io/dockercfg", "kubernetes.io/dockerconfigjson",
        "bootstrap.kubernetes.io/token", "helm.sh/release.v1",
    ]

    /// Whether it can hold an app's credentials (the choices for an `existingSecret`).
    public var canHoldCredentials: Bool { !Self.notCredentialTypes.contains(type) }
    public var isTLS: Bool { type == "kubernetes.io/tls" }
}

/// A Helm release already installed under the release name, so the install is an upgrade.
public struct InstalledRelease: Sendable, Equatable {
    public let name: String
    public let namespace: String
    public let revision: String
    /// Helm's status: deployed, failed, pending-upgrade, …
    public let status: String
    /// The chart as Helm lists it, e.g. `analytics-30.40.0`.
    public let chart: String
    public let appVersion: String

    public init(name: String, namespace: String, revision: String, status: String, chart: String, appVersion: String) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.status = status
        self.chart = chart
        self.appVersion = appVersion
    }

    /// The chart's version: what follows the last `-` that starts a version in `chart`.
    public var chartVersion: String? { Self.split(chart)?.version }
    /// The chart's name, without its version.
    public var chartName: String { Self.split(chart)?.name ?? chart }

    private static func split(_ chart: String) -> (name: String, version: String)? {
        var index = chart.endIndex
        while let dash = chart[..<index].lastIndex(of: "-") {
            let rest = chart[chart.index(after: dash)...]
            if rest.first?.isNumber == true { return (String(chart[..<dash]), String(rest)) }
            index = dash
        }
        return nil
    }
}

/// A Google Cloud global static IP address.
public struct StaticAddress: Sendable, Equatable {
    public let name: String
    public let address: String?
    /// RESERVED, IN_USE, …
    public let status: String?

    public init(name: String, address: String?, status: String?) {
        self.name = name
        self.address = address
        self.status = status
    }
}

/// Everything the probes read from the cluster for one target; a probe that has not answered yet
/// is nil, one that failed holds why.
public struct ClusterFacts: Sendable {
    /// What was probed: the context, namespace, release and static IP the answers named.
    public let target: ClusterProbeTarget
    /// The kubeconfig's contexts (`kubectl config view`).
    public var contexts: ProbeResult<KubeContexts>?
    /// The server's version; the other cluster probes run only once it answered.
    public var version: ProbeResult<KubernetesVersion>?
    /// The StorageClasses.
    public var storageClasses: ProbeResult<[StorageClassFact]>?
    /// The IngressClasses.
    public var ingressClasses: ProbeResult<[IngressClassFact]>?
    /// cert-manager, found by its CustomResourceDefinition; nil inside when it is not installed.
    public var certManager: ProbeResult<InstalledComponent?>?
    /// Whether the namespace exists.
    public var namespaceExists: ProbeResult<Bool>?
    /// The namespace's Secrets (names, types and key names), Helm's release records left out.
    public var secrets: ProbeResult<[SecretFact]>?
    /// The release already installed under the release name; nil inside when there is none.
    public var release: ProbeResult<InstalledRelease?>?
    /// The GCP static IP; nil inside when it does not exist. Not probed (nil) without one to look for.
    public var staticIP: ProbeResult<StaticAddress?>?
    /// The Gateway API: whether HTTPRoutes v1 are served, and the Gateways. Not probed (nil)
    /// unless the answers attach to a Gateway.
    public var gatewayAPI: ProbeResult<GatewayAPIFact>?
    /// The nodes that can run pods (not cordoned), with what each has allocatable and its zone.
    public var nodes: ProbeResult<[NodeFact]>?
    /// The External Secrets Operator's ClusterSecretStores; empty when it is not installed. Not
    /// probed (nil) unless the answers keep the secrets in a cloud store.
    public var clusterSecretStores: ProbeResult<[ClusterSecretStoreFact]>?
    /// The versions the External Secrets Operator's ExternalSecret definition serves; nil inside
    /// when it is not installed. Probed with the ClusterSecretStores.
    public var externalSecretVersions: ProbeResult<[String]?>?

    public init(target: ClusterProbeTarget) {
        self.target = target
    }

    /// Whether the cluster answered at all (its version was read).
    public var clusterAnswered: Bool {
        if case .success = version { return true }
        return false
    }

    /// ingress-nginx, found by an IngressClass its controller serves; nil inside when there is none.
    public var ingressNginx: ProbeResult<InstalledComponent?>? {
        ingressClasses.map { result in
            result.map { classes in
                classes.first { $0.controller == IngressClassFact.ingressNginxController }.map {
                    InstalledComponent(evidence: "IngressClass \($0.name)", owner: $0.owner, version: $0.version)
                }
            }
        }
    }

    /// One quiet line per probe that read nothing, in probe order; a silent cluster is one line,
    /// not one per probe it stopped, and so is probing that could not start (--offline, no kubectl).
    public var notes: [String] {
        var lines: [String] = []
        let entries: [(String, ProbeFailure?)] = [
            ("kube contexts", contexts?.failure), ("Kubernetes version", version?.failure),
            ("storage classes", storageClasses?.failure), ("ingress classes", ingressClasses?.failure),
            ("cert-manager", certManager?.failure), ("namespace \(target.namespace)", namespaceExists?.failure),
            ("Secrets in namespace \(target.namespace)", secrets?.failure),
            ("release \(target.release)", release?.failure), ("static IP \(target.staticIPName ?? "")", staticIP?.failure),
            ("Gateways", gatewayAPI?.failure),
            ("nodes", nodes?.failure),
            ("ClusterSecretStores", clusterSecretStores?.failure), ("External Secrets Operator", externalSecretVersions?.failure),
        ]
        for (what, failure) in entries {
            guard let failure else { continue }
            if case .skipped = failure { continue }
            // Probing off, or no kubectl, stops every probe for the one reason: one line says it.
            switch failure {
            case .offline, .toolMissing(.kubectl):
                let line = "nothing was read from the cluster: \(failure)"
                if !lines.contains(line) { lines.append(line) }
            default:
                lines.append("\(what): not read: \(failure)")
            }
        }
        return lines
    }
}

// Package-wide, not public: a public extension would add these names to every importer's Result.
extension Result {
    /// The failure, or nil on success.
    package var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }

    /// The value, or nil on failure.
    package var value: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}

/// What the cluster has of the Gateway API.
public struct GatewayAPIFact: Sendable, Equatable {
    /// Whether the HTTPRoute CustomResourceDefinition serves gateway.networking.k8s.io/v1.
    public let servesHTTPRoutes: Bool
    /// The Gateways of every namespace (none read when HTTPRoutes aren't served).
    public let gateways: [GatewayFact]

    public init(servesHTTPRoutes: Bool, gateways: [GatewayFact]) {
        self.servesHTTPRoutes = servesHTTPRoutes
        self.gateways = gateways
    }
}

/// A Gateway, with the listeners routes attach to.
public struct GatewayFact: Sendable, Equatable {
    /// Which namespaces a listener admits routes from (`allowedRoutes.namespaces.from`; Same when unset).
    public enum Admits: String, Sendable { case all = "All", same = "Same", selector = "Selector" }

    public struct Listener: Sendable, Equatable {
        public let name: String
        public let hostname: String?
        public let `protocol`: String
        public let admits: Admits

        public init(name: String, hostname: String?, protocol: String, admits: Admits) {
            self.name = name
            self.hostname = hostname
            self.protocol = `protocol`
            self.admits = admits
        }
    }

    public let name: String
    public let namespace: String
    public let className: String
    public let listeners: [Listener]

    public init(name: String, namespace: String, className: String, listeners: [Listener]) {
        self.name = name
        self.namespace = namespace
        self.className = className
        self.listeners = listeners
    }
}
