/// A JSON document built in code (the JSON Schema, the JSON plan), written with two
/// spaces of indentation and members in the order they were given, so the same input
/// always gives the same bytes.
indirect enum JSONTree: Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case null
    case array([JSONTree])
    case object([(key: String, value: JSONTree)])

    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSONTree...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONTree)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSONTree { .array(values.map(JSONTree.string)) }

    /// A string, or null for nil.
    static func optional(_ value: String?) -> JSONTree { value.map(JSONTree.string) ?? .null }

    /// An object whose members are sorted by key (for members made from a dictionary).
    static func sorted(_ members: [String: JSONTree]) -> JSONTree {
        .object(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { (key: $0.key, value: $0.value) })
    }

    /// Indented text with a final newline.
    var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case let .string(s): out += DoubleQuoted.json(s)
        case let .integer(i): out += String(i)
        case let .boolean(b): out += b ? "true" : "false"
        case .null: out += "null"
        case let .array(items):
            writeList(items.map { (nil, $0) }, open: "[", close: "]", to: &out, indent: indent)
        case let .object(members):
            writeList(members.map { ($0.key, $0.value) }, open: "{", close: "}", to: &out, indent: indent)
        }
    }

    private func writeList(_ items: [(String?, JSONTree)], open: String, close: String, to out: inout String, indent: String) {
        guard !items.isEmpty else { out += open + close; return }
        let inner = indent + "  "
        out += open + "\n"
        for (index, (key, value)) in items.enumerated() {
            out += inner + (key.map { DoubleQuoted.json($0) + ": " } ?? "")
            value.write(to: &out, indent: inner)
            out += index == items.count - 1 ? "\n" : ",\n"
        }
        out += indent + close
    }

    /// Members of an object, for adding one.
    var members: [(key: String, value: JSONTree)] {
        if case let .object(members) = self { return members }
        return []
    }
}
