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

    static func quote(_ s: String, _ escapes: Escapes) -> String {
        // Most values are printable ASCII without quotes or backslashes: copied whole.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += escapes == .hexAndUnicode && scalar.value <= 0xFF
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
        quote(s, .unicodeOnly)
    }
}
