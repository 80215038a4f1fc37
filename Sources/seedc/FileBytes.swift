import Foundation
import SeedCompiler

/// An open file read in pieces at given offsets (`pread`), so several readers (the
/// YAML parser, the content hash) can read it at once and none holds it whole. The
/// descriptor is the one `ContentRoot` checked; it is closed when the last reference
/// goes away.
final class FileBytes: ByteSource {
    private let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(SourceReadError) -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno != EINTR { throw SourceReadError(reason: String(cString: strerror(errno))) }
        }
    }
}
