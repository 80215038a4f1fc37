/// `seedc init`: the `tables:` block of the `seed` section for tables a database
/// describes, indented to sit under `seed:`.
public enum SchemaScaffold {
    /// Columns a natural key is proposed from when no column is unique, in this order.
    static let keyCandidates = ["slug", "username", "link", "url", "email", "title", "name"]
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
        seedColumns(table).contains { type(of: $0, engine: table.engine) == .password }
    }

    /// The first line of a private table's records file, saying why it exists.
    public static func privateFileHeader(_ table: String) -> String {
        Comment.lines(["\(table): private records (accounts), kept out of content.yaml, which the app serves to anyone."], .hash)
    }

    public static func yaml(_ tables: [TableDescription], indent: String = "  ") -> String {
        var out = indent + "tables:\n"
        for table in tables {
            out += block(table, references: references(of: table, among: tables), indent: indent + "  ")
        }
        return out
    }

    /// `references:` for the one-column foreign keys of `table` into a column the
    /// content declares, by column name.
    static func references(of table: TableDescription, among tables: [TableDescription]) -> [String: String] {
        var references: [String: String] = [:]
        for key in table.foreignKeys where key.columns.count == 1 && key.targetColumns.count == 1 {
            guard let target = tables.first(where: { $0.name == key.targetTable }),
                  seedColumns(target).contains(where: { $0.name == key.targetColumns[0] }) else { continue }
            references[key.columns[0]] = target.name + "." + key.targetColumns[0]
        }
        return references
    }

    /// What `init` leaves undeclared about foreign keys, for its warnings: keys into
    /// tables the content does not declare (their raw values are kept), composite keys,
    /// and keys into an id the database assigns.
    public static func warnings(_ tables: [TableDescription]) -> [String] {
        tables.flatMap { table in
            let declared = references(of: table, among: tables)
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
        SQLDialect(engine: engine).render(.selectText(table: SQLIdentifier(table), columns: [.init(name: SQLIdentifier(column), storage: .text)], match: []))
    }

    /// The formats stored datetimes are written in (`DateTimeFormat` patterns), the most
    /// common first (ties by pattern); a value in none of them counts as its own text.
    public static func formats(of values: [String?]) -> [String] {
        var counts: [String: Int] = [:]
        for case let value? in values { counts[DateTimeFormat.of(value)?.pattern ?? value, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// Whether a table has a column to seed besides an `id` primary key.
    public static func hasColumns(_ table: TableDescription) -> Bool {
        !seedColumns(table).isEmpty
    }

    /// The columns content sets: all but the integer `id` primary key the database fills.
    static func seedColumns(_ table: TableDescription) -> [TableDescription.Column] {
        table.columns.filter { !($0.primaryKey && $0.name == "id") }
    }

    static func block(_ table: TableDescription, references: [String: String] = [:], indent: String) -> String {
        let columns = seedColumns(table)
        var out = "\(indent)" + YAMLScalar.text(table.name) + ":\n"
        let (key, proposed) = naturalKey(table, columns: columns)
        if proposed {
            out += Comment.lines([
                "seedc init: no unique column in \(table.name); \(key.joined(separator: ", ")) is a guess at the natural key.",
                "Make sure it identifies one row, or change it, before adding records.",
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
            let declared = DeclaredType(column, engine: table.engine)
            let reference = references[column.name].map { ["references: " + YAMLScalar.text($0, in: .flow)] } ?? []
            let options = (options(column, declared: declared, inKey: inKey) + reference).joined(separator: ", ")
            out += "\(indent)    \(name):" + String(repeating: " ", count: width - name.count + 1) + "{\(options)}"
            if declared.type == .unsupported {
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

    /// A unique non-primary-key column set (the shortest), else a primary key that is
    /// not a surrogate `id`, else a proposal: the first NOT NULL column among
    /// `keyCandidates`, else the first NOT NULL text column, else the first candidate
    /// or column.
    static func naturalKey(_ table: TableDescription, columns: [TableDescription.Column]) -> (key: [String], proposed: Bool) {
        let names = Set(columns.map(\.name))
        if let unique = table.unique.filter({ Set($0).isSubset(of: names) }).min(by: { $0.count < $1.count }) {
            return (unique, false)
        }
        let primaryKey = columns.filter(\.primaryKey).map(\.name)
        if !primaryKey.isEmpty, table.columns.filter(\.primaryKey).count == primaryKey.count {
            return (primaryKey, false)
        }
        let required = Set(columns.filter(\.notNull).map(\.name))
        let name = keyCandidates.first(where: required.contains)
            ?? columns.first(where: { $0.notNull && type(of: $0, engine: table.engine) == .text })?.name
            ?? keyCandidates.first(where: names.contains) ?? columns.first?.name ?? "id"
        return ([name], true)
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
