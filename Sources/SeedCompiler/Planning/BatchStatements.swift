/// The set-based statements for a batch of rows of one table that set the same
/// columns, shared by the SQL scripts (values as literals) and `seed_initial_data.py`
/// (values as named parameters). Each statement reads the batch as `WITH "v" AS
/// (VALUES …)`; together they insert missing rows, restore differing columns
/// (`on_conflict: update`) and keep the ledger, and running them again changes nothing.
enum BatchStatements {
    enum Kind: String {
        case claim, insert, update
    }

    /// The batch's rows, `WITH "v" (…) AS (VALUES …)`, and the columns a claim adds to
    /// them: reserved names (`NameRules`), so no table or column can be mistaken for them.
    static let rowsName = SQLIdentifier(NameRules.batchRows)
    static let keyColumn = SQLIdentifier(NameRules.ledgerKeyColumn), hashColumn = SQLIdentifier(NameRules.ledgerHashColumn)

    /// How a batch's values are written.
    struct Values {
        /// The expression of row `row` (0-based in the batch) for column `column`.
        var cell: (_ row: Int, _ column: Int) -> SQLExpression
        /// The natural key (ledger form) and value hash of row `row`.
        var ledger: (_ row: Int) -> (key: SQLExpression, hash: SQLExpression)
        /// The time of applying, for `default: now` and `on_update: now` columns.
        var now: (SQLStorage) -> SQLExpression
    }

    /// Columns set to a value (read from the batch) and to the time of applying.
    static func shape(of row: PlannedRow) -> (values: [Int], now: [Int]) {
        (row.cells.indices.filter { if case .value? = row.cells[$0] { true } else { false } },
         row.cells.indices.filter { row.cells[$0] == .now })
    }

    /// In run order: for `keep` tables the ledger claim (of rows about to be inserted)
    /// then the insert; for `update` tables the insert, the update of differing
    /// columns, then the claim of every row.
    static func statements(for table: TablePlan, sample: PlannedRow, rows: Int, values: Values) -> [(Kind, SQLStatement)] {
        let (set, nowColumns) = shape(of: sample)
        let constants = nowColumns.map { SQLStatement.Assignment(column: SQLIdentifier(table.columns[$0].name), value: values.now(table.columns[$0].storage)) }
        let columns = set.map { SQLIdentifier(table.columns[$0].name) }
        let batch = (0..<rows).map { row in set.map { values.cell(row, $0) } }
        let typed = set.map { SQLStatement.TypedColumn(name: SQLIdentifier(table.columns[$0].name), storage: StatementBuilder.storage(table.columns[$0])) }
        let name = SQLIdentifier(table.name)
        let key = table.key.map(SQLIdentifier.init)
        let insert = SQLStatement.withRows(columns: columns, rows: batch, body: .insertMissing(table: name, columns: typed, constants: constants, key: key))
        // The claim needs only the key (to find missing rows) and the ledger's values.
        let keyColumn = Self.keyColumn, hashColumn = Self.hashColumn
        let claimRows = (0..<rows).map { row in
            let ledger = values.ledger(row)
            return table.keyIndexes.map { values.cell(row, $0) } + [ledger.key, ledger.hash]
        }
        let claim = SQLStatement.withRows(
            columns: key + [keyColumn, hashColumn], rows: claimRows,
            body: .claim(owner: name, key: key, keyColumn: keyColumn, hashColumn: hashColumn, onlyMissing: table.onConflict == .keep))
        guard table.onConflict == .update else { return [(.claim, claim), (.insert, insert)] }
        let keys = Set(table.keyIndexes)
        let compared = zip(set, typed).filter { index, _ in !keys.contains(index) }.map(\.1)
        guard !compared.isEmpty else { return [(.insert, insert), (.claim, claim)] }
        let touch = table.columns.filter { column in column.touchOnUpdate && !compared.contains { $0.name.name == column.name } }
            .map { SQLStatement.Assignment(column: SQLIdentifier($0.name), value: values.now($0.storage)) }
        let update = SQLStatement.withRows(columns: columns, rows: batch, body: .updateDiffering(table: name, set: compared, touch: touch, key: key))
        return [(.insert, insert), (.update, update), (.claim, claim)]
    }

    /// Rows per statement and values bound per statement, below SQLite's 32,766
    /// parameters and PostgreSQL's 65,535: what every batching writer keeps to.
    static let maxRows = 500
    static let maxParameters = 30_000

    /// Rows per batch when each row binds `parametersPerRow` values.
    static func rowsPerBatch(parametersPerRow: Int) -> Int {
        max(1, min(maxRows, maxParameters / max(1, parametersPerRow)))
    }

    /// Rows without secrets grouped by shape, in order; a batch of a shape setting `n`
    /// columns holds at most `limit(n)` rows.
    static func batches(of table: TablePlan, limit: (Int) -> Int) -> [[Int]] {
        // Shapes are read without decoding rows; each shape's key is made once.
        var keys: [Int: (key: [Int], columns: Int)] = [:]
        let rows = table.rows.indices.filter { !table.rows.shape(at: $0).shape.needsSecret }
        return group(rows, limit: limit) { index in
            let (number, shape) = table.rows.shape(at: index)
            if let key = keys[number] { return key }
            let key = (shape.values + shape.now.map { -1 - $0 }, shape.values.count)
            keys[number] = key
            return key
        }
    }

    /// The rows that no batch holds: those that need a secret, in order. Found from the
    /// batches, so the rows are not read again.
    static func rowsWithSecrets(of table: TablePlan, besides batches: [[Int]]) -> [Int] {
        var batched = [Bool](repeating: false, count: table.rows.count)
        for batch in batches { for row in batch { batched[row] = true } }
        return batched.indices.filter { !batched[$0] }
    }

    /// `rows` grouped by their shape key, in order, each batch at most
    /// `limit(columns)` rows, where `shape` gives a row's key and the columns it binds.
    static func group(_ rows: [Int], limit: (Int) -> Int, shape: (Int) -> (key: [Int], columns: Int)) -> [[Int]] {
        var batches: [[Int]] = []
        var byShape: [[Int]: Int] = [:]
        var last: (key: [Int], batch: Int)?
        for index in rows {
            let (key, columns) = shape(index)
            // A row of the last row's shape needs no lookup (arrays sharing storage compare at once).
            let open = last.flatMap { $0.key == key ? $0.batch : nil } ?? byShape[key]
            if let batch = open, batches[batch].count < limit(columns) {
                batches[batch].append(index)
                last = (key, batch)
            } else {
                byShape[key] = batches.count
                last = (key, batches.count)
                batches.append([index])
            }
        }
        return batches
    }
}
