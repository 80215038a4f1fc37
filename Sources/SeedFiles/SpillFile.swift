import Foundation
import SeedCompiler

/// The planner's spill (`RowSpill`): an unnamed temporary file in the system's
/// temporary folder (`TMPDIR`, else /tmp), created on the first write and unlinked at
/// once, so nothing is left behind, even when seedc is killed. Encoded rows past
/// `SEEDC_ROW_MEMORY` MiB (16 by default) go there.
public final class SpillFile: RowSpill, @unchecked Sendable {
    static let defaultMemory = 16

    public let memoryBudget = (ProcessInfo.processInfo.environment["SEEDC_ROW_MEMORY"].flatMap { Int($0) }.map { max(0, $0) } ?? defaultMemory) << 20
    private let lock = NSLock()
    private let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    /// Guarded by `lock`, like `end` and `firstFailure`.
    private var descriptor: Int32 = -1
    private var end = 0
    private var firstFailure: String?

    public init() {}

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public var failure: String? {
        lock.withLock { firstFailure }
    }

    public func append(_ bytes: UnsafeRawBufferPointer) -> Int? {
        lock.withLock {
            guard firstFailure == nil, openIfNeeded() else { return nil }
            let start = end
            var written = 0
            while written < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(start + written))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    fail(count < 0 ? errno : ENOSPC)
                    return nil
                }
                written += count
            }
            end += written
            return start
        }
    }

    public func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        let descriptor = lock.withLock { self.descriptor }
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let code = count < 0 ? errno : EIO
                lock.withLock { fail(code) }
                return false
            }
            done += count
        }
        return true
    }

    /// Call with `lock` held.
    private func openIfNeeded() -> Bool {
        guard descriptor < 0 else { return true }
        var template = Array((folder + "/seedc-rows-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            fail(errno)
            return false
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return true
    }

    /// Keeps the first failure; call with `lock` held.
    private func fail(_ code: Int32) {
        if firstFailure == nil {
            firstFailure = "\(String(cString: strerror(code))) (in \(folder); set TMPDIR to a folder with room)"
        }
    }
}
