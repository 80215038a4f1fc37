/// Tests of UTF-8 bytes sixteen at a time (SIMD): every value of every row is tested
/// before it is copied whole into an output, so a test costs about a cycle per sixteen
/// bytes instead of several per byte.
///
/// A test compares its lanes with vectors (`all(_:)`), never a scalar: the mixed
/// operators are not specialized and cost a hundred times as much.
enum ByteScan {
    typealias Lanes = SIMD16<UInt8>
    typealias Mask = SIMDMask<SIMD16<Int8>>

    /// Whether `test` holds for any byte of `bytes`: every piece is tested, with no
    /// branch per piece (values are short and nearly all pass).
    @inline(__always)
    static func any(_ bytes: UnsafeBufferPointer<UInt8>, _ test: (Lanes) -> Mask) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var found = Lanes(repeating: 0)
        var offset = 0
        while offset + 16 <= bytes.count {
            found |= lanes(test(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: Lanes.self)))
            offset += 16
        }
        if offset < bytes.count { found |= lanes(test(last(bytes))) }
        let (low, high) = unsafeBitCast(found, to: (UInt64, UInt64).self)
        return low | high != 0
    }

    /// The index of the first byte at `start` or after it for which `test` holds.
    @inline(__always)
    static func firstIndex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ test: (Lanes) -> Mask) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = start
        while offset + 16 <= bytes.count {
            if let lane = first(lanes(test(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: Lanes.self))), from: 0) {
                return offset + lane
            }
            offset += 16
        }
        guard offset < bytes.count else { return nil }
        // `last` holds the bytes from `bytes.count - 16` (or 0): those before `offset`
        // are passed over.
        let lastStart = max(bytes.count - 16, 0)
        // (A lane of the padding never matches; the bound keeps that promise checked.)
        return first(lanes(test(last(bytes))), from: offset - lastStart).map { lastStart + $0 }.flatMap { $0 < bytes.count ? $0 : nil }
    }

    /// Every lane `byte`.
    @inline(__always)
    static func all(_ byte: UInt8) -> Lanes {
        Lanes(repeating: byte)
    }

    /// The last sixteen bytes of `bytes`, read in place (overlapping the piece before
    /// them); a text shorter than that is copied and padded with `A` (0x41), which no
    /// test matches.
    @inline(__always)
    private static func last(_ bytes: UnsafeBufferPointer<UInt8>) -> Lanes {
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        if bytes.count >= 16 { return raw.loadUnaligned(fromByteOffset: bytes.count - 16, as: Lanes.self) }
        var last = Lanes(repeating: 0x41)
        withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(start: raw, count: bytes.count)) }
        return last
    }

    /// A mask as bytes: 0xFF in the lanes where it holds.
    @inline(__always)
    private static func lanes(_ mask: Mask) -> Lanes {
        unsafeBitCast(mask, to: Lanes.self)
    }

    /// The first lane at `skip` or after it that is set. The lanes are read as two
    /// little-endian words, so lane 0 is the low byte of the first on any machine.
    @inline(__always)
    private static func first(_ set: Lanes, from skip: Int) -> Int? {
        let (first8, last8) = unsafeBitCast(set, to: (UInt64, UInt64).self)
        var (low, high) = (UInt64(littleEndian: first8), UInt64(littleEndian: last8))
        if skip >= 8 {
            low = 0
            high &= ~0 << UInt64(8 * (skip - 8))
        } else {
            low &= ~0 << UInt64(8 * skip)
        }
        if low != 0 { return low.trailingZeroBitCount / 8 }
        if high != 0 { return 8 + high.trailingZeroBitCount / 8 }
        return nil
    }
}
