import SeedCompiler

/// Edits of content files made by `init` and `capture`: a failed edit is reported at
/// its place in the file.
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

}
