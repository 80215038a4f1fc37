import Foundation
import SeedCompiler
import SeedFiles

/// Edits of content files made by `init` and `capture`: a failed edit is reported at
/// its place in the file, and an edited file replaces the old one whole.
enum ContentEdits {
    /// The edit `body` makes; its `ContentEditor.Failure` becomes an `edit-failed`
    /// error in `path`.
    static func apply(in path: String, _ body: () throws -> [UInt8]) throws -> [UInt8] {
        do {
            return try body()
        } catch let failure as ContentEditor.Failure {
            throw CommandFailure([.error(.editFailed, failure.message, at: failure.location ?? .file(path))])
        }
    }

    /// Writes a content file (relative to the root), creating its folder.
    static func write(_ bytes: [UInt8], to path: String, in root: URL) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try OutputWriter.replace(file, with: Data(bytes))
    }
}
