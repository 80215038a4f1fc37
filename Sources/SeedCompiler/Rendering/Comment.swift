/// The one function that writes a comment into an output (`sqlite.sql`,
/// `postgres.sql`, `seed_initial_data.py`, and the YAML `seedc init` and `capture`
/// write). Whatever it is given, the result is one
/// line: every character that some reader takes as a line break or a control (CR, LF,
/// VT, FF, NEL, U+2028, U+2029, any C0 or C1 control, DEL) becomes a space, so a name
/// or key cannot end the comment and start a statement.
enum Comment {
    enum Style {
        /// `-- text` (SQL).
        case sql
        /// `# text` (Python, YAML).
        case hash

        var marker: String {
            switch self {
            case .sql: "-- "
            case .hash: "# "
            }
        }
    }

    /// The comment line, without its line feed.
    static func line(_ text: String, _ style: Style) -> String {
        var out = style.marker
        out.unicodeScalars.append(contentsOf: text.unicodeScalars.map { ControlCharacters.contains($0) ? " " : $0 })
        return out
    }

    /// Several comment lines, each after `indent` and ending in a line feed.
    static func lines(_ texts: [String], _ style: Style, indent: String = "") -> String {
        texts.map { indent + line($0, style) + "\n" }.joined()
    }
}
