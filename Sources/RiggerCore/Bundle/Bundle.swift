/// One file of a bundle: a path relative to the bundle folder, its text and its permission bits.
public struct BundleFile: Sendable, Hashable {
    public let path: String
    public let contents: String
    public let mode: UInt16

    public init(path: String, contents: String, mode: UInt16) {
        self.path = path
        self.contents = contents
        self.mode = mode
    }

    /// Permission bits for a plain file, a script, and a secret.
    public static let regular: UInt16 = 0o644
    public static let executable: UInt16 = 0o755
    public static let secret: UInt16 = 0o600
}

/// A whole bundle in memory, as renderers produce it and `BundleWriter` writes it.
public struct Bundle: Sendable, Hashable {
    /// Files sorted by path, so that the same plan always gives the same bundle.
    public let files: [BundleFile]

    /// Folders and their permission bits; secrets/ is 0700.
    public static let directoryModes: [String: UInt16] = ["secrets": 0o700, "scripts": 0o755]

    /// Folders the bundle owns whole: every file in them is rigger's to replace or remove.
    public static let ownedFolders = ["helm-plugins", "manifests"]

    public init(files: [BundleFile]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    public subscript(path: String) -> BundleFile? { files.first { $0.path == path } }

    public var paths: [String] { files.map(\.path) }
}
