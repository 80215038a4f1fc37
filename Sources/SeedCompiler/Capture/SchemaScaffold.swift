/// `seedc init`: the `tables:` block of the `seed` section for tables a database
/// describes, indented to sit under `seed:`.
public enum SchemaScaffold {
    /// Column names of password hashes; their values come from the environment.
    static let passwordNames: Set<String> = ["password", "password_hash", "hashed_password", "passwd"]
    /// Columns a natural key is proposed from when no column is unique, in this order.
    static let keyCandidates = ["slug", "username", "link", "url", "email", "title", "name"]

    public static func yaml(_ tables: [TableDescription], indent: String = "  ") -> String {
        var out = indent + "tables:\n"
        for table in tables {
            out += block(table, indent: indent + "  ")
        }
        return out
    }

    static func block(_ table: TableDescription, indent: String) -> String {
        let columns = table.columns.filter { !($0.primaryKey && $0.name == "id") }
        var out = "\(indent)\(table.name):\n"
        let (key, proposed) = naturalKey(table, columns: columns)
        if proposed {
            out += "\(indent)  # seedc init: no unique column in \(table.name); \(key.joined(separator: ", ")) is a guess at the natural key.\n"
            out += "\(indent)  # Make sure it identifies one row, or change it, before adding records.\n"
        }
        out += "\(indent)  key: " + (key.count == 1 ? YAMLScalar.text(key[0]) : "[" + key.map(YAMLScalar.text).joined(separator: ", ") + "]") + "\n"
        out += "\(indent)  columns:\n"
        let width = columns.map(\.name.count).max() ?? 0
        for column in columns {
            let name = YAMLScalar.text(column.name)
            out += "\(indent)    \(name):" + String(repeating: " ", count: max(1, width - name.count + 1)) + "{" + options(column, inKey: key.contains(column.name)).joined(separator: ", ") + "}\n"
        }
        return out
    }

    /// A unique non-primary-key column (the shortest unique set), else a proposal.
    static func naturalKey(_ table: TableDescription, columns: [TableDescription.Column]) -> (key: [String], proposed: Bool) {
        let names = Set(columns.map(\.name))
        if let unique = table.unique.filter({ Set($0).isSubset(of: names) }).min(by: { $0.count < $1.count }) {
            return (unique, false)
        }
        let required = columns.filter(\.notNull).map(\.name)
        if let name = keyCandidates.first(where: required.contains) ?? keyCandidates.first(where: names.contains)
            ?? columns.first(where: { $0.notNull && type(of: $0) == .text })?.name ?? columns.first?.name {
            return ([name], true)
        }
        return (["id"], true)
    }

    static func options(_ column: TableDescription.Column, inKey: Bool) -> [String] {
        var options: [String] = []
        let type = type(of: column)
        options.append("type: \(type.rawValue)")
        let literal = defaultLiteral(column.defaultSQL, type: type)
        if column.name == "created_at" || column.name == "updated_at", type == .datetime || type == .date {
            options.append("default: now")
            if column.name == "updated_at" { options.append("on_update: now") }
        } else if let literal {
            options.append("default: \(literal)")
        } else if column.notNull || inKey {
            options.append("required: true")
        }
        if let length = maxLength(column.type), type == .text { options.append("max: \(length)") }
        return options
    }

    static func type(of column: TableDescription.Column) -> ColumnType {
        if passwordNames.contains(column.name.lowercased()) { return .password }
        let declared = column.type.lowercased()
        if declared.contains("bool") { return .boolean }
        if declared.contains("int") { return .integer }
        if declared.contains("timestamp") || declared.contains("datetime") { return .datetime }
        if declared == "date" { return .date }
        if ["real", "floa", "doub", "numeric", "decimal"].contains(where: declared.contains) { return .real }
        if declared.contains("json") { return .json }
        return .text
    }

    /// `VARCHAR(200)` → 200.
    static func maxLength(_ declared: String) -> Int? {
        guard let open = declared.firstIndex(of: "("), let close = declared.firstIndex(of: ")"), open < close else { return nil }
        return Int(declared[declared.index(after: open)..<close].trimmingCharacters(in: .whitespaces))
    }

    /// A default the database applies, as a content value: numbers, quoted text,
    /// booleans. Expressions (`CURRENT_TIMESTAMP`, `nextval(…)`) are left out.
    static func defaultLiteral(_ sql: String?, type: ColumnType) -> String? {
        guard var text = sql?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let cast = text.range(of: "::") { text = String(text[..<cast.lowerBound]) }
        if text.hasPrefix("'"), text.hasSuffix("'"), text.count >= 2 {
            let inner = String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            return type == .boolean ? (["1", "t", "true"].contains(inner.lowercased()) ? "true" : "false") : YAMLScalar.text(inner)
        }
        switch (type, text.lowercased()) {
        case (.boolean, "1"), (.boolean, "true"): return "true"
        case (.boolean, "0"), (.boolean, "false"): return "false"
        case (.integer, _) where Int64(text) != nil: return text
        case (.real, _) where Double(text) != nil: return text
        default: return nil
        }
    }
}
