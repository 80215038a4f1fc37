/// UTF-8 bytes being rendered, handed to a sink about every `flushSize` bytes, so an
/// output of any size costs one reusable buffer. Writers append freely and call
/// `flushIfFull` at natural boundaries (a row, a statement); without a sink the
/// buffer simply keeps everything. The first error a sink throws is kept, later
/// bytes are dropped, and `finish` throws it, so appending itself never throws.
struct OutputBuffer {
    static let flushSize = 64 * 1024

    /// The bytes not yet handed to the sink.
    var bytes: [UInt8] = []
    private let sink: ByteSink?
    /// Why the sink stopped taking bytes.
    private var failure: Error?

    /// A buffer that keeps everything (`text` reads it back).
    init() {
        sink = nil
    }

    init(sink: ByteSink) {
        self.sink = sink
        bytes.reserveCapacity(Self.flushSize + Self.flushSize / 2)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// An integer in decimal, as `String(i)` writes it.
    mutating func append(_ number: Int64) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    mutating func append(_ number: Int) {
        append(Int64(number))
    }

    /// Hands the bytes to the sink once there are enough of them.
    mutating func flushIfFull() {
        if bytes.count >= Self.flushSize { flush() }
    }

    private mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        if failure == nil {
            do { try bytes.withUnsafeBytes { try sink.write($0) } } catch { failure = error }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands the rest to the sink; throws the first error the sink threw.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
    }

    /// Everything appended, for a buffer without a sink.
    var text: String {
        String(decoding: bytes, as: UTF8.self)
    }
}
