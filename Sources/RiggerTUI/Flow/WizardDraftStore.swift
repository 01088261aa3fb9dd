import Foundation
import RiggerCore

/// Where the wizard keeps the draft of an unfinished run: the folder's `.rigger/` on disk for the
/// real front ends, anything else in tests, so that the flow can be driven without a disk.
public protocol WizardDraftStore: AnyObject {
    /// The draft saved in `folder`, or nil when there is none.
    func read(from folder: String) throws -> WizardDraft?
    /// Saves `draft` as the draft of `folder`.
    func save(_ draft: WizardDraft, in folder: String) throws
    /// Drops the draft of `folder`, and the folder itself when the draft alone made it and it is empty.
    func remove(from folder: String, removeEmptyFolder: Bool)
    /// Whether `folder` exists: a draft saved into a folder that didn't makes it, and leaving drops it.
    func folderExists(_ folder: String) -> Bool
}

/// The draft as a file in the bundle's folder (`.rigger/draft.yaml`), 0600 in a 0700 folder.
public final class FileDraftStore: WizardDraftStore {
    public init() {}

    public func read(from folder: String) throws -> WizardDraft? {
        try WizardDraft.read(from: folder)
    }

    public func save(_ draft: WizardDraft, in folder: String) throws {
        try draft.save(in: folder)
    }

    public func remove(from folder: String, removeEmptyFolder: Bool) {
        WizardDraft.remove(from: folder, removeEmptyFolder: removeEmptyFolder)
    }

    public func folderExists(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder)
    }
}
