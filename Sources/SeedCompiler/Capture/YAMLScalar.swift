/// Scalars as `seedc capture` and `init` write them: plain when every YAML reader
/// would read back the same text, double-quoted (JSON-style escapes) otherwise, so
/// `no`, `0755`, `18.2180` or `~` in a text column stay text for other tools too.
public enum YAMLScalar {
    /// Where a scalar goes: a block mapping value, or inside `[…]` / `{…}`, where `,`
    /// ends a plain scalar.
    public enum Context: Sendable {
        case block, flow
    }

    /// Plain words, numbers and null-like values other YAML readers would retype.
    static let retyped: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ""]
    /// Punctuation a plain scalar may hold after its first letter in any context.
    private static let punctuation = Set(" .-_/()@+'?=&%#~;!*$".unicodeScalars)

    /// A text value.
    public static func text(_ text: String, in context: Context = .block) -> String {
        isPlainSafe(text, in: context) ? text : quoted(text)
    }

    /// `"…"` with `\"`, `\\`, `\n`, `\t` and `\x`/`\u` escapes for control characters;
    /// other characters (emoji, accents) as they are.
    public static func quoted(_ text: String) -> String {
        DoubleQuoted.quote(text, .hexAndUnicode)
    }

    /// A letter first, then letters, digits, spaces and simple punctuation (`:` only
    /// inside a word, as in a URL, and `,` only in block context); no trailing space,
    /// no ` #`, and nothing another reader would take for a boolean or null. Numbers
    /// and dates never start with a letter, so none is plain.
    static func isPlainSafe(_ text: String, in context: Context = .block) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, first.properties.isAlphabetic, let last = scalars.last else { return false }
        guard !retyped.contains(text.lowercased()), last != " ", last != ":", !text.contains(" #") else { return false }
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || punctuation.contains(scalar) { continue }
            switch scalar {
            case ",": if context == .block { continue }
            case ":": if context == .block, scalars[index + 1] != " " { continue }
            default:
                if scalar.value > 0x7F, !scalar.properties.isWhitespace, scalar.properties.generalCategory != .control,
                   scalar.properties.generalCategory != .format { continue }
            }
            return false
        }
        return true
    }
}
