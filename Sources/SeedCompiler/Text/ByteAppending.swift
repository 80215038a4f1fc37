/// Where text is written byte by byte: an `OutputBuffer` (an output) or a byte array
/// (a ledger key being made), so quoting is written once for both.
protocol ByteAppending: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension OutputBuffer: ByteAppending {}

extension [UInt8]: ByteAppending {
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }
}
