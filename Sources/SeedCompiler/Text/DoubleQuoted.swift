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

    /// The literal of the UTF-8 text `bytes`, appended to `out`.
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>, _ escapes: Escapes, into out: inout [UInt8]) {
        out.append(0x22)
        // Most values are printable ASCII without quotes or backslashes: copied whole.
        if isPlain(bytes) {
            out.append(contentsOf: bytes)
            out.append(0x22)
            return
        }
        func escape(_ value: UInt32) {
            let hex = Array(String(value, radix: 16, uppercase: true).utf8)
            let short = escapes == .hexAndUnicode && value <= 0xFF
            out += short ? [0x5C, UInt8(ascii: "x")] : [0x5C, UInt8(ascii: "u")]
            out += [UInt8](repeating: UInt8(ascii: "0"), count: (short ? 2 : 4) - hex.count) + hex
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0, third = i + 2 < bytes.count ? bytes[i + 2] : 0
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
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

    /// True when the literal is the bytes between quotes: printable ASCII without
    /// quotes or backslashes. One pass with no early exit, which the compiler turns
    /// into vector instructions: values are short.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.reduce(true) { $0 && $1 >= 0x20 && $1 < 0x7F && $1 != 0x22 && $1 != 0x5C }
    }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
        quote(s, .unicodeOnly)
    }
}
