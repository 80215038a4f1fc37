import Foundation

/// `seedc capture` for one table: which columns to read, and the rows of the database
/// that are not yet in content, as YAML list items.
public struct Capturer: Sendable {
    public let table: TableSchema
    /// Natural keys already in content.
    public let existingKeys: Set<[String]>
    public var includeDeleted = false

    /// What a capture of the table gives.
    public struct Result: Sendable {
        /// Each record's fields as (name, YAML scalar text), in column order.
        public var records: [[(name: String, yaml: String)]] = []
        /// Environment variables the captured passwords will read.
        public var variables: [String] = []
        public var skippedDeleted = 0
        public var warnings: [String] = []
    }

    public init(table: TableSchema, existingKeys: Set<[String]>) {
        self.table = table
        self.existingKeys = existingKeys
    }

    /// The columns read: stored, declared columns, except those the database or seedc
    /// fill (`default: now`) and html columns rendered from markdown (their markdown
    /// source is read instead when the table declares it as a column).
    public var columns: [ColumnSchema] {
        table.columns.filter { column in
            if column.defaultValue == .now { return false }
            return column.from == nil
        }
    }

    public func select(_ engine: DatabaseEngine) -> RenderedStatement {
        SQLDialect(engine: engine).render(.selectText(table: SQLIdentifier(table.name), columns: columns.map { SQLIdentifier($0.name) }, match: []))
    }

    public func capture(_ rows: [[String?]]) -> Result {
        var result = Result()
        let columns = columns
        let keyIndexes = table.key.compactMap { name in columns.firstIndex { $0.name == name } }
        let deleted = columns.firstIndex { $0.name == "deleted" && $0.type == .boolean }
        for column in table.columns where column.from != nil && !columns.contains(where: { $0.name == column.from }) {
            result.warnings.append("\(table.name).\(column.name) is rendered from \(column.from!), which the database does not keep: left out")
        }
        var seen = existingKeys
        for row in rows where row.count == columns.count {
            let key = keyIndexes.map { row[$0] ?? "" }
            guard keyIndexes.count == table.key.count, seen.insert(key).inserted else { continue }
            if let deleted, Self.isTrue(row[deleted]), !includeDeleted {
                result.skippedDeleted += 1
                continue
            }
            var fields: [(name: String, yaml: String)] = []
            for (column, text) in zip(columns, row) {
                if column.type == .password {
                    let variable = Self.variableName(table: table.name, key: key)
                    result.variables.append(variable)
                    fields.append((column.name, "{env: \(variable)}"))
                    continue
                }
                guard let text else {
                    // NULL: left out, unless a default would then fill the column.
                    if column.defaultValue != nil { fields.append((column.name, "null")) }
                    continue
                }
                fields.append((column.name, Self.yaml(text, column: column)))
            }
            result.records.append(fields)
        }
        return result
    }

    /// List items with their dash at `indent` spaces: `- name: value`, then the other
    /// fields aligned under the first.
    public static func items(_ records: [[(name: String, yaml: String)]], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for record in records {
            for (offset, field) in record.enumerated() {
                out += (offset == 0 ? pad + "- " : pad + "  ") + YAMLScalar.text(field.name) + ": " + field.yaml + "\n"
            }
        }
        return out
    }

    /// The YAML for a value as the database gives it as text.
    static func yaml(_ text: String, column: ColumnSchema) -> String {
        switch column.type {
        case .integer:
            return Int64(text) != nil ? text : YAMLScalar.quoted(text)
        case .real:
            return Double(text) != nil && text.first.map { $0.isNumber || $0 == "-" } == true ? text : YAMLScalar.quoted(text)
        case .boolean:
            return isTrue(text) ? "true" : "false"
        case .date:
            return DateTimeParser.date(String(text.prefix(10))) ?? YAMLScalar.quoted(text)
        case .datetime:
            return YAMLScalar.quoted(DateTimeParser.timestamp(text) ?? text)
        case .list:
            let items = text.isEmpty ? [] : text.components(separatedBy: column.join)
            return "[" + items.map(YAMLScalar.text).joined(separator: ", ") + "]"
        case .json:
            return text
        case .text, .email, .url, .markdown, .html, .password:
            return YAMLScalar.text(text)
        }
    }

    static func isTrue(_ text: String?) -> Bool {
        guard let text else { return false }
        return ["1", "t", "true", "yes", "on"].contains(text.lowercased())
    }

    /// `USERS_JANE_DOE_PASSWORD` for users' `jane.doe`.
    static func variableName(table: String, key: [String]) -> String {
        let words = ([table] + key).joined(separator: "_").uppercased().unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        }
        var name = String(words)
        while name.contains("__") { name = name.replacingOccurrences(of: "__", with: "_") }
        return name.trimmingCharacters(in: CharacterSet(charactersIn: "_")) + "_PASSWORD"
    }
}
