extension CommonQuestions {
    /// How traffic reaches the app and how its certificate is obtained: the same choices for every
    /// app, each mapped by the app onto its chart. `nginxLabel` says who installs ingress-nginx.
    /// Traefik is the controller rigger installs by default; ingress-nginx stays for bundles and
    /// clusters that have it, with its retirement said (`IngressNginxRetirement`).
    public static func ingress(app: String, id: String, nginxLabel: String, letsencryptLabel: String) -> [Question] {
        [
            Question(
                key: "ingress.type", title: "Ingress",
                help: "How traffic reaches \(app): a Google Cloud load balancer (GKE), Traefik (installed by 30-prerequisites.sh unless the cluster "
                    + "has the IngressClass traefik), ingress-nginx (retired: no more security fixes), an ingress controller the cluster "
                    + "already has, HTTPRoutes on a Gateway API Gateway the cluster already has (GKE's gke-l7-global-external-managed class too), "
                    + "or no ingress.",
                kind: .choice([
                    Choice("gcp-clb", "Google Cloud load balancer (GKE ingress)", availableWhen: .when("cloud", is: "gcp")),
                    Choice("traefik", "Traefik (30-prerequisites.sh installs it unless the cluster has one)"),
                    Choice("nginx", nginxLabel + "; retired, no more security fixes"),
                    Choice("existing", "an ingress controller already in the cluster"),
                    Choice("gateway", "HTTPRoutes on a Gateway already in the cluster (Gateway API)"),
                    Choice("none", "no ingress (port-forward or your own)"),
                ]),
                step: .ingress,
                defaultValue: .derived(summary: "gcp-clb when cloud is gcp, otherwise traefik") { answers in
                    .string(answers.text("cloud") == "gcp" ? "gcp-clb" : "traefik")
                }),
            Question(
                key: "ingress.hostname", title: "Hostname",
                help: "The DNS name \(app) is served on, e.g. \(id).example.com. You create its DNS record after the install.",
                kind: .text(.dnsName), step: .ingress, appliesWhen: .when("ingress.type", isNot: "none")),
            Question(
                key: "ingress.className", title: "Ingress class",
                help: "The IngressClass of the controller already in the cluster.",
                kind: .text(.kubernetesName), step: .ingress, defaultValue: .value(.string("nginx")),
                appliesWhen: .when("ingress.type", is: "existing")),
        ] + gateway(app: app) + [
            Question(
                key: "ingress.staticIpName", title: "Static IP name",
                help: "The name of the global static IP address for the Google load balancer; 30-prerequisites.sh creates it.",
                kind: .text(.gcpResourceName), step: .ingress, defaultValue: .value(.string(id)),
                appliesWhen: .when("ingress.type", is: "gcp-clb")),
            Question(
                key: "ingress.gcpProject", title: "GCP project",
                help: "The Google Cloud project the static IP is reserved in. Empty takes gcloud's configured project "
                    + "(gcloud config get-value project); 30-prerequisites.sh names the project before it creates anything.",
                kind: .text(.gcpProjectID), step: .ingress, appliesWhen: .when("ingress.type", is: "gcp-clb"), isOptional: true,
                whenEmpty: "(gcloud's configured project)"),
            Question(
                key: "ingress.tls", title: "HTTPS certificate",
                help: "How the HTTPS certificate is obtained: Google-managed (GKE load balancer), Let's Encrypt through cert-manager, an existing TLS Secret, "
                    + "the Gateway's own HTTPS listener, or plain HTTP.",
                kind: .choice([
                    Choice("gcp-managed", "a Google-managed certificate", availableWhen: .when("ingress.type", is: "gcp-clb")),
                    Choice("letsencrypt", letsencryptLabel, availableWhen: .when("ingress.type", is: "traefik", "nginx")),
                    Choice("secret", "a TLS Secret already in the namespace", availableWhen: .when("ingress.type", isNot: "gateway")),
                    Choice("gateway", "the Gateway's HTTPS listener, with its owner's certificate", availableWhen: .when("ingress.type", is: "gateway")),
                    Choice("none", "no TLS (plain HTTP)"),
                ]),
                step: .ingress,
                defaultValue: .derived(summary: "gcp-managed with gcp-clb, letsencrypt with traefik or nginx, gateway with gateway, none with existing") { answers in
                    switch answers.text("ingress.type") {
                    case "gcp-clb": return .string("gcp-managed")
                    case "traefik", "nginx": return .string("letsencrypt")
                    case "gateway": return .string("gateway")
                    default: return .string("none")
                    }
                },
                appliesWhen: .when("ingress.type", isNot: "none")),
            Question(
                key: "ingress.letsencryptEmail", title: "Let's Encrypt email",
                help: "The address Let's Encrypt writes to about expiring certificates.",
                kind: .text(.email), step: .ingress, appliesWhen: .when("ingress.tls", is: "letsencrypt")),
            Question(
                key: "ingress.installCertManager", title: "Own cert-manager",
                help: "Whether the install brings its own cert-manager to get the Let's Encrypt certificate, where the cluster "
                    + "runs none (30-prerequisites.sh uses one it finds). Turn it off to rely on the cluster's own; rigger turns "
                    + "it off by itself when it reads one in the cluster.",
                kind: .bool, step: .ingress, defaultValue: .value(.bool(true)), appliesWhen: .when("ingress.tls", is: "letsencrypt")),
            Question(
                key: "ingress.tlsSecretName", title: "TLS Secret",
                help: "The name of the kubernetes.io/tls Secret in the namespace that holds the certificate for the hostname.",
                kind: .text(.kubernetesName), step: .ingress, appliesWhen: .when("ingress.tls", is: "secret")),
        ]
    }
}
