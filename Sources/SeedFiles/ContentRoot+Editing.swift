import Foundation
import SeedCompiler

/// The content files `init` and `capture` edit, each a path as written, relative to
/// the root: read first (inside the root only), then replaced whole.
extension ContentRoot {
    /// Whether the path names something, a dangling link included.
    public func exists(_ path: String) -> Bool {
        guard let url = relative(path) else { return false }
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    /// The file's bytes, empty when it does not exist yet; an `outside-root` error for
    /// a path that leads out of the root.
    public func editable(_ path: String) throws -> [UInt8] {
        guard allowsWriting(path), let url = relative(path) else {
            throw Self.outside(path, at: .file(path))
        }
        return exists(path) ? try read(url, as: path, at: .file(path)).get() : []
    }

    /// Replaces the file with `bytes` (through a temporary file renamed into place),
    /// creating its folder when missing.
    public func replace(_ path: String, with bytes: [UInt8]) throws {
        guard allowsWriting(path), let file = relative(path) else {
            throw Self.outside(path, at: .file(path))
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try OutputWriter.replace(file, with: Data(bytes))
    }
}
