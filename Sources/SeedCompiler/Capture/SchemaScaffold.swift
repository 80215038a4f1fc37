/// `seedc init`: the `tables:` block of the `seed` section for tables a database
/// describes, indented to sit under `seed:`.
public enum SchemaScaffold {
    /// Columns the app keeps up to date by itself (a login time, a counter): proposed
    /// `app_owned`, so capture and apply leave them to the app.
    static let appOwnedNames: Set<String> = ["last_login", "last_login_at", "last_seen", "last_seen_at", "last_active", "last_active_at", "login_count"]

    /// Whether a column looks written by the app: a known name or a `*_count` counter.
    static func isAppOwned(_ column: TableDescription.Column) -> Bool {
        let name = column.name.lowercased()
        return appOwnedNames.contains(name) || (name.hasSuffix("_count") && DeclaredType(column, engine: .sqlite).type == .integer)
    }

    /// Tables holding accounts: a password column. Their records stay out of content.yaml.
    public static func isPrivate(_ table: TableDescription) -> Bool {
        table.columns.contains { type(of: $0, engine: table.engine) == .password }
    }

    /// The first line of a private table's records file, saying why it exists.
    public static func privateFileHeader(_ table: String) -> String {
        Comment.lines(["\(table): private records (accounts), kept out of content.yaml, which the app serves to anyone."], .hash)
    }

    public static func yaml(_ tables: [TableDescription], indent: String = "  ") -> String {
        let choices = Dictionary(tables.map { ($0.name, KeyChoice.choose(for: $0, among: tables)) }) { first, _ in first }
        var out = indent + "tables:\n"
        for table in tables {
            out += block(table, choice: choices[table.name]!, references: references(of: table, among: tables, choices: choices), indent: indent + "  ")
        }
        return out
    }

    /// What a foreign key column of the content declares.
    struct Reference: Equatable {
        /// `table.column`, for `references:`.
        var target: String
        /// The target's natural key column, when the target column is an id the content
        /// leaves out: the column then holds that key's values, and the id is looked up.
        var by: TableDescription.Column?
        var byEngine: DatabaseEngine = .sqlite
    }

    /// `references:` for the one-column foreign keys of `table` into a table the
    /// content declares, by column name: to a declared column as it is, to a surrogate
    /// id by the target's one-column natural key.
    static func references(of table: TableDescription, among tables: [TableDescription], choices: [String: KeyChoice]) -> [String: Reference] {
        var references: [String: Reference] = [:]
        for key in table.foreignKeys where key.columns.count == 1 && key.targetColumns.count == 1 {
            guard let target = tables.first(where: { $0.name == key.targetTable }), let choice = choices[target.name] else { continue }
            let reference = target.name + "." + key.targetColumns[0]
            if choice.omitted == key.targetColumns[0] {
                guard choice.key.count == 1, let by = target.columns.first(where: { $0.name == choice.key[0] }) else { continue }
                references[key.columns[0]] = Reference(target: reference, by: by, byEngine: target.engine)
            } else if target.columns.contains(where: { $0.name == key.targetColumns[0] }) {
                references[key.columns[0]] = Reference(target: reference, by: nil)
            }
        }
        return references
    }

    /// What `init` leaves undeclared about foreign keys, for its warnings: keys into
    /// tables the content does not declare (their raw values are kept), composite keys,
    /// and keys into an id the database assigns.
    public static func warnings(_ tables: [TableDescription]) -> [String] {
        let choices = Dictionary(tables.map { ($0.name, KeyChoice.choose(for: $0, among: tables)) }) { first, _ in first }
        return tables.flatMap { table in
            let declared = references(of: table, among: tables, choices: choices)
            return table.foreignKeys.compactMap { key -> String? in
                let columns = "\(table.name).\(key.columns.joined(separator: ", "))"
                if key.columns.count == 1, declared[key.columns[0]] != nil { return nil }
                guard tables.contains(where: { $0.name == key.targetTable }) else {
                    return "\(columns) references \(key.targetTable), which the content does not declare: its values are kept as they are"
                }
                return "\(columns) references \(key.targetTable).\(key.targetColumns.joined(separator: ", ")), which content leaves to the database: its values are kept as they are"
            }
        }
    }

    /// The statement reading a column's stored values as text, for the formats of a
    /// datetime kept as text (`TableDescription.keepsDatetimeText`).
    public static func storedValues(of column: String, in table: String, engine: DatabaseEngine) -> RenderedStatement {
        SQLDialect(engine: engine).render(.selectText(table: SQLIdentifier(table), columns: [.value(SQLIdentifier(column), .text)], match: []))
    }

    /// The statement counting a column's repeated (or NULL) values: a guessed natural
    /// key must have none (`TableDescription.Column.uniqueInRows`).
    public static func repeats(of column: String, in table: String, engine: DatabaseEngine) -> RenderedStatement {
        SQLDialect(engine: engine).render(.countRepeats(table: SQLIdentifier(table), column: SQLIdentifier(column)))
    }

    /// The formats stored datetimes are written in (`DateTimeFormat` patterns), the most
    /// common first (ties by pattern); a value in none of them counts as its own text.
    public static func formats(of values: [String?]) -> [String] {
        var counts: [String: Int] = [:]
        for case let value? in values { counts[DateTimeFormat.of(value)?.pattern ?? value, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// Whether a table has a column to seed besides a surrogate id.
    public static func hasColumns(_ table: TableDescription) -> Bool {
        table.columns.contains { $0.name != KeyChoice.surrogate(of: table) }
    }

    static func block(_ table: TableDescription, choice: KeyChoice, references: [String: Reference] = [:], indent: String) -> String {
        let columns = table.columns.filter { $0.name != choice.omitted }
        let key = choice.key
        var out = "\(indent)" + YAMLScalar.text(table.name) + ":\n"
        switch choice.reason {
        case .declared: break
        case .guessed:
            out += Comment.lines([
                "seedc init: no unique constraint in \(table.name); \(key.joined(separator: ", ")) is unique in its rows today, so it is proposed as the natural key.",
                "Make sure it identifies one row, or change it, before adding records.",
            ], .hash, indent: indent + "  ")
        case .idIsKey:
            out += Comment.lines([
                "seedc init: no column of \(table.name) is unique in its rows, so its id \(key.joined(separator: ", ")) is the natural key, seeded as it is.",
                "Declare a unique natural key instead to let the database assign ids.",
            ], .hash, indent: indent + "  ")
        }
        let keyText = key.count == 1 ? YAMLScalar.text(key[0]) : "[" + key.map { YAMLScalar.text($0, in: .flow) }.joined(separator: ", ") + "]"
        out += "\(indent)  key: \(keyText)\n"
        if isPrivate(table) {
            out += Comment.lines([
                "Accounts: kept out of content.yaml, which the app serves to anyone (records go in \(TableSchema.recordsFile(for: table.name))),",
                "and inserted only when missing, so profile edits made in the app are never overwritten.",
            ], .hash, indent: indent + "  ")
            out += "\(indent)  private: true\n"
            out += "\(indent)  on_conflict: keep\n"
        }
        out += "\(indent)  columns:\n"
        let names = columns.map { YAMLScalar.text($0.name) }
        let width = names.map(\.count).max() ?? 0
        for (column, name) in zip(columns, names) {
            let inKey = key.contains(column.name)
            let reference = references[column.name]
            // A reference to an id left out holds the target's natural key instead.
            let declared = reference?.by.map { DeclaredType($0, engine: reference!.byEngine) } ?? DeclaredType(column, engine: table.engine)
            let options = (options(column, declared: declared, inKey: inKey) + (reference.map { ["references: " + YAMLScalar.text($0.target, in: .flow)] } ?? [])).joined(separator: ", ")
            out += "\(indent)    \(name):" + String(repeating: " ", count: width - name.count + 1) + "{\(options)}"
            if let by = reference?.by {
                out += "  " + Comment.line("holds the \(by.name) of a \(reference!.target.split(separator: ".").first.map(String.init) ?? "") row; its id is looked up when applying", .hash)
            } else if declared.type == .unsupported {
                out += "  " + Comment.line("seedc init: \(column.type) cannot be carried exactly; capture refuses the table until you set app_owned: true or a type", .hash)
            } else if isAppOwned(column), !inKey {
                out += "  " + Comment.line("written by the app itself: seedc never captures, sets or compares it", .hash)
            } else if column.storedFormats.count > 1 {
                out += "  " + Comment.line("seedc init: rows mix formats (\(column.storedFormats.joined(separator: ", "))): capture refuses them until they agree", .hash)
            }
            out += "\n"
        }
        return out
    }

    static func options(_ column: TableDescription.Column, declared: DeclaredType, inKey: Bool) -> [String] {
        let type = declared.type
        var options = ["type: \(type.rawValue)"]
        if let sqlType = declared.sqlType { options.append("sql_type: " + YAMLScalar.text(sqlType.text, in: .flow)) }
        if let format = declared.format { options.append("format: " + YAMLScalar.quoted(format.pattern)) }
        if type == .unsupported { return options }
        if isAppOwned(column), !inKey {
            return options + ["app_owned: true"]
        }
        if type == .datetime || type == .date, column.name == "created_at" || column.name == "updated_at" || isNow(column.defaultSQL) {
            options.append("default: now")
            if column.name == "updated_at" { options.append("on_update: now") }
        } else if let literal = defaultLiteral(column.defaultSQL, type: type) {
            options.append("default: \(literal)")
        } else if (column.notNull && column.defaultSQL == nil) || inKey {
            options.append("required: true")
        }
        if let length = maxLength(column.type), type == .text { options.append("max: \(length)") }
        return options
    }

    static func type(of column: TableDescription.Column, engine: DatabaseEngine = .sqlite) -> ColumnType {
        DeclaredType(column, engine: engine).type
    }

    /// A default that is the time of inserting: `CURRENT_TIMESTAMP`, `now()`, …
    static func isNow(_ sql: String?) -> Bool {
        guard let sql = sql?.lowercased() else { return false }
        return ["current_timestamp", "now()", "localtimestamp", "current_date", "datetime('now'"].contains(where: sql.contains)
    }

    /// `VARCHAR(200)` → 200.
    static func maxLength(_ declared: String) -> Int? {
        guard let open = declared.firstIndex(of: "("), let close = declared.firstIndex(of: ")"), open < close else { return nil }
        return Int(declared[declared.index(after: open)..<close].trimmingCharacters(in: .whitespaces))
    }

    /// A default the database applies, as a content value: numbers, quoted text,
    /// booleans, dates. Expressions (`CURRENT_TIMESTAMP`, `nextval(…)`) and JSON are
    /// left out.
    static func defaultLiteral(_ sql: String?, type: ColumnType) -> String? {
        guard var text = sql?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let cast = text.range(of: "::") { text = String(text[..<cast.lowerBound]) }
        if text.hasPrefix("'"), text.hasSuffix("'"), text.count >= 2 {
            let inner = String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            switch type {
            case .boolean: return ["1", "t", "true"].contains(inner.lowercased()) ? "true" : "false"
            case .integer, .real, .decimal, .date, .datetime:
                guard case .success = ValueReader.read(inner, as: type) else { return nil }
                return YAMLScalar.text(inner, in: .flow)
            case .json, .password, .binary, .unsupported: return nil
            case .text, .email, .url, .markdown, .html, .list: return YAMLScalar.text(inner, in: .flow)
            }
        }
        switch (type, text.lowercased()) {
        case (.boolean, "1"), (.boolean, "true"): return "true"
        case (.boolean, "0"), (.boolean, "false"): return "false"
        case (.integer, _) where Int64(text) != nil: return text
        case (.real, _) where Double(text) != nil: return text
        case (.decimal, _):
            guard case .success = ValueReader.read(text, as: .decimal) else { return nil }
            return text
        default: return nil
        }
    }
}
