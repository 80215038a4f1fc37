import Foundation
import SeedCompiler

/// A sink that compares the bytes rendered into it with a file, reading the file in
/// chunks as they arrive: whether an output changed is known without holding either.
/// A missing or unreadable file, or a symbolic link (never followed), differs.
final class FileComparison: ByteSink {
    private var descriptor: Int32
    private var chunk: [UInt8] = []
    /// The rendered bytes found equal so far (the file's first `matched` bytes).
    private(set) var matched = 0
    /// Every byte rendered into the sink, compared or not.
    private(set) var rendered = 0
    private(set) var differs: Bool

    init(path: String) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        differs = descriptor < 0
    }

    deinit { stop() }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        rendered += bytes.count
        guard !differs, bytes.count > 0 else { return }
        if chunk.count < bytes.count { chunk = [UInt8](repeating: 0, count: bytes.count) }
        let read = chunk.withUnsafeMutableBytes { FileComparison.read(descriptor, into: $0.baseAddress!, count: bytes.count) }
        if read == bytes.count, chunk.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) }) == 0 {
            matched += bytes.count
        } else {
            differs = true
            stop()
        }
    }

    /// After the last write: true when the file holds exactly the rendered bytes.
    func finish() -> Bool {
        if !differs {
            var extra: UInt8 = 0
            differs = FileComparison.read(descriptor, into: &extra, count: 1) != 0
        }
        stop()
        return !differs
    }

    private func stop() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// Reads up to `count` bytes, retrying short reads; the count read, or -1 on an error.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        var total = 0
        while total < count {
            let got = Glibc.read(descriptor, buffer + total, count - total)
            if got < 0, errno == EINTR { continue }
            if got < 0 { return -1 }
            if got == 0 { break }
            total += got
        }
        return total
    }
}
