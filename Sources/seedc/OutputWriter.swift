import Foundation
import SeedCompiler

/// Writes generated files into a folder: only files whose bytes changed, each through
/// a temporary file renamed into place, so a reader never sees half a file.
struct OutputWriter {
    let folder: URL

    /// The paths written (unchanged files are left alone, mtime included).
    func write(_ outputs: [OutputFile]) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for output in outputs {
            let target = folder.appendingPathComponent(output.path)
            let bytes = Data(output.contents.utf8)
            if (try? Data(contentsOf: target)) == bytes { continue }
            try Self.replace(target, with: bytes)
            written.append(output.path)
        }
        return written
    }

    /// Writes `bytes` to a temporary file beside `target` and renames it into place.
    static func replace(_ target: URL, with bytes: Data) throws {
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).seedc-\(ProcessInfo.processInfo.processIdentifier).tmp")
        try bytes.write(to: temporary)
        if rename(temporary.path, target.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot write \(target.path): \(String(cString: strerror(code)))"])
        }
    }
}
