/// Tests of UTF-8 bytes sixteen at a time (SIMD): every value of every row is tested
/// once before it is copied whole into an output, so a test costs about a cycle per
/// sixteen bytes instead of several per byte.
enum ByteScan {
    typealias Lanes = SIMD16<UInt8>
    typealias Mask = SIMDMask<SIMD16<Int8>>

    /// The bytes the last, partial piece is padded with: `A`, which no test matches.
    private static let padding: UInt8 = 0x41

    /// Whether `test` holds for any lane of `bytes`.
    ///
    /// A test compares its lanes with vectors (`Lanes(repeating:)`), never a scalar:
    /// the mixed operators are not specialized and cost a hundred times as much.
    @inline(__always)
    static func any(_ bytes: UnsafeBufferPointer<UInt8>, _ test: (Lanes) -> Mask) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var found = Lanes(repeating: 0)
        var offset = 0
        while offset + 16 <= bytes.count {
            found |= unsafeBitCast(test(raw.loadUnaligned(fromByteOffset: offset, as: Lanes.self)), to: Lanes.self)
            offset += 16
        }
        if offset < bytes.count {
            var last = Lanes(repeating: padding)
            withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(start: raw + offset, count: bytes.count - offset)) }
            found |= unsafeBitCast(test(last), to: Lanes.self)
        }
        // A mask is 0xFF where it holds; its halves are tested as two words.
        let (low, high) = unsafeBitCast(found, to: (UInt64, UInt64).self)
        return low | high != 0
    }

    /// Every lane `byte`.
    @inline(__always)
    static func all(_ byte: UInt8) -> Lanes {
        Lanes(repeating: byte)
    }
}
