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
        func escape(_ value: UInt32) {
            let short = escapes == .hexAndUnicode && value <= 0xFF
            out.append(0x5C)
            out.append(short ? UInt8(ascii: "x") : UInt8(ascii: "u"))
            for shift in stride(from: short ? 4 : 12, through: 0, by: -4) {
                out.append(hexDigits[Int(value >> UInt32(shift) & 0xF)])
            }
        }
        func pair(_ second: Character) {
            out.append(0x5C)
            out.append(second.asciiValue!)
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0, third = i + 2 < bytes.count ? bytes[i + 2] : 0
            switch byte {
            case 0x22: pair("\"")
            case 0x5C: pair("\\")
            case 0x0A: pair("n")
            case 0x0D: pair("r")
            case 0x09: pair("t")
            case ..<0x20, 0x7F: escape(UInt32(byte))
            case 0xC2 where (0x80...0x9F).contains(next):
                escape(UInt32(next))
                i += 1
            case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9):
                escape(third == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            case 0xEF where next == 0xBB && third == 0xBF:
                escape(0xFEFF)
                i += 2
            default: out.append(byte)
            }
            i += 1
        }
        out.append(0x22)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// True when the literal is the bytes between quotes: no byte that `quote` may
    /// escape (a control, `"`, `\`, DEL) or that may start an escaped sequence (the
    /// lead bytes 0xC2, 0xE2 and 0xEF).
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !ByteScan.any(bytes) { lanes in
            let special = (lanes .< ByteScan.all(0x20)) .| (lanes .== ByteScan.all(0x22)) .| (lanes .== ByteScan.all(0x5C)) .| (lanes .== ByteScan.all(0x7F))
            return special .| (lanes .== ByteScan.all(0xC2)) .| (lanes .== ByteScan.all(0xE2)) .| (lanes .== ByteScan.all(0xEF))
        }
    }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
        quote(s, .unicodeOnly)
    }
}
