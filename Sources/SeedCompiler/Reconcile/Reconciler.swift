/// The statements `seedc plan` and `apply` run for a plan on one engine, and the
/// reading of what they return: plan compares, apply writes through `TableWriter`. It does no I/O: a database adapter runs the
/// statements in the order given and hands the rows back.
public struct Reconciler: Sendable {
    public let plan: SeedPlan
    public let engine: DatabaseEngine
    private let dialect: SQLDialect

    /// The first column of a comparison's rows: the row's position in the plan (reserved).
    static let ordinalColumn = SQLIdentifier(NameRules.ordinalColumn)

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
    /// columns, the natural key unique, and a foreign key for each `references:` into
    /// a column the created tables make unique (an `id`, a one-column natural key).
    public func createTable(_ table: TablePlan, required: Set<String>) -> RenderedStatement {
        let tables = Dictionary(plan.tables.map { ($0.name, $0) }) { first, _ in first }
        let foreignKeys = table.columns.compactMap { column -> ForeignKey? in
            guard let (target, targetColumn) = column.references, let other = tables[target],
                  targetColumn == "id" && !other.columns.contains(where: { $0.name == "id" }) || other.key == [targetColumn] else { return nil }
            return ForeignKey(columns: [column.name], targetTable: target, targetColumns: [targetColumn])
        }
        var columns = (table.columns + table.appOwnedColumns).map {
            SQLStatement.ColumnDefinition(name: SQLIdentifier($0.name), storage: $0.lookup == nil ? $0.storage : .integer, notNull: required.contains($0.name))
        }
        if !table.columns.contains(where: { $0.name == "id" }) {
            columns.insert(.init(name: SQLIdentifier("id"), storage: nil, notNull: true), at: 0)
        }
        return dialect.render(.createTable(table: SQLIdentifier(table.name), columns: columns, primaryKey: [], unique: table.key.map(SQLIdentifier.init), foreignKeys: foreignKeys))
    }

    // MARK: Comparing

    /// One row when the table has any: an empty table needs no comparing.
    public func anyRow(_ table: TablePlan) -> RenderedStatement {
        dialect.render(.anyRow(table: SQLIdentifier(table.name)))
    }

    /// Which of `rows` (all by default) exist and which compared columns differ, in
    /// batches of rows that set the same columns. Read the results with
    /// `changes(of:results:)`.
    public func compare(_ table: TablePlan, rows: [Int]? = nil) -> [RenderedStatement] {
        batches(rows ?? Array(table.rows.indices), of: table) { BatchStatements.compared(table, $0) + table.keyIndexes }.map { batch in
            let shape = BatchStatements.compared(table, table.rows[batch[0]])
            let key = table.keyIndexes
            let source = [Self.ordinalColumn] + (key + shape).map { SQLIdentifier(table.columns[$0].name) }
            let rows = batch.map { index in
                let row = table.rows[index]
                return [SQLExpression.argument(.integer(Int64(index)), .integer)] + (key + shape).map { column in
                    expression(row.cells[column], column: table.columns[column]) ?? .value(.null)
                }
            }
            let compared = shape.map { SQLStatement.TypedColumn(name: SQLIdentifier(table.columns[$0].name), storage: StatementBuilder.storage(table.columns[$0])) }
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
            let shape = BatchStatements.compared(table, table.rows[ordinal])
            let differing = shape.enumerated().compactMap { offset, column -> TableChanges.ColumnChange? in
                let flag = 2 + offset * 2
                guard flag + 1 < result.count, result[flag] == "1" else { return nil }
                return .init(column: column, old: result[flag + 1])
            }
            if !differing.isEmpty { changes.updates.append(.init(row: ordinal, columns: differing)) }
        }
        changes.inserts.sort()
        changes.updates.sort { $0.row < $1.row }
        if prune { changes.prunes = prunes(of: table, owned: owned) }
        return changes
    }

    /// Natural keys (ledger form) the ledger says seedc owns in a table whose records
    /// left the content, sorted: what pruning deletes.
    public func prunes(of table: TablePlan, owned: Set<String>) -> [String] {
        owned.subtracting(table.rows.map(\.keyText)).sorted()
    }

    // MARK: Writing

    /// Deletes the rows of a natural key (ledger form) and its ledger row.
    public func prune(_ table: TablePlan, keyText: String) -> [RenderedStatement] {
        [dialect.render(.delete(table: SQLIdentifier(table.name), match: match(table, keyValues: Self.keyValues(keyText, count: table.key.count)))),
         dialect.render(.delete(table: Ledger.id, match: [
            .init(column: Ledger.tableName, value: .argument(.text(table.name), .text)),
            .init(column: Ledger.naturalKey, value: .argument(.text(keyText), .text)),
         ]))]
    }

    /// How many rows of `holder` reference the row of `table` with natural key `keyText`
    /// through the foreign key `key` (into `table`).
    public func countReferences(to table: TablePlan, keyText: String, from holder: String, key: ForeignKey) -> RenderedStatement {
        dialect.render(.countReferences(holder: SQLIdentifier(holder), columns: key.columns.map(SQLIdentifier.init), table: SQLIdentifier(table.name),
                                        targetColumns: key.targetColumns.map(SQLIdentifier.init),
                                        match: match(table, keyValues: Self.keyValues(keyText, count: table.key.count))))
    }

    /// Records that the whole content was applied: the stamp the scripts and the
    /// module write.
    public var stampContent: RenderedStatement { dialect.render(StatementBuilder.stamp(plan.stamp)) }

    /// The writer of a table's batches; `fresh` when the table is empty; `links` for
    /// the second pass, which sets deferred references.
    public func writer(for table: TablePlan, fresh: Bool, links: Bool = false) -> TableWriter {
        TableWriter(table: table, engine: engine, fresh: fresh, links: links)
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
            // A key column holding another row's id is matched through that row's key.
            .init(column: SQLIdentifier(table.columns[column].name),
                  value: StatementBuilder.wrapLookup(.argument(.text(value), StatementBuilder.parameterStorage(table.columns[column])), column: table.columns[column]))
        }
    }

    /// The value of a cell as an argument (through its lookup, for a column holding
    /// another record's id); nil for secrets, `now` and unset cells.
    private func expression(_ cell: FieldValue?, column: PlannedColumn) -> SQLExpression? {
        guard case let .value(value)? = cell else { return nil }
        return StatementBuilder.wrapLookup(.argument(value, StatementBuilder.parameterStorage(column)), column: column)
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
