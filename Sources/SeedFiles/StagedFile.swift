import Foundation
import SeedCompiler

/// A sink that stages a new version of a file: while the rendered bytes equal the
/// file's (`FileComparison`) nothing is written; from the first difference on, they go
/// to a temporary file beside it, which starts with the equal part copied from the
/// file. So an unchanged output costs a read, and keeps its file and modification time.
final class StagedFile: ByteSink {
    let target: String
    let temporary: String
    private let comparison: FileComparison
    private var descriptor: Int32 = -1

    /// Why a file could not be staged (`strerror` of the failing call).
    struct Failure: Error {
        var cause: String
    }

    init(target: String) {
        self.target = target
        let url = URL(fileURLWithPath: target)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).seedc-\(getpid()).tmp").path
        comparison = FileComparison(path: target)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        if descriptor < 0 {
            try comparison.write(bytes)
            guard comparison.differs else { return }
            try openTemporary()
        }
        try writeAll(bytes)
    }

    /// After the last write: false when the target already held these bytes (nothing
    /// staged); true when the temporary is complete and flushed to disk, so a full
    /// disk is found here and not after a rename.
    func finish() throws -> Bool {
        if descriptor < 0 {
            if comparison.finish() { return false }
            try openTemporary()
        }
        guard fsync(descriptor) == 0 else { throw Failure(cause: String(cString: strerror(errno))) }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw Failure(cause: String(cString: strerror(errno))) }
        return true
    }

    /// Removes the temporary (after a failure anywhere).
    func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }

    /// Creates the temporary and copies into it the part of the target found equal.
    private func openTemporary() throws {
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(cause: String(cString: strerror(errno))) }
        guard comparison.matched > 0 else { return }
        let source = open(target, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard source >= 0 else { throw Failure(cause: String(cString: strerror(errno))) }
        defer { close(source) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var left = comparison.matched
        while left > 0 {
            let count = chunk.withUnsafeMutableBytes { FileComparison.read(source, into: $0.baseAddress!, count: min(left, $0.count)) }
            guard count > 0 else { throw Failure(cause: count < 0 ? String(cString: strerror(errno)) : "\(target) changed while being read") }
            try chunk.withUnsafeBytes { try writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            left -= count
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(cause: String(cString: strerror(errno))) }
            written += count
        }
    }
}
