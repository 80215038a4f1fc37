/// How one database spells statements, literals, parameters and identifiers. This is
/// the only place SQL text is made, and every value and name goes through it.
struct SQLDialect {
    typealias Engine = DatabaseEngine

    /// How parameters are written: not at all (scripts), `:name` (Python's sqlite3),
    /// or `%(name)s` (psycopg2, where a literal `%` must then be doubled). Positional
    /// arguments (`?`, `$n`) need no setting.
    enum Parameters {
        case none, colonNamed, pyformat
        /// Numbered parameters bound from a sequence: SQLite's `?NNN` (binding by name
        /// looks each name up in a list, which costs the square of a batch) and
        /// PostgreSQL's `$n` (bound through libpq by `seedc apply`).
        case numbered
    }

    var engine: Engine
    var parameters: Parameters = .none

    /// What writing one statement gathers and reads besides its text: positional
    /// arguments in order, and for a statement written from a template row, how many
    /// rows and where their `.rowValue`s come from.
    private struct Context {
        var arguments: [Value] = []
        var template: (rows: Int, value: (_ row: Int, _ index: Int, _ out: inout OutputBuffer) -> Void)?
        /// While the template row is written once (`writeTemplate`): notes the place
        /// of each `.rowValue`.
        var slot: ((_ index: Int, _ out: inout OutputBuffer) -> Void)?
    }

    func identifier(_ id: SQLIdentifier) -> String {
        var out = OutputBuffer()
        write(id, &out)
        return out.text
    }

    private func write(_ id: SQLIdentifier, _ out: inout OutputBuffer) {
        var name = id.name
        name.withUTF8 { quote($0, with: UInt8(ascii: "\""), &out) }
    }

    /// `text` between `mark`s, each `mark` in it doubled (and each `%` for psycopg2).
    /// Works on UTF-8 bytes: this runs for every value of every row.
    private func quote(_ text: UnsafeBufferPointer<UInt8>, with mark: UInt8, _ out: inout OutputBuffer) {
        out.appendQuoted(text, mark: mark, doublingPercent: parameters == .pyformat)
    }

    func literal(_ value: Value) -> String {
        var out = OutputBuffer()
        write(value, &out)
        return out.text
    }

    private func write(_ value: Value, _ out: inout OutputBuffer) {
        value.withBorrowed { write(literal: $0, into: &out) }
    }

    /// The literal of a value, its text read in place (a row's cell as it is encoded).
    func write(literal value: BorrowedValue, into out: inout OutputBuffer) {
        switch value {
        case .null: out.append("NULL")
        case let .text(s): string(s, &out)
        case let .integer(i): out.append(i)
        case let .real(d): out.append(String(d))
        case let .boolean(b):
            out.append(engine == .sqlite ? (b ? "1" : "0") : (b ? "TRUE" : "FALSE"))
        case let .date(s):
            if engine == .postgres { out.append("DATE ") }
            string(s, &out)
        case let .timestamp(s):
            // A value with a zone is an instant (timestamptz); PostgreSQL would drop the
            // zone of a TIMESTAMP literal.
            if engine == .postgres { out.append(Self.hasZone(s) ? "TIMESTAMPTZ " : "TIMESTAMP ") }
            string(s, &out)
        case let .binary(bytes):
            // SQLite's blob literal; PostgreSQL's bytea hex input (backslashes are
            // plain characters: standard_conforming_strings).
            out.append(engine == .sqlite ? "X'" : "'\\x")
            Hex.withText(of: bytes) { out.append($0) }
            out.append("'")
        case let .decimal(s):
            // Text: SQLite's column affinity makes it a number as it would the app's
            // value, and PostgreSQL casts it to numeric exactly.
            string(s, &out)
        }
    }

    /// Whether a datetime's text (as `DateTimeFormat` writes it) ends in a zone.
    private static func hasZone(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count > 10, let last = text.last else { return false }
        if last == UInt8(ascii: "Z") { return true }
        return text[11...].contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
    }

    /// A string literal: quotes doubled; PostgreSQL scripts set
    /// `standard_conforming_strings`, so backslashes are plain characters in both.
    /// Control characters other than tab and line feed never appear raw: the string
    /// is written as literals and `char(n)` (SQLite) or `chr(n)` (PostgreSQL) joined
    /// by `||`, because the shells that read the scripts alter them (the sqlite3
    /// shell drops a carriage return that ends an input line, even inside a literal).
    private func string(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout OutputBuffer) {
        let mark = UInt8(ascii: "'")
        // Nearly every value has neither: tested once, then copied between quotes.
        let special = parameters == .pyformat
            ? ByteScan.any(bytes) { Self.shellUnsafe($0) .| ($0 .== ByteScan.all(mark)) .| ($0 .== ByteScan.all(UInt8(ascii: "%"))) }
            : ByteScan.any(bytes) { Self.shellUnsafe($0) .| ($0 .== ByteScan.all(mark)) }
        guard special else { return out.append(bytes, between: mark) }
        guard bytes.contains(where: Self.shellUnsafe) else { return quote(bytes, with: mark, &out) }
        out.append("(")
        var first = true
        func separate() {
            if !first { out.append(" || ") }
            first = false
        }
        var start = 0
        for (index, byte) in bytes.enumerated() where Self.shellUnsafe(byte) {
            if start < index {
                separate()
                quote(UnsafeBufferPointer(rebasing: bytes[start..<index]), with: mark, &out)
            }
            separate()
            out.append(engine == .sqlite ? "char(" : "chr(")
            out.append(Int(byte))
            out.append(")")
            start = index + 1
        }
        if start < bytes.count {
            separate()
            quote(UnsafeBufferPointer(rebasing: bytes[start...]), with: mark, &out)
        }
        out.append(")")
    }

    /// C0 control bytes but tab and line feed (a UTF-8 continuation byte is never one).
    private static func shellUnsafe(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A
    }

    @inline(__always)
    private static func shellUnsafe(_ lanes: ByteScan.Lanes) -> ByteScan.Mask {
        (lanes .< ByteScan.all(0x20)) .& (lanes .!= ByteScan.all(0x09)) .& (lanes .!= ByteScan.all(0x0A))
    }

    /// Whether the statement does anything in this dialect (SQLite advances no sequence).
    func runs(_ s: SQLStatement) -> Bool {
        if case .advanceSequence = s { return engine == .postgres }
        return true
    }

    /// Renders a statement; arguments (`SQLExpression.argument`) are collected in order.
    func render(_ s: SQLStatement) -> RenderedStatement {
        var out = OutputBuffer()
        var context = Context()
        write(s, &out, &context)
        return RenderedStatement(sql: out.text, arguments: context.arguments)
    }

    /// A statement without arguments, for scripts and the Python module.
    func statement(_ s: SQLStatement) -> String {
        render(s).sql
    }

    /// Writes a statement without arguments into `out`.
    func write(_ s: SQLStatement, into out: inout OutputBuffer) {
        var context = Context()
        write(s, &out, &context)
    }

    /// Writes a statement whose row list (`withRows`) holds one template row, written
    /// `rows` times: `value(row, index, &out)` writes each `.rowValue(index)` in it
    /// (with `write(literal:into:)`). The rows are never built as expressions, and the
    /// buffer is flushed between them.
    func write(_ s: SQLStatement, rows: Int, value: (_ row: Int, _ index: Int, _ out: inout OutputBuffer) -> Void, into out: inout OutputBuffer) {
        withoutActuallyEscaping(value) { value in
            var context = Context(template: (rows, value))
            write(s, &out, &context)
        }
    }

    private func write(_ e: SQLExpression, _ out: inout OutputBuffer, _ context: inout Context) {
        switch e {
        case let .value(v):
            write(v, &out)
        case let .rowValue(index):
            guard let slot = context.slot else { preconditionFailure("a row value outside a template row") }
            slot(index, &out)
        case let .parameter(name, storage):
            if engine == .postgres { out.append("CAST(") }
            switch parameters {
            case .pyformat: out.append("%(" + name + ")s")
            case .numbered: out.append((engine == .sqlite ? "?" : "$") + name)
            case .none, .colonNamed: out.append(":" + name)
            }
            if engine == .postgres { out.append(" AS " + postgresType(storage) + ")") }
        case let .clock(name, storage):
            guard case let .formatted(format) = storage else { return write(.parameter(name, storage), &out, &context) }
            var base = OutputBuffer()
            write(.parameter(name, .text), &base, &context)
            out.append(nowText(base.text, format: format))
        case let .argument(value, storage):
            context.arguments.append(value)
            guard engine == .postgres else { return out.append("?") }
            out.append("CAST($")
            out.append(context.arguments.count)
            out.append(" AS " + postgresType(storage) + ")")
        case let .column(column, source):
            write(source, &out)
            out.append(".")
            write(column, &out)
        case let .now(storage):
            switch (engine, storage) {
            case (.sqlite, .date): out.append("date('now')")
            case (.sqlite, .formatted(let format)): out.append(nowText("(" + Self.sqliteNow + ")", format: format))
            case (.sqlite, _): out.append(Self.sqliteNow)
            case (.postgres, .date): out.append("CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS date)")
            case (.postgres, .formatted(let format)) where format.hasZone: out.append("CURRENT_TIMESTAMP")
            case (.postgres, _): out.append("CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS timestamp)")
            }
        case let .lookup(table, column, key, value):
            out.append("(SELECT ")
            write(column, &out)
            out.append(" FROM ")
            write(table, &out)
            out.append(" WHERE ")
            write(key, &out)
            out.append(" = ")
            write(value, &out, &context)
            out.append(")")
        }
    }

    /// SQLite's time of applying as `YYYY-MM-DD HH:MM:SS.ffffff` (UTC).
    private static let sqliteNow = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"

    /// The time of applying in a column's `format:`, from `canonical`, an expression
    /// giving it as `YYYY-MM-DD HH:MM:SS.ffffff` (UTC). SQLite keeps the text, so its
    /// parts are cut from the canonical form; PostgreSQL keeps a timestamp.
    private func nowText(_ canonical: String, format: DateTimeFormat) -> String {
        guard engine == .sqlite else {
            return format.hasZone ? "CAST(\(canonical) || '+00' AS timestamptz)" : "CAST(\(canonical) AS timestamp)"
        }
        guard let time = format.time else { return "substr(\(canonical), 1, 10)" }
        let length = 5 + (time.seconds ? 3 : 0) + (time.fraction > 0 ? 1 + time.fraction : 0)
        var text = time.separator == " "
            ? "substr(\(canonical), 1, \(11 + length))"
            : "substr(\(canonical), 1, 10) || 'T' || substr(\(canonical), 12, \(length))"
        if let zone = format.zone { text += " || '\(zone.rawValue)'" }
        return text
    }

    /// `(…), (…)`: the rows of a statement, or its template row `context.template.rows` times.
    private func writeRows(_ rows: [[SQLExpression]], separator: String, _ out: inout OutputBuffer, _ context: inout Context) {
        if let (count, value) = context.template { return writeTemplate(rows[0], rows: count, value: value, separator: separator, &out) }
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append(separator) }
            out.append("(")
            for (position, expression) in row.enumerated() {
                if position > 0 { out.append(", ") }
                write(expression, &out, &context)
            }
            out.append(")")
            out.flushIfFull()
        }
    }

    /// A template row written `rows` times. It is written once, with the place of each
    /// `.rowValue` noted, then each row copies the text between those places and
    /// writes its values there (`value`).
    private func writeTemplate(_ template: [SQLExpression], rows: Int, value: (_ row: Int, _ index: Int, _ out: inout OutputBuffer) -> Void,
                               separator: String, _ out: inout OutputBuffer) {
        var text = OutputBuffer()
        var slots: [(offset: Int, index: Int)] = []
        var recording = Context(slot: { index, text in slots.append((text.count, index)) })
        text.append("(")
        for (position, expression) in template.enumerated() {
            if position > 0 { text.append(", ") }
            write(expression, &text, &recording)
        }
        text.append(")")
        precondition(recording.arguments.isEmpty, "a template row takes no arguments")
        text.withBytes { text in
            for row in 0..<rows {
                if row > 0 { out.append(separator) }
                var start = 0
                for slot in slots {
                    out.append(UnsafeBufferPointer(rebasing: text[start..<slot.offset]))
                    value(row, slot.index, &out)
                    start = slot.offset
                }
                out.append(UnsafeBufferPointer(rebasing: text[start...]))
                out.flushIfFull()
            }
        }
    }

    private func write(_ s: SQLStatement, _ out: inout OutputBuffer, _ context: inout Context) {
        switch s {
        case let .withRows(columns, rows, body, maps):
            let names = columns.map(identifier).joined(separator: ", ")
            guard !maps.isEmpty else {
                out.append("WITH \"v\" (\(names)) AS (VALUES\n  ")
                writeRows(rows, separator: ",\n  ", &out, &context)
                return out.append(")\n" + rowsBody(body, &context))
            }
            // The rows with natural keys, then "v": the rows with the maps' ids.
            let keyed = identifier(SQLIdentifier(NameRules.lookupMapPrefix + "v"))
            out.append("WITH \(keyed) (\(names)) AS (VALUES\n  ")
            writeRows(rows, separator: ",\n  ", &out, &context)
            var selected = columns.map { "\(keyed).\(identifier($0))" }
            var joins = ""
            for mapped in maps {
                let alias = identifier(SQLIdentifier(mapped.map.name + "_" + String(mapped.position)))
                selected[mapped.position] = "\(alias).\(identifier(LookupMaps.idColumn))"
                joins += " LEFT JOIN \(identifier(mapped.map)) AS \(alias) ON \(alias).\(identifier(LookupMaps.keyColumn)) = \(keyed).\(identifier(columns[mapped.position]))"
            }
            out.append("),\n\"v\" (\(names)) AS (SELECT \(selected.joined(separator: ", ")) FROM \(keyed)\(joins))\n" + rowsBody(body, &context))
        case let .compare(table, source, rows, key, compared):
            let v = SQLIdentifier("v"), t = identifier(table)
            var selected = ["CAST(\(identifier(v)).\(identifier(source[0])) AS TEXT)",
                            "CASE WHEN \(t).\(identifier(key[0])) IS NULL THEN 0 ELSE 1 END"]
            for column in compared {
                // PostgreSQL compares in the content's type (a json column has no `=`).
                let current = "\(t).\(identifier(column.name))"
                let new = comparable("\(identifier(v)).\(identifier(column.name))", column.storage)
                selected.append("CASE WHEN \(comparable(current, column.storage)) \(distinct) \(new) THEN 1 ELSE 0 END")
                selected.append(asText(current, column.storage))
            }
            let on = key.map { "\(t).\(identifier($0)) = \(identifier(v)).\(identifier($0))" }.joined(separator: " AND ")
            out.append("WITH \(identifier(v)) (\(source.map(identifier).joined(separator: ", "))) AS (VALUES ")
            writeRows(rows, separator: ", ", &out, &context)
            out.append(") SELECT \(selected.joined(separator: ", ")) FROM \(identifier(v)) LEFT JOIN \(t) ON \(on)")
        default:
            out.append(statement(s, &context))
        }
    }

    /// An expression as text, for the statements written as text.
    private func text(_ e: SQLExpression, _ context: inout Context) -> String {
        var out = OutputBuffer()
        write(e, &out, &context)
        return out.text
    }

    /// The statements without row lists, as text.
    private func statement(_ s: SQLStatement, _ context: inout Context) -> String {
        func list(_ expressions: [SQLExpression]) -> String {
            expressions.map { text($0, &context) }.joined(separator: ", ")
        }
        func names(_ ids: [SQLIdentifier]) -> String { ids.map(identifier).joined(separator: ", ") }
        func conjunction(_ match: [SQLStatement.Assignment]) -> String {
            match.map { "\(identifier($0.column)) = \(text($0.value, &context))" }.joined(separator: " AND ")
        }
        func assignments(_ set: [SQLStatement.Assignment]) -> String {
            set.map { "\(identifier($0.column)) = \(text($0.value, &context))" }.joined(separator: ", ")
        }
        switch s {
        case let .exists(table, match):
            return "SELECT 1 FROM \(identifier(table)) WHERE \(conjunction(match))"
        case let .anyRow(table):
            return "SELECT 1 FROM \(identifier(table)) LIMIT 1"
        case let .countReferences(holder, columns, table, targetColumns, match):
            return "SELECT count(*) FROM \(identifier(holder)) WHERE (\(names(columns))) IN (SELECT \(names(targetColumns)) FROM \(identifier(table)) WHERE \(conjunction(match)))"
        case let .countRepeats(table, column):
            return "SELECT count(*) - count(DISTINCT \(identifier(column))) FROM \(identifier(table))"
        case let .insertIfMissing(table, values, match):
            let selected = list(values.map(\.value))
            return "INSERT INTO \(identifier(table)) (\(names(values.map(\.column))))\(overriding) SELECT \(selected) WHERE NOT EXISTS (SELECT 1 FROM \(identifier(table)) WHERE \(conjunction(match)))"
        case let .updateIfDifferent(table, set, match, compare):
            let setText = assignments(set)
            let matchText = conjunction(match)
            let differs = compare.map { "\(identifier($0.column)) \(distinct) \(text($0.value, &context))" }.joined(separator: " OR ")
            return "UPDATE \(identifier(table)) SET \(setText) WHERE \(matchText) AND (\(differs))"
        case let .delete(table, match):
            return "DELETE FROM \(identifier(table)) WHERE \(conjunction(match))"
        case let .upsert(table, values, unlessExists, conflict):
            var sql = "INSERT INTO \(identifier(table)) (\(names(values.map(\.column)))) SELECT \(list(values.map(\.value)))"
            // SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT to parse it.
            if let unlessExists {
                sql += " WHERE NOT EXISTS (SELECT 1 FROM \(identifier(unlessExists.table)) WHERE \(conjunction(unlessExists.match)))"
            } else {
                sql += " WHERE TRUE"
            }
            return sql + onConflict(conflict, table: table)
        case let .selectText(table, columns, match):
            let t = identifier(table)
            let selected = columns.map { column -> String in
                switch column {
                case let .value(name, storage): return asText("\(t).\(identifier(name))", storage)
                case let .isSet(name): return "CASE WHEN \(t).\(identifier(name)) IS NULL THEN NULL ELSE '1' END"
                case let .lookedUp(name, lookup, storage):
                    // The target aliased, so a table referencing itself reads its own row's column.
                    let target = identifier(SQLIdentifier(NameRules.lookupTarget))
                    return "(SELECT \(asText("\(target).\(identifier(SQLIdentifier(lookup.keyColumn)))", storage)) FROM \(identifier(SQLIdentifier(lookup.table))) AS \(target)"
                        + " WHERE \(target).\(identifier(SQLIdentifier(lookup.column))) = \(t).\(identifier(name)))"
                }
            }
            let sql = "SELECT " + selected.joined(separator: ", ") + " FROM \(t)"
            return match.isEmpty ? sql : sql + " WHERE \(conjunction(match))"
        case .withRows, .compare:
            preconditionFailure("statements with row lists are written by write(_:_:_:)")
        case let .savepoint(name): return "SAVEPOINT \(identifier(name))"
        case let .rollbackToSavepoint(name): return "ROLLBACK TO SAVEPOINT \(identifier(name))"
        case let .releaseSavepoint(name): return "RELEASE SAVEPOINT \(identifier(name))"
        case let .createKeySnapshot(table, key):
            let columns = (engine == .sqlite ? ["rowid AS \(identifier(KeySnapshot.row))"] : []) + key.map(identifier)
            return "CREATE TEMP TABLE \(identifier(KeySnapshot.table)) AS SELECT \(columns.joined(separator: ", ")) FROM \(identifier(table))"
        case let .indexKeySnapshot(key):
            return "CREATE INDEX \(identifier(KeySnapshot.index)) ON \(identifier(KeySnapshot.table)) (\(names(key)))"
        case .dropKeySnapshot:
            return "DROP TABLE \(identifier(KeySnapshot.table))"
        case let .createLookupMap(name, table, key, id):
            return "CREATE TEMP TABLE \(identifier(name)) AS SELECT \(identifier(key)) AS \(identifier(LookupMaps.keyColumn)), min(\(identifier(id))) AS \(identifier(LookupMaps.idColumn)) FROM \(identifier(table)) GROUP BY \(identifier(key))"
        case let .indexLookupMap(name):
            return "CREATE INDEX \(identifier(SQLIdentifier(name.name + "_k"))) ON \(identifier(name)) (\(identifier(LookupMaps.keyColumn)), \(identifier(LookupMaps.idColumn)))"
        case let .dropLookupMap(name):
            return "DROP TABLE \(identifier(name))"
        case let .advanceSequence(table, column):
            // In a DO block, so psql prints no result row; the names go in as a literal and
            // a quoted identifier, under a dollar tag they do not contain.
            var name = OutputBuffer()
            var quoted = identifier(table)
            quoted.withUTF8 { string($0, &name) }
            var columnName = OutputBuffer()
            var plain = column.name
            plain.withUTF8 { string($0, &columnName) }
            let body = "DECLARE s regclass := pg_get_serial_sequence(\(name.text), \(columnName.text)); m bigint; "
                + "BEGIN IF s IS NOT NULL THEN SELECT max(\(identifier(column))) INTO m FROM \(identifier(table)); "
                + "IF m IS NOT NULL THEN PERFORM setval(s, GREATEST(m, pg_sequence_last_value(s))); END IF; END IF; END"
            var tag = "$seedc$", number = 0
            while body.contains(tag) {
                number += 1
                tag = "$seedc\(number)$"
            }
            return "DO \(tag)\(body)\(tag)"
        case let .createTable(table, columns, primaryKey, unique, foreignKeys):
            var parts = columns.map { column -> String in
                guard let storage = column.storage else {
                    return identifier(column.name) + (engine == .sqlite ? " INTEGER PRIMARY KEY AUTOINCREMENT" : " BIGSERIAL PRIMARY KEY")
                }
                return identifier(column.name) + " " + columnType(storage) + (column.notNull ? " NOT NULL" : "")
            }
            if !primaryKey.isEmpty { parts.append("PRIMARY KEY (\(names(primaryKey)))") }
            if !unique.isEmpty { parts.append("UNIQUE (\(names(unique)))") }
            for key in foreignKeys {
                parts.append("FOREIGN KEY (\(names(key.columns.map(SQLIdentifier.init)))) REFERENCES \(identifier(SQLIdentifier(key.targetTable))) (\(names(key.targetColumns.map(SQLIdentifier.init))))")
            }
            return "CREATE TABLE IF NOT EXISTS \(identifier(table)) (\(parts.joined(separator: ", ")))"
        }
    }

    /// The part of a `withRows` statement after its rows.
    private func rowsBody(_ body: SQLStatement.RowsBody, _ context: inout Context) -> String {
        let v = "\"v\""
        func typed(_ column: SQLStatement.TypedColumn) -> String {
            let value = v + "." + identifier(column.name)
            return engine == .sqlite ? value : "CAST(\(value) AS \(postgresType(column.storage)))"
        }
        func matching(_ table: SQLIdentifier, _ key: [SQLIdentifier], alias: String) -> String {
            key.map { "\(alias).\(identifier($0)) = \(v).\(identifier($0))" }.joined(separator: " AND ")
        }
        // Rows of "v" the table lacked when its batches began: an anti-join with its
        // indexed key snapshot, so a batch costs its own rows, not a pass over the table.
        func missing(_ key: [SQLIdentifier]) -> String {
            let keys = identifier(KeySnapshot.table)
            return "\(v) LEFT JOIN \(keys) ON \(matching(KeySnapshot.table, key, alias: keys)) WHERE \(keys).\(identifier(key[0])) IS NULL"
        }
        switch body {
        case let .insertMissing(table, columns, constants, key):
            let names = columns.map { identifier($0.name) } + constants.map { identifier($0.column) }
            let values = columns.map(typed) + constants.map { text($0.value, &context) }
            return "INSERT INTO \(identifier(table)) (\(names.joined(separator: ", ")))\(overriding)"
                + " SELECT \(values.joined(separator: ", ")) FROM \(missing(key))"
        case let .updateDiffering(table, set, touch, key, onlyNull):
            let keys = identifier(KeySnapshot.table)
            let assignments = set.map { "\(identifier($0.name)) = \(typed($0))" }
                + touch.map { "\(identifier($0.column)) = \(text($0.value, &context))" }
            var differs = set.map { "\(comparable("\(identifier(table)).\(identifier($0.name))", $0.storage)) \(distinct) \(comparable(typed($0), $0.storage))" }.joined(separator: " OR ")
            if onlyNull { differs = "(\(differs)) AND " + set.map { "\(identifier(table)).\(identifier($0.name)) IS NULL" }.joined(separator: " AND ") }
            // SQLite finds each row by its rowid in the snapshot; PostgreSQL hashes the join.
            let rows = engine == .sqlite
                ? "\(v) JOIN \(keys) ON \(matching(KeySnapshot.table, key, alias: keys)) WHERE \(identifier(table)).rowid = \(keys).\(identifier(KeySnapshot.row))"
                : "\(v) WHERE \(matching(table, key, alias: identifier(table)))"
            return "UPDATE \(identifier(table)) SET \(assignments.joined(separator: ", ")) FROM \(rows) AND (\(differs))"
        case let .claim(owner, key, keyColumn, hashColumn, onlyMissing):
            let select = "INSERT INTO \(identifier(Ledger.id)) (\(Ledger.columns.map(identifier).joined(separator: ", ")))"
                + " SELECT \(literal(.text(owner.name))), \(v).\(identifier(keyColumn)), \(v).\(identifier(hashColumn)) FROM "
                + (onlyMissing ? missing(key) : "\(v) WHERE TRUE")
            return select + onConflict(onlyMissing ? .init(target: Ledger.claimConflict.target, update: []) : Ledger.claimConflict, table: Ledger.id)
        }
    }

    private func onConflict(_ conflict: SQLStatement.Conflict, table: SQLIdentifier) -> String {
        let head = " ON CONFLICT (" + conflict.target.map(identifier).joined(separator: ", ") + ") DO "
        guard !conflict.update.isEmpty else { return head + "NOTHING" }
        let set = conflict.update.map { "\(identifier($0)) = excluded.\(identifier($0))" }.joined(separator: ", ")
        let differs = conflict.update.map { "\(identifier(table)).\(identifier($0)) \(distinct) excluded.\(identifier($0))" }.joined(separator: " OR ")
        return head + "UPDATE SET \(set) WHERE \(differs)"
    }

    /// PostgreSQL takes a seeded value even for a `GENERATED ALWAYS` identity column
    /// (and the clause changes nothing in a table without one).
    private var overriding: String { engine == .postgres ? " OVERRIDING SYSTEM VALUE" : "" }

    /// Null-safe inequality: NULL differs from a value and equals NULL.
    private var distinct: String { engine == .sqlite ? "IS NOT" : "IS DISTINCT FROM" }

    /// The type a created table gives a column: the names SQLAlchemy uses, so the app
    /// reads the rows back as it would its own.
    private func columnType(_ storage: SQLStorage) -> String {
        switch (engine, storage) {
        case (_, .text), (.sqlite, .native): "TEXT"
        case (.postgres, .native(let type)): type.text
        case (.sqlite, .binary): "BLOB"
        case (.postgres, .binary): "BYTEA"
        case (_, .decimal): "NUMERIC"
        case (.sqlite, .formatted): "DATETIME"
        case (.postgres, .formatted(let format)): format.hasZone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP"
        case (.sqlite, .integer): "INTEGER"
        case (.postgres, .integer): "BIGINT"
        case (.sqlite, .real): "FLOAT"
        case (.postgres, .real): "DOUBLE PRECISION"
        case (_, .boolean): "BOOLEAN"
        case (_, .date): "DATE"
        case (.sqlite, .timestamp): "DATETIME"
        case (.postgres, .timestamp): "TIMESTAMP"
        }
    }

    private func postgresType(_ storage: SQLStorage) -> String {
        switch storage {
        case .text: "text"
        case .integer: "bigint"
        case .real: "double precision"
        case .boolean: "boolean"
        case .date: "date"
        case .timestamp: "timestamp"
        case .binary: "bytea"
        case .decimal: "numeric"
        case let .formatted(format): format.hasZone ? "timestamptz" : "timestamp"
        case let .native(type): type.text
        }
    }

    /// A column's value as text, exactly: bytes as hexadecimal, SQLite's numbers as
    /// they are (the connection writes them), an instant in UTC.
    private func asText(_ column: String, _ storage: SQLStorage) -> String {
        switch (engine, storage) {
        case (.sqlite, .binary): "CASE WHEN \(column) IS NULL THEN NULL ELSE hex(\(column)) END"  // hex(NULL) is ''.
        case (.postgres, .binary): "encode(\(column), 'hex')"
        // The value itself: the connection writes a double in the fewest digits that
        // read back as it (SQLite's own text has 15, its printf is not exact).
        case (.sqlite, .real), (.sqlite, .decimal): column
        case (.postgres, .formatted(let format)) where format.hasZone:
            "CAST(CAST(\(column) AS timestamptz) AT TIME ZONE 'UTC' AS TEXT)"
        default: "CAST(\(column) AS TEXT)"
        }
    }

    /// A column of `table` in the type the content declares, to compare with a value
    /// of that type: PostgreSQL casts it (a column stored as text compares as the
    /// declared date, say, as in every other path); a `sql_type:` value compares by
    /// its text as that type writes it, since some types (json) have no `=`.
    private func comparable(_ column: String, _ storage: SQLStorage) -> String {
        guard engine == .postgres else { return column }
        if case .native = storage { return "CAST(CAST(\(column) AS \(postgresType(storage))) AS text)" }
        return "CAST(\(column) AS \(postgresType(storage)))"
    }

    /// The advisory lock every seedc writer to PostgreSQL takes for its transaction:
    /// the bytes of "seedc" as an integer.
    static let postgresLockKey: Int64 = 0x73_65_65_64_63

    /// Rows the last statement changed, for SQLite drivers that do not count a
    /// statement starting with `WITH`.
    static let sqliteChanges = "SELECT changes()"

    static let commit = "COMMIT"
    static let rollback = "ROLLBACK"

    /// Statements opening the one transaction a seed script runs in.
    var begin: [String] {
        switch engine {
        case .sqlite: ["BEGIN IMMEDIATE"]
        case .postgres: ["BEGIN"] + inTransaction
        }
    }

    /// Statements that follow the opening of a transaction begun otherwise (by a
    /// driver, or a savepoint in the app's transaction): PostgreSQL's string mode and
    /// seedc's advisory lock. They print nothing through `psql -q`: the lock is taken
    /// in a `DO` block (a `SELECT` would print its result row) and notices such as
    /// "relation already exists, skipping" are silenced for the transaction.
    var inTransaction: [String] {
        switch engine {
        case .sqlite: []
        case .postgres: [
            "SET LOCAL standard_conforming_strings = on",
            "SET LOCAL client_min_messages = warning",
            "DO $$BEGIN PERFORM pg_advisory_xact_lock(\(Self.postgresLockKey)); END$$",
        ]
        }
    }
}
