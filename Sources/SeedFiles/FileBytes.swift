import Foundation
import SeedCompiler

/// An open file read in pieces at given offsets (`pread`), so several readers (the
/// YAML parser, the content hash) can read it at once and none holds it whole. The
/// descriptor is the one `ContentRoot` checked; it is closed when the last reference
/// goes away. The file is read more than once, so `changed` tells whether it was
/// written to meanwhile (its size or modification time moved).
final class FileBytes: ByteSource {
    private let descriptor: Int32
    private let opened: (size: Int, modified: timespec)

    init(descriptor: Int32) {
        self.descriptor = descriptor
        opened = Self.status(descriptor)
    }

    var changed: Bool {
        let now = Self.status(descriptor)
        return now.size != opened.size || now.modified.tv_sec != opened.modified.tv_sec || now.modified.tv_nsec != opened.modified.tv_nsec
    }

    private static func status(_ descriptor: Int32) -> (size: Int, modified: timespec) {
        var status = stat()
        fstat(descriptor, &status)
        return (Int(status.st_size), status.st_mtim)
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
