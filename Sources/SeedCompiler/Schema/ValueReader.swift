/// Reads one YAML node as a value of a declared column type. The column decides:
/// `no` in a text column is the string "no", `0755` stays "0755", and a boolean
/// column accepts only `true` or `false`. Only a plain `null`, `~` or empty scalar is null.
enum ValueReader {
    /// A problem with a value, without position: the caller knows where the node is.
    struct Problem: Error {
        var id: DiagnosticID
        var message: String
    }

    static func read(_ node: YAMLNode, as column: ColumnSchema) -> Result<Value, Problem> {
        if node.isNull { return .success(.null) }
        switch column.type {
        case .json:
            return .success(.text(JSONText.canonical(node)))
        case .list:
            return readList(node, separator: column.join)
        case .password:
            return .failure(Problem(id: .typeMismatch, message: "a password column takes {env: NAME}"))
        default:
            guard let text = node.scalar else {
                return .failure(Problem(id: .typeMismatch, message: "expected \(column.type.description), found \(node.kindName)"))
            }
            guard column.type == .datetime, let format = column.format else { return read(text, as: column.type) }
            return read(text, as: column.type).flatMap { value in
                guard case let .timestamp(canonical) = value else { return .success(value) }
                guard let formatted = format.render(canonical: canonical) else {
                    return .failure(Problem(id: .typeMismatch, message: "\"\(text)\" is more precise than the column's format \(format.pattern)"))
                }
                return .success(.timestamp(formatted))
            }
        }
    }

    static func read(_ text: String, as type: ColumnType) -> Result<Value, Problem> {
        func mismatch() -> Result<Value, Problem> {
            .failure(Problem(id: .typeMismatch, message: "expected \(type.description), found \"\(text)\""))
        }
        // U+0000 is the only scalar whose UTF-8 has a zero byte.
        if utf8(text, { $0.contains(0) }) {
            return .failure(Problem(id: .typeMismatch, message: "text cannot contain a NUL character"))
        }
        switch type {
        case .integer:
            guard isInteger(text), let n = Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text) else { return mismatch() }
            return .success(.integer(n))
        case .real:
            guard isDecimal(text), let d = Double(text), d.isFinite else { return mismatch() }
            return .success(.real(d))
        case .boolean:
            switch text {
            case "true": return .success(.boolean(true))
            case "false": return .success(.boolean(false))
            default: return mismatch()
            }
        case .date:
            return DateTimeParser.date(text).map { .success(.date($0)) } ?? mismatch()
        case .datetime:
            return DateTimeParser.timestamp(text).map { .success(.timestamp($0)) } ?? mismatch()
        case .binary:
            return Base64.decode(text).map { .success(.binary($0)) } ?? mismatch()
        case .decimal:
            return isExactDecimal(text) ? .success(.decimal(text)) : mismatch()
        case .email:
            return isEmail(text) ? .success(.text(text)) : mismatch()
        case .url:
            return isURL(text) ? .success(.text(text)) : mismatch()
        case .text, .markdown, .html, .list, .json, .password, .unsupported:
            return .success(.text(text))
        }
    }

    private static func readList(_ node: YAMLNode, separator: String) -> Result<Value, Problem> {
        if let text = node.scalar { return .success(.text(text)) }
        guard let items = node.sequence else {
            return .failure(Problem(id: .typeMismatch, message: "expected a list of scalars, found \(node.kindName)"))
        }
        var parts: [String] = []
        for item in items {
            guard let text = item.scalar else {
                return .failure(Problem(id: .typeMismatch, message: "list items must be scalars, found \(item.kindName)"))
            }
            if !separator.isEmpty, text.contains(separator) {
                return .failure(Problem(id: .typeMismatch, message: "list item \"\(text)\" contains the separator \"\(separator)\""))
            }
            parts.append(text)
        }
        return .success(.text(parts.joined(separator: separator)))
    }

    private static func isInteger(_ s: String) -> Bool {
        var digits = Substring(s)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `[-+]digits[.digits][e[-+]digits]`, as SQL reads a numeric literal.
    private static func isExactDecimal(_ s: String) -> Bool {
        var rest = Substring(s)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction = Substring()
        if rest.first == "." {
            fraction = rest.dropFirst().prefix(while: isDigit)
            rest = rest.dropFirst(1 + fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return false }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: isDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    private static func isDecimal(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) } && s.contains(where: \.isNumber)
    }

    /// One `@` with text before it, and after it a domain with a dot, neither first
    /// nor last; no white space.
    private static func isEmail(_ s: String) -> Bool {
        let bytes = s.utf8
        let (at, dot) = (UInt8(ascii: "@"), UInt8(ascii: "."))
        guard let separator = bytes.firstIndex(of: at), separator != bytes.startIndex else { return false }
        let domain = bytes[bytes.index(after: separator)...]
        guard !domain.contains(at), domain.contains(dot), domain.first != dot, domain.last != dot else { return false }
        return !hasWhitespace(s)
    }

    /// Whether any character is white space (checked on scalars: no grapheme breaking).
    /// ASCII's white space is tab to carriage return, and space: no table look-up.
    private static func hasWhitespace(_ s: String) -> Bool {
        utf8(s) { bytes in
            bytes.allSatisfy { $0 < 0x80 }
                ? bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
                : s.unicodeScalars.contains { $0.properties.isWhitespace }
        }
    }

    /// Runs `body` over the text's UTF-8 bytes in one buffer (in place for a native
    /// string): much cheaper to scan than the string's views.
    private static func utf8<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        var text = text
        return text.withUTF8(body)
    }

    private static func isURL(_ s: String) -> Bool {
        guard !s.isEmpty, !hasWhitespace(s) else { return false }
        let lower = s.prefix(8).lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return s.count > 8 }
        return lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") || (s.hasPrefix("/") && !s.hasPrefix("//"))
    }
}
