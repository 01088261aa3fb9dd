/// Changes an app makes to what its chart renders, where no chart value can: an image the chart
/// hard-codes, a Secret the chart would read from a ConfigMap. The bundle carries them as a Helm
/// post-renderer that runs `kubectl kustomize` over the chart's manifests, so Helm still owns
/// every object and an upgrade applies them again.
public struct PostRender: Sendable, Equatable {
    /// An image to pin by name (registry and repository), whatever tag the chart gives it.
    public struct ImagePin: Sendable, Equatable {
        /// The image as the chart writes it, without tag, e.g. `altinity/metrics-exporter`.
        public let name: String
        /// The tag to use instead.
        public let tag: String
        /// Why the chart's own is not good enough, for the bundle's README.
        public let reason: String

        public init(name: String, tag: String, reason: String) {
            self.name = name
            self.tag = tag
            self.reason = reason
        }
    }

    /// A patch of one object the chart renders: strategic-merge, or JSON Patch operations where a
    /// merge can't say it (kustomize takes a null annotation for the text "null", not a removal).
    public struct Patch: Sendable, Equatable {
        public let kind: String
        public let name: String
        /// The patch: a partial object (apiVersion, kind and metadata.name are added), or with
        /// `isJSONPatch` the list of RFC 6902 operations.
        public let body: YAMLTree
        /// What the patch does, for the README and the patch file's comment.
        public let reason: String
        /// Whether `body` is a list of JSON Patch operations.
        public let isJSONPatch: Bool
        /// A regular expression the object's whole name must match, where the chart names it
        /// anew on each render (a Job with the time in its name); nil to match `name` alone.
        public let namePattern: String?

        public init(kind: String, name: String, body: YAMLTree, reason: String, namePattern: String? = nil) {
            self.kind = kind
            self.name = name
            self.body = body
            self.reason = reason
            self.isJSONPatch = false
            self.namePattern = namePattern
        }

        /// JSON Patch operations, each `(op, path, value)`; a path's `/` and `~` in a key are
        /// written `~1` and `~0`, as RFC 6901 has them.
        public init(kind: String, name: String, operations: [(op: String, path: String, value: YAMLTree?)], reason: String) {
            self.kind = kind
            self.name = name
            self.body = .list(operations.map { operation in
                .map([("op", .string(operation.op)), ("path", .string(operation.path))] + (operation.value.map { [("value", $0)] } ?? []))
            })
            self.reason = reason
            self.isJSONPatch = true
            self.namePattern = nil
        }
    }

    /// An object the chart lacks and the release needs, such as the volume claim a template
    /// forgot: added to what the chart renders, so that Helm owns it like the chart's own.
    public struct Resource: Sendable, Equatable {
        public let apiVersion: String
        public let kind: String
        public let name: String
        /// The object without apiVersion, kind and metadata.name, which are added.
        public let body: YAMLTree
        /// Why the release needs it, for the README and the file's comment.
        public let reason: String

        public init(apiVersion: String, kind: String, name: String, body: YAMLTree, reason: String) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.name = name
            self.body = body
            self.reason = reason
        }
    }

    public var imagePins: [ImagePin]
    public var patches: [Patch]
    public var resources: [Resource]

    public init(imagePins: [ImagePin] = [], patches: [Patch] = [], resources: [Resource] = []) {
        self.imagePins = imagePins
        self.patches = patches
        self.resources = resources
    }

    public var isEmpty: Bool { imagePins.isEmpty && patches.isEmpty && resources.isEmpty }

    /// The plugin's folder in the bundle; `HELM_PLUGINS` points at its parent for Helm 4.
    public static let pluginsFolder = "helm-plugins"
    /// The post-renderer's name as a Helm 4 plugin.
    public static let pluginName = "rigger-post-render"
    /// The folder holding the plugin, its script and its kustomization.
    public static var folder: String { "\(pluginsFolder)/\(pluginName)" }
    /// The executable Helm 3 takes as `--post-renderer`.
    public static var script: String { "\(folder)/post-render.sh" }

    /// The oldest kubectl whose built-in kustomize renders every bundle: kubectl 1.22, with
    /// kustomize v4.2.0. Checked by rendering each bundle through real kubectl builds: 1.20's
    /// kustomize (v2.0.3) can't read `patches` with targets, and 1.21's (v4.0.5) fails on one
    /// app's rendered manifests ("invalid trailing UTF-8 octet"); 1.22 renders the same objects
    /// as today's kustomize v5.
    public static let minimumKubectlMinor = 22
    /// The kustomize that minimum kubectl embeds, as the messages name it.
    public static let minimumKustomize = "v4.2.0"
}
