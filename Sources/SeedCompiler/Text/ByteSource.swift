/// Where an input file's bytes come from: memory (`InputFile(path:bytes:)`), or a file
/// the CLI opened, read in pieces so a large file is never held whole. The library
/// reads through this protocol and does no file I/O of its own.
public protocol ByteSource: Sendable {
    /// Copies the bytes from `offset` on into `buffer`, as many as fit; 0 at the end.
    /// Throws `SourceReadError` when the bytes cannot be read.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(SourceReadError) -> Int
    /// Whether the bytes were written to since the source was opened (a file read
    /// more than once); false for bytes in memory.
    var changed: Bool { get }
}

/// Why an input file could not be read (the system's reason, as text).
public struct SourceReadError: Error, Sendable, Equatable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}

/// Bytes already in memory.
struct MemoryBytes: ByteSource {
    let bytes: [UInt8]

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = max(0, min(buffer.count, bytes.count - offset))
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        return count
    }
}

extension ByteSource {
    public var changed: Bool { false }

    /// Reads the source from the start in pieces of at most 64 KiB, handing each to
    /// `body` in order (valid only during the call).
    public func forEachPiece(_ body: (UnsafeRawBufferPointer) -> Void) throws(SourceReadError) {
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { piece.deallocate() }
        var offset = 0
        while true {
            let count = try read(at: offset, into: piece)
            guard count > 0 else { return }
            body(UnsafeRawBufferPointer(rebasing: piece[..<count]))
            offset += count
        }
    }

    /// Every byte, in memory: for small files and for error paths.
    public func readAll() throws(SourceReadError) -> [UInt8] {
        if let memory = self as? MemoryBytes { return memory.bytes }
        var bytes: [UInt8] = []
        try forEachPiece { bytes.append(contentsOf: $0) }
        return bytes
    }
}

/// The bytes of a source one at a time, read in pieces: for scanning a large file
/// without holding it (finding a line, a bad byte). Stops at the end or at a read error.
struct SourceBytes: IteratorProtocol, Sequence {
    private let source: any ByteSource
    private var piece: [UInt8] = []
    private var position = 0
    private var offset = 0

    init(_ source: any ByteSource) {
        self.source = source
    }

    mutating func next() -> UInt8? {
        if position == piece.count {
            var next = [UInt8](repeating: 0, count: 1 << 16)
            let (source, start) = (source, offset)
            let count = (try? next.withUnsafeMutableBytes { buffer throws(SourceReadError) in try source.read(at: start, into: buffer) }) ?? 0
            next.removeSubrange(count...)
            piece = next
            offset += count
            position = 0
            if count == 0 { return nil }
        }
        defer { position += 1 }
        return piece[position]
    }
}
