/// What rigger knows about registries and repositories that stopped serving images, or serve
/// them frozen: one table for every app, read by the bundle README, 00-preflight.sh and
/// `rigger check`.
public struct ImageRegistryNotice: Sendable, Equatable {
    /// Whether pulls fail (or are kept alive only by a redirect that will end), or still work.
    public enum Status: String, Sendable {
        /// Pulls fail, now or soon: an install with such an image is refused.
        case retired
        /// Pulls work, but no new builds or security fixes come: the README warns.
        case frozen
    }

    /// The normalized prefix (`registry/repository…`) the notice covers, e.g. `docker.io/bitnami/`.
    public let prefix: String
    public let status: Status
    /// Since when, as a date (YYYY-MM or YYYY-MM-DD).
    public let since: String
    /// What happened, in a few words.
    public let what: String
    /// What to use instead.
    public let replacement: String

    /// The notice for an image, or nil when none applies.
    public static func notice(for image: ImageReference) -> ImageRegistryNotice? {
        let name = image.registry + "/" + image.repository
        if exceptions.contains(name) { return nil }
        return all.first { (name + "/").hasPrefix($0.prefix) || name.hasPrefix($0.prefix) }
    }

    /// Repositories under a retired prefix that were kept.
    static let exceptions: Set<String> = ["docker.io/bitnami/minideb", "docker.io/bitnami/sealed-secrets-controller"]

    /// Every notice, the most specific first.
    public static let all: [ImageRegistryNotice] = [
        ImageRegistryNotice(
            prefix: "gcr.io/kubebuilder/kube-rbac-proxy", status: .retired, since: "2025-03-18",
            what: "kubebuilder stopped publishing kube-rbac-proxy to gcr.io",
            replacement: "quay.io/brancz/kube-rbac-proxy at the same version"),
        ImageRegistryNotice(
            prefix: "docker.io/bitnami/", status: .retired, since: "2025-09-29",
            what: "Bitnami deleted its free versioned images from docker.io/bitnami",
            replacement: "docker.io/bitnamilegacy/ (frozen, Debian 11 and 12 builds only), a maintained image, or a managed service"),
        ImageRegistryNotice(
            prefix: "k8s.gcr.io/", status: .retired, since: "2023-04-03",
            what: "k8s.gcr.io was frozen; pulls are only redirected, and the redirect is to end",
            replacement: "registry.k8s.io/ with the same path and digest"),
        ImageRegistryNotice(
            prefix: "gcr.io/google-containers/", status: .retired, since: "2025-04-22",
            what: "Google Container Registry stopped serving it",
            replacement: "registry.k8s.io/ where the image was promoted there"),
        ImageRegistryNotice(
            prefix: "gcr.io/google_containers/", status: .retired, since: "2025-04-22",
            what: "Google Container Registry stopped serving it",
            replacement: "registry.k8s.io/ where the image was promoted there"),
        ImageRegistryNotice(
            prefix: "docker.io/bitnamilegacy/", status: .frozen, since: "2025-08-28",
            what: "Bitnami's copy of its old images: no rebuilds or security fixes, and announced as temporary",
            replacement: "a managed service, or a maintained image mirrored into your own registry"),
        ImageRegistryNotice(
            prefix: "registry.k8s.io/ingress-nginx/", status: .frozen, since: "2026-03",
            what: "the ingress-nginx project was retired (announced 2025-11-11): no more releases or security fixes",
            replacement: "Traefik through ingress.type=traefik, a Gateway API Gateway through ingress.type=gateway, or a controller of your own through ingress.type=existing"),
    ]
}
