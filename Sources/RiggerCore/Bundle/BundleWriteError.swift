/// Writing a bundle failed; says which file and what happened. The old bundle is left as it was.
public struct BundleWriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// The output folder can't be written into without --force (a folder that isn't a rigger bundle).
public struct ForeignFolderError: Error, Sendable, CustomStringConvertible {
    public let directory: String
    public let entries: [String]

    public var description: String {
        let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", ..." : "")
        return "\(directory) is not empty and is not a rigger bundle (no rigger.yaml); it holds \(shown). "
            + "Choose an empty or new folder, or pass --force to write into it anyway."
    }
}
