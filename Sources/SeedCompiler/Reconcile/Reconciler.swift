/// The statements `seedc plan` and `apply` run for a plan on one engine, and the
/// reading of what they return. It does no I/O: a database adapter runs the
/// statements in the order given and hands the rows back.
public struct Reconciler: Sendable {
    public let plan: SeedPlan
    public let engine: DatabaseEngine
    private let dialect: SQLDialect

    public init(plan: SeedPlan, engine: DatabaseEngine) {
        self.plan = plan
        self.engine = engine
        dialect = SQLDialect(engine: engine)
    }

    // MARK: Tables

    /// Creates the ledger when missing.
    public var createLedger: RenderedStatement { dialect.render(Ledger.create) }

    /// The stamp of the last complete apply: one row with one value, or none.
    public static func readStamp(_ engine: DatabaseEngine) -> RenderedStatement {
        SQLDialect(engine: engine).render(Ledger.readStamp)
    }

    /// Every ledger row: table, natural key, value hash.
    public var readLedger: RenderedStatement { dialect.render(Ledger.read) }

    /// `CREATE TABLE IF NOT EXISTS` from the declared columns (for `--create-tables`):
    /// an `id` primary key unless a column is named `id`, NOT NULL for required
    /// columns, and the natural key unique.
    public func createTable(_ table: TablePlan, required: Set<String>) -> RenderedStatement {
        var columns = table.columns.map {
            SQLStatement.ColumnDefinition(name: SQLIdentifier($0.name), storage: $0.lookup == nil ? $0.storage : .integer, notNull: required.contains($0.name))
        }
        if !table.columns.contains(where: { $0.name == "id" }) {
            columns.insert(.init(name: SQLIdentifier("id"), storage: nil, notNull: true), at: 0)
        }
        return dialect.render(.createTable(table: SQLIdentifier(table.name), columns: columns, primaryKey: [], unique: table.key.map(SQLIdentifier.init)))
    }

    // MARK: Comparing

    /// One row when the table has any: an empty table needs no comparing.
    public func anyRow(_ table: TablePlan) -> RenderedStatement {
        dialect.render(.anyRow(table: SQLIdentifier(table.name)))
    }

    /// Which rows exist and which compared columns differ, in batches of rows that set
    /// the same columns. Read the results with `changes(of:results:)`.
    public func compare(_ table: TablePlan) -> [RenderedStatement] {
        batches(Array(table.rows.indices), of: table) { comparedColumns(table, $0) + table.keyIndexes }.map { batch in
            let shape = comparedColumns(table, table.rows[batch[0]])
            let key = table.keyIndexes
            let source = [SQLIdentifier("#")] + (key + shape).map { SQLIdentifier(table.columns[$0].name) }
            let rows = batch.map { index in
                [SQLExpression.argument(.integer(Int64(index)), .integer)] + (key + shape).map { column in
                    expression(table.rows[index].cells[column], column: table.columns[column]) ?? .value(.null)
                }
            }
            let compared = shape.map { SQLStatement.TypedColumn(name: SQLIdentifier(table.columns[$0].name), storage: storage(table.columns[$0])) }
            return dialect.render(.compare(table: SQLIdentifier(table.name), source: source, rows: rows, key: key.map { SQLIdentifier(table.columns[$0].name) }, compared: compared))
        }
    }

    /// The changes of a table from the rows its `compare` statements returned, the
    /// ledger's keys for it, and whether owned rows missing from content are pruned.
    public func changes(of table: TablePlan, results: [[String?]], owned: Set<String>, prune: Bool) -> TableChanges {
        var changes = TableChanges(table: table)
        var seen = Set<Int>()
        for result in results {
            guard let ordinal = result.first.flatMap({ $0 }).flatMap(Int.init), table.rows.indices.contains(ordinal),
                  seen.insert(ordinal).inserted else { continue }
            guard result.count > 1, result[1] == "1" else {
                changes.inserts.append(ordinal)
                continue
            }
            let shape = comparedColumns(table, table.rows[ordinal])
            let differing = shape.enumerated().compactMap { offset, column -> TableChanges.ColumnChange? in
                let flag = 2 + offset * 2
                guard flag + 1 < result.count, result[flag] == "1" else { return nil }
                return .init(column: column, old: result[flag + 1])
            }
            if !differing.isEmpty { changes.updates.append(.init(row: ordinal, columns: differing)) }
        }
        changes.inserts.sort()
        changes.updates.sort { $0.row < $1.row }
        if prune {
            let current = Set(table.rows.map(\.keyText))
            changes.prunes = owned.subtracting(current).sorted()
        }
        return changes
    }

    /// Columns compared with the database: set to a content value, not part of the key,
    /// in `update` tables. `now` and secrets are written only when a row is inserted.
    private func comparedColumns(_ table: TablePlan, _ row: PlannedRow) -> [Int] {
        guard table.onConflict == .update else { return [] }
        let key = Set(table.keyIndexes)
        return row.cells.indices.filter { index in
            if key.contains(index) { return false }
            if case .value? = row.cells[index] { return true }
            return false
        }
    }

    // MARK: Writing

    /// Inserts of the given rows, batched by the columns they set. `secrets` gives the
    /// value (a bcrypt hash) of each secret cell by row index and column index.
    /// Each statement comes with the rows it inserts.
    public func insert(_ table: TablePlan, rows: [Int], secrets: [Int: [Int: String]]) -> [(rows: [Int], statement: RenderedStatement)] {
        let setColumns = { (row: PlannedRow) in row.cells.indices.filter { row.cells[$0] != nil } }
        return batches(rows, of: table, shape: setColumns).map { batch in
            let shape = setColumns(table.rows[batch[0]])
            let values = batch.map { index in
                shape.map { column -> SQLExpression in
                    if let secret = secrets[index]?[column] { return .argument(.text(secret), .text) }
                    return expression(table.rows[index].cells[column], column: table.columns[column]) ?? .value(.null)
                }
            }
            return (batch, dialect.render(.insertRows(table: SQLIdentifier(table.name), columns: shape.map { SQLIdentifier(table.columns[$0].name) }, rows: values, onConflict: nil)))
        }
    }

    /// Sets the differing columns of a row back to content (and `on_update: now` columns).
    public func update(_ table: TablePlan, _ change: TableChanges.RowUpdate) -> RenderedStatement {
        let row = table.rows[change.row]
        var set = change.columns.map { column in
            SQLStatement.Assignment(column: SQLIdentifier(table.columns[column.column].name),
                                    value: expression(row.cells[column.column], column: table.columns[column.column]) ?? .value(.null))
        }
        for column in table.columns where column.touchOnUpdate && !set.contains(where: { $0.column.name == column.name }) {
            set.append(.init(column: SQLIdentifier(column.name), value: .now(column.storage)))
        }
        return dialect.render(.update(table: SQLIdentifier(table.name), set: set, match: match(table, keyValues: row.key)))
    }

    /// Deletes the rows of a natural key (ledger form) and its ledger row.
    public func prune(_ table: TablePlan, keyText: String) -> [RenderedStatement] {
        [dialect.render(.delete(table: SQLIdentifier(table.name), match: match(table, keyValues: Self.keyValues(keyText, count: table.key.count)))),
         dialect.render(.delete(table: Ledger.id, match: [
            .init(column: Ledger.tableName, value: .argument(.text(table.name), .text)),
            .init(column: Ledger.naturalKey, value: .argument(.text(keyText), .text)),
         ]))]
    }

    /// Records that seedc owns these rows with their current value hashes.
    public func claim(_ table: TablePlan, rows: [Int]) -> [RenderedStatement] {
        let size = BatchStatements.rowsPerBatch(parametersPerRow: Ledger.columns.count)
        return stride(from: 0, to: rows.count, by: size).map { start in
            let values = rows[start..<min(start + size, rows.count)].map { index in
                [table.name, table.rows[index].keyText, table.rows[index].valueHash].map { SQLExpression.argument(.text($0), .text) }
            }
            return dialect.render(.insertRows(table: Ledger.id, columns: Ledger.columns, rows: values, onConflict: Ledger.claimConflict))
        }
    }

    /// Records that the whole content was applied.
    public var stampContent: RenderedStatement {
        let values = ["", "", plan.stamp].map { SQLExpression.argument(.text($0), .text) }
        return dialect.render(.insertRows(table: Ledger.id, columns: Ledger.columns, rows: [values], onConflict: Ledger.claimConflict))
    }

    /// Statements around a batch that may fail, so its rows can be retried one by one
    /// to name the row at fault.
    public var savepoint: (begin: RenderedStatement, rollback: RenderedStatement, release: RenderedStatement) {
        let name = SQLIdentifier("seedc_batch")
        return (dialect.render(.savepoint(name)), dialect.render(.rollbackToSavepoint(name)), dialect.render(.releaseSavepoint(name)))
    }

    // MARK: Helpers

    private func match(_ table: TablePlan, keyValues: [String]) -> [SQLStatement.Assignment] {
        zip(table.keyIndexes, keyValues).map { column, value in
            .init(column: SQLIdentifier(table.columns[column].name), value: .argument(.text(value), storage(table.columns[column])))
        }
    }

    /// The value of a cell as an argument; nil for secrets and unset cells.
    private func expression(_ cell: FieldValue?, column: PlannedColumn) -> SQLExpression? {
        let base: SQLExpression
        switch cell {
        case let .value(value)?: base = .argument(value, column.lookup == nil ? column.storage : .text)
        case .now?: return .now(column.storage)
        case .secret?, nil: return nil
        }
        guard let lookup = column.lookup else { return base }
        return .lookup(table: SQLIdentifier(lookup.table), column: SQLIdentifier(lookup.column), key: SQLIdentifier(lookup.keyColumn), value: base)
    }

    /// The type a column is compared in: a lookup column holds the other table's id.
    private func storage(_ column: PlannedColumn) -> SQLStorage {
        column.lookup == nil ? column.storage : .integer
    }

    /// The rows grouped by `shape` (the columns a statement binds of them), in order.
    private func batches(_ rows: [Int], of table: TablePlan, shape: (PlannedRow) -> [Int]) -> [[Int]] {
        BatchStatements.group(rows, limit: { BatchStatements.rowsPerBatch(parametersPerRow: $0 + 1) }) { index in
            let columns = shape(table.rows[index])
            return (columns, columns.count)
        }
    }

    /// The values of a natural key in ledger form.
    static func keyValues(_ keyText: String, count: Int) -> [String] {
        guard count > 1 else { return [keyText] }
        return JSONText.stringArray(keyText) ?? [keyText]
    }
}
