/// Reads the `seed` section of `content.yaml` into a `Schema`, reporting every problem
/// at its node. It never stops at the first problem: what can be read is kept.
struct SchemaReader {
    static let seedKeys = SeedFormat.names(SeedFormat.seed)
    static let tableKeys = SeedFormat.names(SeedFormat.table)
    static let columnKeys = SeedFormat.names(SeedFormat.column)

    private(set) var diagnostics: [Diagnostic] = []

    /// The schema and the node of `seed.records`, if any.
    mutating func read(seed: YAMLNode) -> (Schema, records: YAMLNode?) {
        var schema = Schema()
        guard let pairs = mapping(seed, what: "the seed section") else { return (schema, nil) }
        let options = known(pairs, allowed: Self.seedKeys, what: "seed option")
        if let include = options["include"] { readIncludes(include, into: &schema) }
        if let database = options["database"], let path = scalarText(database, what: "seed.database") {
            if path.isEmpty {
                error(.invalidSchema, "seed.database must name a SQLite file", at: database.location)
            } else if Self.leavesRoot(path) || path.contains(":") {
                error(.outsideRoot, "seed.database \(NameRules.shown(path)) is not a file inside the content root; content may name only such a file (give another database with --database or DATABASE_URL)", at: database.location)
            } else {
                schema.database = path
            }
        }
        if let tables = options["tables"], let tablePairs = mapping(tables, what: "seed.tables") {
            for pair in tablePairs {
                guard let name = keyName(pair) else { continue }
                checkName(name, .table, at: pair.key.location)
                if let table = readTable(name: name, node: pair.value, at: pair.key.location) { schema.tables.append(table) }
            }
        } else if options["tables"] == nil {
            error(.invalidSchema, "the seed section declares no tables (add seed.tables)", at: seed.location)
        }
        if let routes = options["routes"], let routePairs = mapping(routes, what: "seed.routes") {
            schema.routes = routePairs.compactMap { readRoute($0) }
        }
        checkReferences(in: schema)
        return (schema, options["records"])
    }

    /// `include:` patterns; one that is absolute or climbs out with `..` is refused
    /// before anything is read.
    private mutating func readIncludes(_ node: YAMLNode, into schema: inout Schema) {
        let items = node.sequence ?? [node]
        let patterns = stringList(node, what: "include")
        guard patterns.count == items.count else { return }
        for (pattern, item) in zip(patterns, items) {
            if Self.leavesRoot(pattern) {
                error(.outsideRoot, "include \(NameRules.shown(pattern)) is outside the content root; seedc reads only files inside it (write paths relative to the root, without ..)", at: item.location)
                continue
            }
            schema.includes.append(pattern)
            schema.includeLocations[pattern] = schema.includeLocations[pattern] ?? item.location
        }
    }

    /// An absolute path, or one with a `..` component: it can name a file outside the root.
    static func leavesRoot(_ path: String) -> Bool {
        path.hasPrefix("/") || path.split(separator: "/").contains("..")
    }

    private mutating func readTable(name: String, node: YAMLNode, at location: SourceLocation) -> TableSchema? {
        guard let pairs = mapping(node, what: "table \(name)") else { return nil }
        let options = known(pairs, allowed: Self.tableKeys, what: "option of table \(name)")
        var table = TableSchema(name: name, location: location, key: [], columns: [])
        if let columns = options["columns"], let columnPairs = mapping(columns, what: "\(name).columns") {
            for pair in columnPairs {
                guard let columnName = keyName(pair) else { continue }
                checkName(columnName, .column, at: pair.key.location)
                if let column = readColumn(name: columnName, table: name, node: pair.value, at: pair.key.location) {
                    table.columns.append(column)
                }
            }
        } else if options["columns"] == nil {
            error(.invalidSchema, "table \(name) declares no columns", at: location)
        }
        if let key = options["key"] {
            table.key = stringList(key, what: "\(name).key")
            for (column, node) in zip(table.key, key.sequence ?? [key]) where table.column(column) == nil {
                error(.unknownColumn, "\(name).key: unknown column \"\(column)\"" + Suggestions.hint(for: column, among: table.columns.map(\.name)), at: node.location)
            }
        } else {
            error(.missingKey, "table \(name) has no natural key: add `key: <column>` (one column or a list) so records can be matched to rows", at: location)
        }
        if let source = options["source"], let text = scalarText(source, what: "\(name).source") {
            var folder = text
            while folder.hasSuffix("/") { folder.removeLast() }
            if folder.hasPrefix("./") { folder.removeFirst(2) }
            if folder.isEmpty {
                error(.invalidSchema, "\(name).source must be a folder inside the content root, found \"\(text)\"", at: source.location)
            } else if Self.leavesRoot(folder) {
                error(.outsideRoot, "\(name).source \(NameRules.shown(text)) is outside the content root; seedc reads only files inside it", at: source.location)
            } else {
                table.source = folder
                table.sourceLocation = source.location
            }
        }
        if let node = options["prune"] { table.prune = boolean(node, what: "\(name).prune") ?? false }
        if let node = options["private"] { table.declaredPrivate = boolean(node, what: "\(name).private") }
        for column in table.columns where !column.isSeeded && table.key.contains(column.name) {
            error(.invalidSchema, "\(name).\(column.name) is \(column.appOwned ? "app_owned" : "unsupported"), so it cannot be part of the natural key: seedc never writes it", at: column.location)
        }
        if let policy = options["on_conflict"], let text = scalarText(policy, what: "\(name).on_conflict") {
            if let value = ConflictPolicy(rawValue: text) {
                table.onConflict = value
            } else {
                error(.invalidSchema, "\(name).on_conflict must be update or keep, found \"\(text)\"", at: policy.location)
            }
        }
        return table
    }

    private mutating func readColumn(name: String, table: String, node: YAMLNode, at location: SourceLocation) -> ColumnSchema? {
        let qualified = "\(table).\(name)"
        // Shorthand: `title: text`.
        if let typeName = node.scalar {
            return ColumnSchema(name: name, location: location, type: columnType(typeName, node: node, column: qualified))
        }
        guard let pairs = mapping(node, what: "column \(qualified)") else { return nil }
        let options = known(pairs, allowed: Self.columnKeys, what: "column option")
        guard let typeNode = options["type"] else {
            error(.invalidSchema, "column \(qualified) has no type (one of \(ColumnType.allCases.map(\.rawValue).joined(separator: ", ")))", at: location)
            return nil
        }
        guard let typeName = scalarText(typeNode, what: "\(qualified).type") else { return nil }
        let type = columnType(typeName, node: typeNode, column: qualified)
        var column = ColumnSchema(name: name, location: location, type: type)
        if let node = options["required"] { column.required = boolean(node, what: "\(qualified).required") ?? false }
        if let node = options["on_update"] {
            if node.scalar == "now", type == .datetime || type == .date {
                column.touchOnUpdate = true
            } else {
                error(.invalidSchema, "\(qualified).on_update takes `now` on a date or datetime column", at: node.location)
            }
        }
        if let node = options["max"] {
            if let text = node.scalar, let n = Int(text), n > 0 { column.maxLength = n } else {
                error(.invalidSchema, "\(qualified).max must be a positive integer", at: node.location)
            }
        }
        if let node = options["enum"] {
            let values = stringList(node, what: "\(qualified).enum")
            if !values.isEmpty { column.enumValues = values }
        }
        if let node = options["pattern"], let text = scalarText(node, what: "\(qualified).pattern") {
            if (try? Regex(text)) == nil {
                error(.invalidSchema, "\(qualified).pattern is not a valid regular expression", at: node.location)
            } else {
                column.pattern = text
            }
        }
        if let node = options["join"], let text = scalarText(node, what: "\(qualified).join") {
            column.join = text
            if type != .list { error(.invalidSchema, "\(qualified).join applies to list columns only", at: node.location) }
        }
        if let node = options["from"], let text = scalarText(node, what: "\(qualified).from") {
            column.from = text
            if type != .html { error(.invalidSchema, "\(qualified).from applies to html columns (rendered from a markdown field)", at: node.location) }
        }
        if let node = options["references"], let text = scalarText(node, what: "\(qualified).references") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                column.reference = ColumnReference(table: String(parts[0]), column: String(parts[1]), location: node.location)
            } else {
                error(.invalidSchema, "\(qualified).references must be table.column, found \"\(text)\"", at: node.location)
            }
        }
        if let node = options["format"], let text = scalarText(node, what: "\(qualified).format") {
            if type != .datetime {
                error(.invalidSchema, "\(qualified).format applies to datetime columns only", at: node.location)
            } else if let format = DateTimeFormat(pattern: text) {
                column.format = format
            } else {
                error(.invalidSchema, "\(qualified).format \"\(text)\" is not a datetime format: YYYY-MM-DD, then optionally a space or T and HH:MM, :SS, .f to .ffffff, then optionally Z, +00, +0000 or +00:00", at: node.location)
            }
        }
        if let node = options["sql_type"], let text = scalarText(node, what: "\(qualified).sql_type") {
            if type == .password {
                error(.invalidSchema, "\(qualified).sql_type does not apply to a password column: it holds a bcrypt hash", at: node.location)
            } else if let name = SQLTypeName(text) {
                column.sqlType = name
            } else {
                error(.invalidSchema, "\(qualified).sql_type \"\(text)\" is not a type name (words, an optional (n) or (n,m), then [] for arrays)", at: node.location)
            }
        }
        if let node = options["default"] {
            column.defaultValue = readDefault(node, column: column, qualified: qualified)
        }
        if type == .unsupported {
            let conflicting = ["required", "default", "on_update", "from", "references"].filter { options[$0] != nil }
            if !conflicting.isEmpty {
                error(.invalidSchema, "\(qualified) is unsupported (seedc never writes it), so it cannot also have \(conflicting.joined(separator: ", "))", at: location)
            }
        }
        if let node = options["app_owned"], boolean(node, what: "\(qualified).app_owned") == true {
            column.appOwned = true
            let conflicting = ["required", "default", "on_update", "from"].filter { options[$0] != nil }
            if !conflicting.isEmpty {
                error(.invalidSchema, "\(qualified) is app_owned (seedc never writes it), so it cannot also have \(conflicting.joined(separator: ", "))", at: node.location)
            }
        }
        return column
    }

    private mutating func readDefault(_ node: YAMLNode, column: ColumnSchema, qualified: String) -> ColumnDefault? {
        if node.scalar == "now", node.tag == nil {
            guard column.type == .datetime || column.type == .date else {
                error(.invalidSchema, "\(qualified): `default: now` needs a date or datetime column", at: node.location)
                return nil
            }
            return .now
        }
        guard column.type != .password else {
            error(.invalidSchema, "\(qualified): a password column cannot have a default", at: node.location)
            return nil
        }
        switch ValueReader.read(node, as: column) {
        case let .success(value): return .value(value)
        case let .failure(problem):
            error(problem.id, "\(qualified).default: \(problem.message)", at: node.location)
            return nil
        }
    }

    private mutating func readRoute(_ pair: YAMLPair) -> RouteSchema? {
        guard let pattern = keyName(pair) else { return nil }
        guard pattern.hasPrefix("/"), pattern.contains("{"), pattern.hasSuffix("}") else {
            error(.invalidSchema, "route \"\(pattern)\" must be a path ending in a {placeholder}, e.g. /sectors/{slug}", at: pair.key.location)
            return nil
        }
        let node = pair.value["keys"] ?? pair.value["column"] ?? pair.value
        guard let text = scalarText(node, what: "route \(pattern)") else { return nil }
        if pair.value["keys"] != nil {
            return RouteSchema(pattern: pattern, values: .keys(of: text), location: node.location)
        }
        let parts = text.split(separator: ".")
        guard parts.count == 2 else {
            error(.invalidSchema, "route \(pattern) takes `table.column` or `{keys: <top-level key>}`, found \"\(text)\"", at: node.location)
            return nil
        }
        return RouteSchema(pattern: pattern, values: .column(table: String(parts[0]), column: String(parts[1])), location: node.location)
    }

    /// References, routes and `from` must name declared tables and columns, and
    /// references between tables must not form a cycle.
    private mutating func checkReferences(in schema: Schema) {
        let names = schema.tables.map(\.name)
        for table in schema.tables {
            for column in table.columns {
                if let from = column.from, from == column.name {
                    error(.invalidSchema, "\(table.name).\(column.name) cannot be rendered from itself", at: column.location)
                }
                guard let reference = column.reference else { continue }
                guard let target = schema.table(reference.table) else {
                    error(.invalidReference, "\(table.name).\(column.name) references unknown table \"\(reference.table)\"" + Suggestions.hint(for: reference.table, among: names), at: reference.location)
                    continue
                }
                if target.column(reference.column) == nil, target.key.count != 1 {
                    error(.invalidReference, "\(table.name).\(column.name) references \(reference.table).\(reference.column), which is not a declared column" + Suggestions.hint(for: reference.column, among: target.columns.map(\.name)) + "; an undeclared column (such as a database id) needs a one-column key on \(reference.table)", at: reference.location)
                }
            }
        }
        for route in schema.routes {
            guard case let .column(tableName, columnName) = route.values else { continue }
            if let table = schema.table(tableName) {
                if table.column(columnName) == nil {
                    error(.invalidReference, "route \(route.pattern): unknown column \(tableName).\(columnName)" + Suggestions.hint(for: columnName, among: table.columns.map(\.name)), at: route.location)
                }
            } else {
                error(.invalidReference, "route \(route.pattern): unknown table \"\(tableName)\"" + Suggestions.hint(for: tableName, among: names), at: route.location)
            }
        }
        if let cycle = TableOrder.cycle(in: schema) {
            let columns = zip(cycle, cycle.dropFirst() + [cycle[0]]).compactMap { table, next in
                table.columns.first { $0.reference?.table == next.name }.map { "\(table.name).\($0.name)" }
            }
            error(.referenceCycle, "references form a cycle through required columns: \(columns.joined(separator: " -> ")) -> \(cycle[0].name); make one of them not required (it is then set in a second pass, once every row is in) or break the cycle", at: cycle[0].location)
        }
    }

    // MARK: - Node helpers

    private mutating func error(_ id: DiagnosticID, _ message: String, at location: SourceLocation) {
        diagnostics.append(.error(id, message, at: location))
    }

    private mutating func mapping(_ node: YAMLNode, what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        error(.invalidSchema, "\(what) must be a mapping, found \(node.kindName)", at: node.location)
        return nil
    }

    private mutating func checkName(_ name: String, _ kind: NameRules.Kind, at location: SourceLocation) {
        if let (id, message) = NameRules.problem(name, kind: kind) { error(id, message, at: location) }
    }

    private mutating func keyName(_ pair: YAMLPair) -> String? {
        pair.key.scalar
    }

    /// The pairs by key; unknown keys are reported with a suggestion.
    private mutating func known(_ pairs: [YAMLPair], allowed: [String], what: String) -> [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            if allowed.contains(key) {
                result[key] = result[key] ?? pair.value
            } else {
                error(.unknownOption, "unknown \(what) \"\(key)\"" + Suggestions.hint(for: key, among: allowed) + " (known: \(allowed.joined(separator: ", ")))", at: pair.key.location)
            }
        }
        return result
    }

    private mutating func scalarText(_ node: YAMLNode, what: String) -> String? {
        if let text = node.scalar, !node.isNull { return text }
        error(.invalidSchema, "\(what) must be a string, found \(node.isNull ? "nothing" : node.kindName)", at: node.location)
        return nil
    }

    private mutating func stringList(_ node: YAMLNode, what: String) -> [String] {
        if node.scalar != nil { return scalarText(node, what: what).map { [$0] } ?? [] }
        guard let items = node.sequence else {
            error(.invalidSchema, "\(what) must be a string or a list of strings, found \(node.kindName)", at: node.location)
            return []
        }
        return items.compactMap { scalarText($0, what: "an item of \(what)") }
    }

    private mutating func boolean(_ node: YAMLNode, what: String) -> Bool? {
        switch node.scalar {
        case "true": return true
        case "false": return false
        default:
            error(.invalidSchema, "\(what) must be true or false", at: node.location)
            return nil
        }
    }

    /// The named type; an unknown name is reported and read as `text`, so the column
    /// stays declared and its references and records do not raise follow-on errors.
    private mutating func columnType(_ name: String, node: YAMLNode, column: String) -> ColumnType {
        if let type = ColumnType(rawValue: name) { return type }
        let names = ColumnType.allCases.map(\.rawValue)
        error(.invalidSchema, "\(column): unknown type \"\(name)\"" + Suggestions.hint(for: name, among: names) + " (known: \(names.joined(separator: ", ")))", at: node.location)
        return .text
    }
}
