/// Questions every app asks the same way, declared once: the same key means the same thing in
/// every app, and `rigger explain` reads alike. Each app assembles its catalog from these and its own.
public enum CommonQuestions {
    /// Holds when the dependency is a managed service.
    public static func managed(_ dependency: String) -> Condition { .when("\(dependency).mode", is: "managed") }
    /// Holds when the dependency runs in the cluster.
    public static func inCluster(_ dependency: String) -> Condition { .when("\(dependency).mode", is: "in-cluster") }

    /// Where the cluster runs; the presets and the ingress choices follow it.
    public static let cloud = Question(
        key: "cloud", title: "Cloud",
        help: "Where the Kubernetes cluster runs: GKE on Google Cloud, EKS on AWS, or anything else (kind, k3s, on-premises).",
        kind: .choice([Choice("gcp", "Google Cloud (GKE)"), Choice("aws", "Amazon Web Services (EKS)"), Choice("other", "another cluster")]),
        step: .app)

    /// The cluster step: kube context, namespace, release, chart version, image tag, storage class.
    /// `imageTag` is the pinned default; `chartHelp` says which chart version the values are for.
    /// `chartVersion` and `imageExample` are also the examples the two formats quote in errors and
    /// `explain`, so that each app shows its own.
    public static func cluster(app: String, id: String, chartVersion: String, chartHelp: String, imageTag: String, imageExample: String) -> [Question] {
        [
            Question(
                key: "kubeContext", title: "Kube context",
                help: "The kubeconfig context of the target cluster. When set, the scripts refuse to run against any other context.",
                kind: .text(.kubeContext), step: .cluster, isOptional: true, whenEmpty: "(the current context)"),
            Question(
                key: "namespace", title: "Namespace", help: "The Kubernetes namespace \(app) is installed into.",
                kind: .text(.dnsLabel(maxLength: 63)), step: .cluster, defaultValue: .value(.string(id))),
            Question(
                key: "release", title: "Release name",
                help: "The Helm release name. It must stay the same for every upgrade: a new name is a new install.",
                kind: .text(.dnsLabel(maxLength: 53)), step: .cluster, defaultValue: .value(.string(id))),
            Question(
                key: "chart.version", title: "Chart version", help: chartHelp,
                kind: .text(.semanticVersion(example: chartVersion)), step: .cluster, defaultValue: .value(.string(chartVersion))),
            Question(
                key: "image.tag", title: "\(app) image tag",
                help: "The \(app) image tag, pinned so that a pod restart never changes the version (never 'latest'), e.g. \(imageExample).",
                kind: .text(.imageTag(example: imageExample)), step: .cluster, defaultValue: .value(.string(imageTag))),
            Question(
                key: "storageClass", title: "Storage class",
                help: "The storage class for every volume rigger sizes. Empty uses the cluster's default storage class.",
                kind: .text(.kubernetesName), step: .cluster, isOptional: true, whenEmpty: "(the cluster's default)"),
        ]
    }

    /// The answers that read a secret from a Secret already in the cluster: its name, and its data
    /// key unless the chart fixes it. They apply when the secret does. `named` says whose Secret it
    /// is in a few words ("the PostgreSQL password"), for the titles, which plain mode and screen
    /// readers show alone; `secret` says what the Secret holds, and `note` why, when that needs saying.
    public static func existingSecret(
        _ prefix: String, named: String, for secret: String, note: String? = nil, step: WizardStep, appliesWhen: Condition = .always,
        defaultKey: String?, keyAppliesWhen: Condition = .always
    ) -> (questions: [Question], answers: ExistingSecretAnswers) {
        var questions = [
            Question(
                key: "\(prefix).existingSecret", title: "Existing Secret for \(named)",
                help: "The name of a Secret already in the namespace that holds \(secret), used instead of one rigger writes. "
                    + "rigger then neither generates nor stores the value; 00-preflight.sh checks that the Secret is there."
                    + (note.map { " " + $0 } ?? ""),
                kind: .text(.kubernetesName), step: step, appliesWhen: appliesWhen, isOptional: true),
        ]
        if let defaultKey {
            questions.append(Question(
                key: "\(prefix).existingSecretKey", title: "Key of \(named) in its Secret",
                help: "The key in the existing Secret that holds \(secret).",
                kind: .text(.secretDataKey), step: step, defaultValue: .value(.string(defaultKey)),
                appliesWhen: .all(appliesWhen, keyAppliesWhen, .answered("\(prefix).existingSecret"))))
        }
        return (questions, ExistingSecretAnswers(name: "\(prefix).existingSecret", dataKey: defaultKey == nil ? nil : "\(prefix).existingSecretKey"))
    }

    /// Whether a dependency runs in the cluster or is a managed service.
    public static func mode(_ dependency: String, _ service: String, managedExamples: String, inClusterLabel: String = "run it in the cluster") -> Question {
        Question(
            key: "\(dependency).mode", title: "\(service) hosting",
            help: "Run \(service) in the cluster or use a managed service (\(managedExamples)).",
            kind: .choice([Choice("in-cluster", inClusterLabel), Choice("managed", "a managed service: \(managedExamples)")]),
            step: .dependencies, defaultValue: .value(.string("in-cluster")))
    }

    /// A volume's size, asked on the sizing step; `volume` names whose volume it is, and the
    /// title says it is a volume, not the service: "PostgreSQL" alone is the hosting question's.
    public static func storage(_ key: String, _ volume: String, _ size: String, appliesWhen: Condition) -> Question {
        Question(
            key: key, title: "\(volume) volume",
            help: "The size of the \(volume) volume. Volumes can grow later but never shrink.",
            kind: .size, step: .sizing, defaultValue: .value(.string(size)), appliesWhen: appliesWhen)
    }
}
