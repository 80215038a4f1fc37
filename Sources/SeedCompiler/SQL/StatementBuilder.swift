/// Builds the statements for one planned row.
enum StatementBuilder {
    /// How values appear: inline literals (the SQL scripts) or named parameters
    /// `p0`, `p1`, … by column index, `now` and `today` (the Python module).
    enum Binding {
        case literals, parameters
    }

    struct RowStatements {
        var exists: SQLStatement
        /// Nil when inserting needs a secret that literals cannot carry.
        var insert: SQLStatement?
        /// Nil for `keep` tables and rows with nothing to compare.
        var update: SQLStatement?
        /// Records the row in the ledger: in `keep` tables only when it is about to be
        /// inserted (run it before the insert), in `update` tables always.
        var claim: SQLStatement
    }

    static func statements(for row: PlannedRow, in table: TablePlan, binding: Binding) -> RowStatements {
        let name = SQLIdentifier(table.name)
        let restored = BatchStatements.compared(table, row)
        var values: [SQLStatement.Assignment] = []
        var compared: [SQLStatement.Assignment] = []
        var insertable = true
        for (index, cell) in row.cells.enumerated() {
            guard let cell else { continue }
            let column = table.columns[index]
            guard let expression = expression(cell, index: index, column: column, binding: binding) else {
                insertable = false
                continue
            }
            let assignment = SQLStatement.Assignment(column: SQLIdentifier(column.name), value: expression)
            values.append(assignment)
            if restored.contains(index) { compared.append(assignment) }
        }
        let match = table.keyIndexes.compactMap { index in values.first { $0.column.name == table.columns[index].name } }

        var update: SQLStatement?
        if !compared.isEmpty {
            let touched = BatchStatements.touched(table, besides: restored)
                .map { SQLStatement.Assignment(column: SQLIdentifier(table.columns[$0].name), value: now(table.columns[$0].storage, binding: binding)) }
            update = .updateIfDifferent(table: name, set: compared + touched, match: match, compare: compared)
        }
        let ledger: [SQLExpression] = switch binding {
        case .literals: [table.name, row.keyText, row.valueHash].map { .value(.text($0)) }
        case .parameters: ["lt", "lk", "lh"].map { .parameter($0, .text) }
        }
        let claim = SQLStatement.upsert(
            table: Ledger.id, values: zip(Ledger.columns, ledger).map { .init(column: $0, value: $1) },
            unlessExists: table.onConflict == .keep ? .init(table: name, match: match) : nil,
            onConflict: table.onConflict == .keep ? .init(target: Ledger.claimConflict.target, update: []) : Ledger.claimConflict)
        return RowStatements(
            exists: .exists(table: name, match: match),
            insert: insertable ? .insertIfMissing(table: name, values: values, match: match) : nil,
            update: update,
            claim: claim)
    }

    /// A cell as a literal in a script: a value (through its lookup, for a column that
    /// holds another record's id) or the time of applying.
    static func literal(_ cell: FieldValue, column: PlannedColumn) -> SQLExpression {
        expression(cell, index: 0, column: column, binding: .literals) ?? .value(.null)
    }

    /// The type a column is written and compared in: a lookup column holds an id.
    static func storage(_ column: PlannedColumn) -> SQLStorage {
        column.lookup == nil ? column.storage : .integer
    }

    /// Records in the ledger that the whole content was applied.
    static func stamp(_ stamp: String) -> SQLStatement {
        .upsert(table: Ledger.id, values: zip(Ledger.columns, ["", "", stamp]).map { .init(column: $0, value: .value(.text($1))) },
                unlessExists: nil, onConflict: Ledger.claimConflict)
    }

    private static func expression(_ cell: FieldValue, index: Int, column: PlannedColumn, binding: Binding) -> SQLExpression? {
        let base: SQLExpression
        switch (cell, binding) {
        case let (.value(value), .literals): base = .value(value)
        case (.value, .parameters), (.secret, .parameters): base = .parameter("p\(index)", parameterStorage(column))
        case (.now, _): return now(column.storage, binding: binding)
        case (.secret, .literals): return nil
        }
        return wrapLookup(base, column: column)
    }

    /// The type a parameter is bound in: a lookup column's parameter is the other
    /// record's natural key (text).
    static func parameterStorage(_ column: PlannedColumn) -> SQLStorage {
        column.lookup == nil ? column.storage : .text
    }

    /// `value`, or for a column holding another record's id, that id looked up by
    /// `value` as the record's natural key.
    static func wrapLookup(_ value: SQLExpression, column: PlannedColumn) -> SQLExpression {
        guard let lookup = column.lookup else { return value }
        return .lookup(table: SQLIdentifier(lookup.table), column: SQLIdentifier(lookup.column), key: SQLIdentifier(lookup.keyColumn), value: value)
    }

    private static func now(_ storage: SQLStorage, binding: Binding) -> SQLExpression {
        switch binding {
        case .literals: .now(storage)
        case .parameters: .clock(storage == .date ? "today" : "now", storage)
        }
    }
}
