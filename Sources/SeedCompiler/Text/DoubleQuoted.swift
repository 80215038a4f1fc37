/// Double-quoted string literals of the C family, which Python, YAML and JSON share:
/// `"`, `\`, line breaks, tabs and every control or invisible separator character are
/// escaped, so no value can end the literal early or change how it reads.
enum DoubleQuoted {
    enum Escapes {
        /// `\xHH` up to U+00FF, `\uHHHH` above (Python, YAML).
        case hexAndUnicode
        /// `\uHHHH` only (JSON).
        case unicodeOnly
    }

    /// Works on UTF-8 bytes (this runs for every value of every row): bytes are copied
    /// as they are but for `"`, `\`, C0 controls and DEL, and the sequences of U+0080–
    /// U+009F, U+2028, U+2029 and U+FEFF, which are escaped.
    static func quote(_ s: String, _ escapes: Escapes) -> String {
        var out: [UInt8] = []
        quote(s, escapes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The literal of `s`, appended to `out`.
    static func quote(_ s: String, _ escapes: Escapes, into out: inout [UInt8]) {
        var text = s
        text.withUTF8 { quote($0, escapes, into: &out) }
    }

    /// The literal of the UTF-8 text `bytes`, appended to `out`: copied whole when
    /// nothing in it needs an escape (`isPlain`), as nearly every value.
    static func quote<Out: ByteAppending & ~Copyable>(_ bytes: UnsafeBufferPointer<UInt8>, _ escapes: Escapes, into out: inout Out) {
        out.append(0x22)
        guard !isPlain(bytes) else {
            out.append(bytes)
            return out.append(0x22)
        }
        // Bytes are copied in runs, between the places that are escaped.
        var run = 0
        var i = 0
        while let found = ByteScan.firstIndex(bytes, from: i, special) {
            guard let (escape, length) = escape(at: found, in: bytes) else {
                i = found + 1
                continue
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[run..<found]))
            out.append(0x5C)
            switch escape {
            case let .letter(letter): out.append(letter)
            case let .code(value):
                let short = escapes == .hexAndUnicode && value <= 0xFF
                out.append(short ? UInt8(ascii: "x") : UInt8(ascii: "u"))
                for shift in stride(from: short ? 4 : 12, through: 0, by: -4) {
                    out.append(hexDigits[Int(value >> UInt32(shift) & 0xF)])
                }
            }
            i = found + length
            run = i
        }
        out.append(UnsafeBufferPointer(rebasing: bytes[run...]))
        out.append(0x22)
    }

    /// How a character is escaped: a backslash and a letter (`\n`) or its code.
    private enum Escape {
        case letter(UInt8)
        case code(UInt32)
    }

    /// The escape of the character starting at byte `i`, and its length in bytes; nil
    /// for a byte written as it is.
    private static func escape(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Escape, Int)? {
        let next = i + 1 < bytes.count ? bytes[i + 1] : 0, third = i + 2 < bytes.count ? bytes[i + 2] : 0
        switch bytes[i] {
        case 0x22: return (.letter(0x22), 1)
        case 0x5C: return (.letter(0x5C), 1)
        case 0x0A: return (.letter(UInt8(ascii: "n")), 1)
        case 0x0D: return (.letter(UInt8(ascii: "r")), 1)
        case 0x09: return (.letter(UInt8(ascii: "t")), 1)
        case let byte where byte < 0x20 || byte == 0x7F: return (.code(UInt32(byte)), 1)
        case 0xC2 where (0x80...0x9F).contains(next): return (.code(UInt32(next)), 2)
        case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return (.code(third == 0xA8 ? 0x2028 : 0x2029), 3)
        case 0xEF where next == 0xBB && third == 0xBF: return (.code(0xFEFF), 3)
        default: return nil
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// True when the literal is the bytes between quotes: no byte is `special`.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !ByteScan.any(bytes, special)
    }

    /// The bytes `quote` may escape (a control, `"`, `\`, DEL) or that may start an
    /// escaped sequence (the lead bytes 0xC2, 0xE2 and 0xEF).
    @inline(__always)
    private static func special(_ lanes: ByteScan.Lanes) -> ByteScan.Mask {
        let escaped = (lanes .< ByteScan.all(0x20)) .| (lanes .== ByteScan.all(0x22)) .| (lanes .== ByteScan.all(0x5C)) .| (lanes .== ByteScan.all(0x7F))
        return escaped .| (lanes .== ByteScan.all(0xC2)) .| (lanes .== ByteScan.all(0xE2)) .| (lanes .== ByteScan.all(0xEF))
    }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
        quote(s, .unicodeOnly)
    }
}
