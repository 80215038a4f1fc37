import Foundation
import SeedCompiler

/// Replaces files all together or not at all. Each new file is first written in full
/// to a temporary file beside its target; only when every one is complete are they
/// renamed into place. On any failure the temporaries are removed and every target is
/// left exactly as it was, so a reader never sees half a file or a mix of old and new.
struct OutputWriter {
    let folder: URL
    /// How the folder is named in errors (`seeds`, or the `--out` given).
    let shownAs: String

    /// Why a file could not be written: the file as the user knows it, and the cause.
    struct Failure: Error, CustomStringConvertible {
        var file: String
        var cause: String

        var description: String { "cannot write \(file): \(cause)" }
    }

    /// Writes the outputs whose bytes changed; returns their paths (unchanged files
    /// are left alone, modification time included).
    func write(_ outputs: [OutputFile]) throws -> [String] {
        if mkdir(folder.path, 0o755) != 0, errno != EEXIST {
            throw Failure(file: shownAs, cause: String(cString: strerror(errno)))
        }
        var changes: [(target: URL, bytes: [UInt8], shownAs: String)] = []
        for output in outputs {
            let target = folder.appendingPathComponent(output.path)
            let bytes = Array(output.contents.utf8)
            if let old = try? Data(contentsOf: target), old.count == bytes.count,
               bytes.isEmpty || old.withUnsafeBytes({ old in bytes.withUnsafeBytes { memcmp(old.baseAddress!, $0.baseAddress!, bytes.count) == 0 } }) { continue }
            changes.append((target, bytes, shownAs + "/" + output.path))
        }
        try Self.replace(changes)
        return changes.map { $0.target.lastPathComponent }
    }

    /// Replaces one file (through a temporary file renamed into place).
    static func replace(_ target: URL, with bytes: Data) throws {
        try replace([(target, Array(bytes), target.relativePath)])
    }

    /// Stages every file, then renames them all; on a failure removes what it staged.
    private static func replace(_ files: [(target: URL, bytes: [UInt8], shownAs: String)]) throws {
        var staged: [(temporary: String, target: String)] = []
        do {
            for file in files {
                let temporary = file.target.deletingLastPathComponent()
                    .appendingPathComponent(".\(file.target.lastPathComponent).seedc-\(getpid()).tmp").path
                staged.append((temporary, file.target.path))
                if let cause = writeWhole(file.bytes, to: temporary) { throw Failure(file: file.shownAs, cause: cause) }
            }
            for (index, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
                throw Failure(file: files[index].shownAs, cause: String(cString: strerror(errno)))
            }
        } catch {
            for file in staged { unlink(file.temporary) }
            throw error
        }
    }

    /// Creates `path` and writes all of `bytes` to disk; the cause when it cannot.
    /// Flushed before returning, so a full disk is found here and not after a rename.
    private static func writeWhole(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let cause = String(cString: strerror(errno))
                close(descriptor)
                return cause
            }
            written += count
        }
        let synced = fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
        return close(descriptor) == 0 ? synced : String(cString: strerror(errno))
    }
}
