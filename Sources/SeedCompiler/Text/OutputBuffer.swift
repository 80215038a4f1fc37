/// UTF-8 bytes being rendered, handed to a sink about every `flushSize` bytes, so an
/// output of any size costs one reusable buffer. Writers append freely and call
/// `flushIfFull` at natural boundaries (a row, a statement); without a sink the
/// buffer simply keeps everything. The first error a sink throws is kept, later
/// bytes are dropped, and `finish` throws it, so appending itself never throws.
///
/// The bytes live in memory the buffer owns (it cannot be copied): every value of
/// every row is appended here, and a plain pointer costs an array's uniqueness and
/// capacity checks nothing per append.
struct OutputBuffer: ~Copyable {
    static let flushSize = 64 * 1024

    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The bytes not yet handed to the sink.
    private(set) var count = 0
    private let sink: ByteSink?
    /// Why the sink stopped taking bytes.
    private var failure: Error?

    /// A buffer that keeps everything (`bytes` and `text` read it back).
    init() {
        self.init(sink: nil, capacity: 256)
    }

    init(sink: ByteSink) {
        self.init(sink: sink, capacity: Self.flushSize * 2)
    }

    private init(sink: ByteSink?, capacity: Int) {
        self.sink = sink
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Room for `more` bytes after the ones held.
    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let grown = max(capacity * 2, count + more)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.update(from: base, count: count)
        base.deallocate()
        (base, capacity) = (moved, grown)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// An integer in decimal, as `String(i)` writes it.
    mutating func append(_ number: Int64) {
        if number < 0 { append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    mutating func append(_ number: Int) {
        append(Int64(number))
    }

    /// `bytes` between `mark`s, as they are.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, between mark: UInt8) {
        reserve(bytes.count + 2)
        base[count] = mark
        if let start = bytes.baseAddress { (base + count + 1).update(from: start, count: bytes.count) }
        base[count + 1 + bytes.count] = mark
        count += bytes.count + 2
    }

    /// `bytes` between `mark`s, each `mark` in them written twice, and each `%` too
    /// when `doublingPercent`.
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, mark: UInt8, doublingPercent: Bool) {
        let percent = UInt8(ascii: "%")
        reserve(bytes.count * 2 + 2)
        base[count] = mark
        count += 1
        // Nearly every value has nothing to double: tested whole, then copied.
        let doubles = doublingPercent
            ? ByteScan.any(bytes) { ($0 .== ByteScan.all(mark)) .| ($0 .== ByteScan.all(percent)) }
            : ByteScan.any(bytes) { $0 .== ByteScan.all(mark) }
        if let start = bytes.baseAddress, !doubles {
            (base + count).update(from: start, count: bytes.count)
            count += bytes.count
        } else {
            for byte in bytes {
                base[count] = byte
                count += 1
                if byte == mark || (doublingPercent && byte == percent) {
                    base[count] = byte
                    count += 1
                }
            }
        }
        base[count] = mark
        count += 1
    }

    /// A JSON (or Python) string literal of `bytes` (`DoubleQuoted`).
    mutating func appendDoubleQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ escapes: DoubleQuoted.Escapes) {
        DoubleQuoted.quote(bytes, escapes, into: &self)
    }

    /// Hands the bytes to the sink once there are enough of them.
    mutating func flushIfFull() {
        if count >= Self.flushSize { flush() }
    }

    private mutating func flush() {
        guard let sink, count > 0 else { return }
        if failure == nil {
            do { try sink.write(UnsafeRawBufferPointer(start: base, count: count)) } catch { failure = error }
        }
        count = 0
    }

    /// Hands the rest to the sink; throws the first error the sink threw.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
    }

    /// Runs `body` with everything appended, for a buffer without a sink.
    func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Everything appended, for a buffer without a sink.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    var text: String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }
}
