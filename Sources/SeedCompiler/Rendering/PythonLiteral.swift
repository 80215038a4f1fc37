/// Python source literals. Strings are double-quoted with every quote, backslash and
/// control character escaped, so no value can end the literal early.
enum PythonLiteral {
    static func string(_ s: String) -> String {
        DoubleQuoted.quote(s, .hexAndUnicode)
    }
}
