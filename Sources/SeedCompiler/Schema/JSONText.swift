import Foundation

/// Canonical JSON text for a YAML node, for `json` columns: compact, keys in document
/// order, scalars resolved by YAML's core schema (plain `true`, `12`, `null`; quoted
/// text stays a string).
enum JSONText {
    static func canonical(_ node: YAMLNode) -> String {
        var out = ""
        write(node, to: &out)
        return out
    }

    private static func write(_ node: YAMLNode, to out: inout String) {
        switch node.content {
        case let .scalar(text, style):
            if node.isNull {
                out += "null"
            } else if style == .plain, node.tag == nil, ["true", "false"].contains(text) {
                out += text
            } else if style == .plain, node.tag == nil, let number = jsonNumber(text) {
                out += number
            } else {
                out += quoted(text)
            }
        case let .sequence(items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case let .mapping(pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                out += quoted(pair.key.scalar ?? canonical(pair.key))
                out += ":"
                write(pair.value, to: &out)
            }
            out += "}"
        }
    }

    /// The text as a JSON number when YAML's core schema reads it as one: as written
    /// when it is already JSON's (`2.50` stays `2.50`, as PostgreSQL's jsonb keeps it),
    /// else normalised (`+1`, `.5`, `007`).
    private static func jsonNumber(_ text: String) -> String? {
        if text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/) != nil, let d = Double(text), d.isFinite { return text }
        if let i = Int64(text) { return String(i) }
        guard text.contains(where: \.isNumber), text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let d = Double(text), d.isFinite else { return nil }
        return String(d)
    }

    static func quoted(_ s: String) -> String {
        DoubleQuoted.json(s)
    }

    /// A typed value as JSON: dates and datetimes as their text; reals that are not
    /// finite as `NaN`, `Infinity`, `-Infinity` (which Python's `json` reads).
    static func value(_ value: Value) -> String {
        var out = OutputBuffer()
        write(value, into: &out)
        return out.text
    }

    /// `value(_:)`, appended to `out`.
    static func write(_ value: Value, into out: inout OutputBuffer) {
        value.withBorrowed { write($0, into: &out) }
    }

    /// `value(_:)` of a value read in place, appended to `out`.
    static func write(_ value: BorrowedValue, into out: inout OutputBuffer) {
        switch value {
        case .null: out.append("null")
        case let .text(s), let .date(s), let .timestamp(s), let .decimal(s): out.appendDoubleQuoted(s, .unicodeOnly)
        // Bytes are not text: `{"hex": "…"}`, which seed_runtime.py turns into bytes.
        case let .binary(bytes):
            out.append("{\"hex\": ")
            Hex.withText(of: bytes) { out.appendDoubleQuoted($0, .unicodeOnly) }
            out.append("}")
        case let .integer(i): out.append(i)
        case let .real(d) where d.isNaN: out.append("NaN")
        case let .real(d) where d.isInfinite: out.append(d > 0 ? "Infinity" : "-Infinity")
        case let .real(d): out.append(String(d))
        case let .boolean(b): out.append(b ? "true" : "false")
        }
    }

    /// JSON text on one line, as a YAML flow node: whitespace between tokens dropped,
    /// then one space after each `:` and `,` (strings are kept as they are).
    static func oneLine(_ text: String) -> String {
        var out = ""
        var inString = false, escaped = false
        for scalar in text.unicodeScalars {
            if inString {
                out.unicodeScalars.append(scalar)
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case " ", "\t", "\n", "\r": continue
            case ":", ",": out.unicodeScalars.append(scalar); out += " "
            case "\"": inString = true; out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension JSONText {
    /// The strings of a JSON array of strings (as `quoted` writes them), or nil.
    static func stringArray(_ text: String) -> [String]? {
        guard let data = text.data(using: .utf8),
              let array = try? JSONSerialization.jsonObject(with: data) as? [String] else { return nil }
        return array
    }
}
