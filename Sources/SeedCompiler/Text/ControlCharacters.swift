/// Characters that can end a line or steer a terminal, wherever text is written:
/// C0 and C1 controls (tab included), DEL, and the Unicode line and paragraph
/// separators. Names may not hold them; comments and messages show them otherwise.
enum ControlCharacters {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// `text` with each such character but tab as `\uHHHH`: one line, safe to print.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { contains($0) && $0 != "\t" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if contains(scalar), scalar != "\t" {
                out += "\\u" + hex(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Four or more hexadecimal digits, upper case: `000A`.
    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
