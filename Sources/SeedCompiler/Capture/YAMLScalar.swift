/// Scalars as `seedc capture` and `init` write them: plain when every YAML reader
/// would read back the same text, double-quoted (JSON-style escapes) otherwise, so
/// `no`, `0755`, `18.2180` or `~` in a text column stay text for other tools too.
public enum YAMLScalar {
    /// Plain words, numbers and null-like values other YAML readers would retype.
    static let retyped: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", ""]

    /// A text value.
    public static func text(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// `"…"` with `\"`, `\\`, `\n`, `\t` and `\u` escapes for control characters;
    /// other characters (emoji, accents) as they are.
    public static func quoted(_ text: String) -> String {
        DoubleQuoted.quote(text, .hexAndUnicode)
    }

    /// Letters first, then letters, digits, spaces and `.,_-/()@+'`; no trailing space,
    /// no `: ` or ` #`, and nothing another reader would take for a boolean, null or
    /// number.
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII || first.value > 0x7F else { return false }
        guard !retyped.contains(text.lowercased()), !text.hasSuffix(" "), !text.contains(": "), !text.contains(" #") else { return false }
        let allowed = Set(" .,_-/()@+'".unicodeScalars)
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || allowed.contains(scalar) { continue }
            if scalar.value > 0x7F, !scalar.properties.isWhitespace, scalar.properties.generalCategory != .control,
               scalar.properties.generalCategory != .format { continue }
            return false
        }
        // `.inf`-like and sexagesimal or dotted numbers never start with a letter, but
        // YAML 1.1 reads `e1`-like words as words; nothing more to exclude.
        return true
    }
}
