/// Where rendered bytes go: a file the CLI opens, or a comparison with a file already
/// written. The library itself does no file I/O; it only writes into sinks (or keeps
/// an output in memory: `OutputRenderer.bytes`).
public protocol ByteSink: AnyObject {
    /// Takes the next bytes in order; throws when they cannot be kept (a full disk).
    func write(_ bytes: UnsafeRawBufferPointer) throws
}
