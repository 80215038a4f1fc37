import Foundation

/// `seedc capture` for one table: which columns to read, and the rows of the database
/// that are not yet in content, as YAML list items.
public struct Capturer: Sendable {
    public let table: TableSchema
    /// Natural keys already in content.
    public let existingKeys: Set<[String]>
    /// Environment variables content already reads; generated names avoid them.
    public var usedVariables: Set<String> = []
    public var includeDeleted = false

    /// Columns holding another row's id that content gives as that row's natural key
    /// (`references:` to a column the target leaves out), by name: the lookup and the
    /// storage of the target's key.
    public let lookups: [String: (lookup: Lookup, key: SQLStorage)]

    /// - Parameter schema: the whole schema, to read references to ids the content
    ///   leaves out as the target rows' natural keys.
    public init(table: TableSchema, existingKeys: Set<[String]>, schema: Schema? = nil) {
        self.table = table
        self.existingKeys = existingKeys
        var lookups: [String: (lookup: Lookup, key: SQLStorage)] = [:]
        for column in table.columns {
            guard let schema, let lookup = Lookup.of(column, in: schema),
                  let key = schema.table(lookup.table)?.column(lookup.keyColumn) else { continue }
            lookups[column.name] = (lookup, key.storage)
        }
        self.lookups = lookups
    }

    /// The columns read: stored, declared columns, except those the database, seedc or
    /// the app fill (`default: now`, `app_owned`) and html columns rendered from
    /// markdown (their markdown source is read instead when the table declares it).
    public var columns: [ColumnSchema] {
        table.seededColumns.filter { column in
            if column.defaultValue == .now { return false }
            return column.from == nil
        }
    }

    /// The columns read, then whether each lookup column is set (to tell a reference
    /// to a missing row from a NULL one).
    public func select(_ engine: DatabaseEngine) -> RenderedStatement {
        let columns = columns
        let values = columns.map { column -> SQLStatement.Selected in
            guard let (lookup, key) = lookups[column.name] else { return .value(SQLIdentifier(column.name), column.storage) }
            return .lookedUp(SQLIdentifier(column.name), lookup, key)
        }
        let flags = columns.filter { lookups[$0.name] != nil }.map { SQLStatement.Selected.isSet(SQLIdentifier($0.name)) }
        return SQLDialect(engine: engine).render(.selectText(table: SQLIdentifier(table.name), columns: values + flags, match: []))
    }

    /// The records for `rows` (each value as text, nil for NULL, in `columns` order):
    /// rows whose key is in content, soft-deleted rows (unless `includeDeleted`), rows
    /// without a key and repeats of a key are left out.
    public func capture(_ rows: [[String?]], engine: DatabaseEngine = .sqlite) -> CapturedRows {
        var result = CapturedRows()
        let columns = columns
        for column in table.columns where column.type == .unsupported {
            result.errors.append("\(table.name).\(column.name) is unsupported: seedc cannot carry its values exactly; declare it app_owned: true to leave it to the app, or give it a type")
        }
        let keyIndexes = table.key.compactMap { name in columns.firstIndex { $0.name == name } }
        let deleted = columns.firstIndex { $0.name == "deleted" && $0.type == .boolean }
        for column in table.columns where column.from != nil && !columns.contains(where: { $0.name == column.from }) {
            result.warnings.append("\(table.name).\(column.name) is rendered from \(column.from!), which the database does not keep: left out")
        }
        var byKey: [[String]: [String?]] = [:]
        var repeated: [[String]: Int] = [:]
        var keyless = 0
        let lookedUp = columns.indices.filter { lookups[columns[$0].name] != nil }
        for var row in rows where row.count == columns.count + lookedUp.count && keyIndexes.count == table.key.count {
            // A reference to a row that is not there: said, and the field left out.
            for (offset, index) in lookedUp.enumerated() where row[index] == nil && row[columns.count + offset] != nil {
                let key = keyIndexes.map { row[$0] ?? "" }
                result.warnings.append("\(table.name) \(Self.describe(key)): \(columns[index].name) references a \(lookups[columns[index].name]!.lookup.table) row that is not there: left out")
                row[index] = Self.dangling
            }
            row.removeLast(lookedUp.count)
            let parts = keyIndexes.map { row[$0] }
            guard parts.allSatisfy({ $0 != nil }) else {
                keyless += 1
                continue
            }
            let key = parts.map { $0! }
            if existingKeys.contains(key) { continue }
            if let deleted, Self.isTrue(row[deleted]), !includeDeleted {
                result.skippedDeleted += 1
                continue
            }
            if byKey[key] == nil { byKey[key] = row } else { repeated[key, default: 1] += 1 }
        }
        if keyless > 0 {
            result.warnings.append("\(table.name): \(keyless) rows with an empty (NULL) \(table.key.joined(separator: ", ")) left out")
        }
        // Rows that share a natural key cannot both be records: refused, listed.
        let keyTypes = keyIndexes.map { columns[$0].storage }
        for (key, count) in repeated.sorted(by: { Self.precedes($0.key, $1.key, keyTypes) }) {
            result.errors.append("\(table.name): \(count) rows have the natural key \(Self.describe(key)); a natural key must identify one row (make the rows differ, or choose another key)")
        }
        var variables = usedVariables
        for key in byKey.keys.sorted(by: { Self.precedes($0, $1, keyTypes) }) {
            var fields: [CapturedField] = []
            for (column, text) in zip(columns, byKey[key]!) {
                if text == Self.dangling { continue }
                if column.type == .password {
                    guard text != nil else { continue }
                    let variable = Self.variableName(table: table.name, key: key, avoiding: variables)
                    variables.insert(variable)
                    result.variables.append(variable)
                    fields.append(CapturedField(name: column.name, yaml: "{env: \(variable)}"))
                    continue
                }
                guard let text else {
                    // NULL: left out, unless a default would then fill the column.
                    if column.defaultValue != nil { fields.append(CapturedField(name: column.name, yaml: "null")) }
                    continue
                }
                switch Self.yaml(text, column: column, engine: engine) {
                case let .success(yaml): fields.append(CapturedField(name: column.name, yaml: yaml))
                case let .failure(problem):
                    if result.errors.count < 20 { result.errors.append("\(table.name) \(Self.describe(key)).\(column.name): \(problem.message)") }
                }
            }
            result.records.append(CapturedRecord(key: key, fields: fields))
        }
        return result
    }

    /// List items with their dash at `indent` spaces: `- name: value`, then the other
    /// fields aligned under the first.
    public static func items(_ records: [CapturedRecord], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        for record in records {
            for (offset, field) in record.fields.enumerated() {
                out += (offset == 0 ? pad + "- " : pad + "  ") + YAMLScalar.text(field.name) + ": " + field.yaml + "\n"
            }
        }
        return out
    }

    /// The YAML for a value as the database gives it as text (`SQLStatement.selectText`:
    /// bytes as hexadecimal, doubles in their shortest exact form); a failure when the value
    /// would not come back as the database holds it.
    static func yaml(_ text: String, column: ColumnSchema, engine: DatabaseEngine = .sqlite) -> Swift.Result<String, ValueReader.Problem> {
        func refused(_ message: String) -> Swift.Result<String, ValueReader.Problem> {
            .failure(ValueReader.Problem(id: .typeMismatch, message: message))
        }
        switch column.type {
        case .integer:
            return .success(Int64(text) != nil ? text : YAMLScalar.quoted(text))
        case .real, .decimal:
            return .success(number(text, column: column))
        case .boolean:
            return .success(isTrue(text) ? "true" : "false")
        case .date:
            return .success(DateTimeParser.date(String(text.prefix(10))) ?? YAMLScalar.quoted(text))
        case .datetime:
            let format = column.format ?? .canonical
            guard let canonical = DateTimeParser.timestamp(text) else { return .success(YAMLScalar.quoted(text)) }
            // SQLite keeps the text, which must come back byte for byte; PostgreSQL keeps
            // the instant, written here in the column's format.
            guard let formatted = format.render(canonical: canonical), engine == .postgres || formatted == text else {
                let found = DateTimeFormat.of(text).map { " (\($0.pattern))" } ?? ""
                return refused("\(YAMLScalar.quoted(text)) is not stored in the column's format \(format.pattern)\(found); rows of a column must share one format: set format: to it, or make the rows agree")
            }
            return .success(YAMLScalar.quoted(formatted))
        case .binary:
            guard text.count % 2 == 0, let bytes = Hex.bytes(text) else { return refused("not bytes (\(YAMLScalar.quoted(text)))") }
            return .success(YAMLScalar.quoted(Base64.encode(bytes)))
        case .unsupported:
            return refused("unsupported column")
        case .list:
            let items = text.isEmpty ? [] : text.components(separatedBy: column.join)
            return .success("[" + items.map { YAMLScalar.text($0, in: .flow) }.joined(separator: ", ") + "]")
        case .json:
            // A YAML null is SQL's NULL: JSON's own null has no YAML form in a json column.
            guard text != "null" else {
                return refused("holds JSON's null, which a json column cannot tell from SQL's NULL; declare the column type: text to keep its JSON as text")
            }
            return .success(JSONText.oneLine(text))
        case .text, .email, .url, .markdown, .html, .password:
            return .success(YAMLScalar.text(text))
        }
    }

    /// A number as the database gives it (a double in the fewest digits that read back
    /// as it), plain when it reads as a number of the column's type.
    private static func number(_ text: String, column: ColumnSchema) -> String {
        let numeric = column.type == .real ? Double(text) != nil : { if case .success = ValueReader.read(text, as: .decimal) { true } else { false } }()
        return numeric && text.first.map { $0.isNumber || $0 == "-" } == true ? text : YAMLScalar.quoted(text)
    }

    static func isTrue(_ text: String?) -> Bool {
        guard let text else { return false }
        return ["1", "t", "true", "yes", "on"].contains(text.lowercased())
    }

    /// `USERS_JANE_DOE_PASSWORD` for users' `jane.doe`; `USERS_JANE_DOE_2_PASSWORD`
    /// when that name is taken (by `jane_doe`, say).
    static func variableName(table: String, key: [String], avoiding taken: Set<String>) -> String {
        let words = ([table] + key).joined(separator: "_").uppercased().unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        }
        var stem = String(words)
        while stem.contains("__") { stem = stem.replacingOccurrences(of: "__", with: "_") }
        stem = stem.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        var name = stem + "_PASSWORD"
        var number = 2
        while taken.contains(name) {
            name = "\(stem)_\(number)_PASSWORD"
            number += 1
        }
        return name
    }

    /// Stands for a reference to a missing row among a row's values (never a value:
    /// text from a database holds no U+0000).
    private static let dangling = "\u{0}"

    /// Key order: each part in its type's order (numbers numerically; dates and
    /// datetimes, written in one format, chronologically by their text), else by its
    /// UTF-8 bytes, as the compiler sorts records.
    static func precedes(_ a: [String], _ b: [String], _ types: [SQLStorage] = []) -> Bool {
        for (index, (x, y)) in zip(a, b).enumerated() where x != y {
            let type = index < types.count ? types[index] : .text
            switch type {
            case .integer: if let i = Int64(x), let j = Int64(y), i != j { return i < j }
            case .real, .decimal: if let d = Double(x), let e = Double(y), d != e { return d < e }
            default: break
            }
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return a.count < b.count
    }

    static func describe(_ key: [String]) -> String {
        key.map { YAMLScalar.quoted($0) }.joined(separator: ", ")
    }
}

/// One captured record: its natural key and its fields as (name, YAML text), in
/// column order.
public struct CapturedRecord: Sendable, Equatable {
    public var key: [String]
    public var fields: [CapturedField]
}

public struct CapturedField: Sendable, Equatable {
    public var name: String
    public var yaml: String
}

/// What a capture of the table gives.
public struct CapturedRows: Sendable {
    /// Sorted by natural key, so both engines give the same text.
    public var records: [CapturedRecord] = []
    /// Environment variables the captured passwords will read.
    public var variables: [String] = []
    public var skippedDeleted = 0
    public var warnings: [String] = []
    /// Values that would not come back as the database holds them (a datetime not
    /// in its column's format, an unsupported column): nothing is written.
    public var errors: [String] = []
}
