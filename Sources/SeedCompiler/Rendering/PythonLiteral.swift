/// Python source literals. Strings are double-quoted with every quote, backslash and
/// control character escaped, so no value can end the literal early.
enum PythonLiteral {
    static func string(_ s: String) -> String {
        DoubleQuoted.quote(s, .hexAndUnicode)
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .null: "None"
        case let .text(s), let .date(s), let .timestamp(s): string(s)
        case let .integer(i): String(i)
        case let .real(d): String(d)
        case let .boolean(b): b ? "True" : "False"
        }
    }

    static func tuple(_ items: [String]) -> String {
        items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
    }
}
