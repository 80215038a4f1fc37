/// Where rendered bytes go: a file the CLI opens, a comparison with a file already
/// written, or memory. The library itself does no file I/O; it only writes into sinks.
public protocol ByteSink: AnyObject {
    /// Takes the next bytes in order; throws when they cannot be kept (a full disk).
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Keeps every byte in memory (tests, diffs, and the in-memory `Compiler.Result.outputs`).
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }
}
