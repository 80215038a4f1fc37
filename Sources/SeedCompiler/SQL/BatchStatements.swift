/// The set-based statements for a batch of rows of one table that set the same
/// columns, shared by the SQL scripts (values as literals), `seed_initial_data.py` and
/// `seedc apply` (values as numbered parameters). Each statement reads the batch as
/// `WITH "v" AS (VALUES …)`; together they insert missing rows, restore differing
/// columns (`on_conflict: update`) and keep the ledger, and running them again changes
/// nothing.
enum BatchStatements {
    enum Kind: String {
        /// `link`: the second pass, setting deferred references (not counted as updates).
        case claim, insert, update, link
    }

    /// The first pass writes rows (without their deferred references); the second, once
    /// every table is written, sets the deferred references (`TableOrder.deferred`).
    enum Pass {
        case rows, links
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

    /// Columns set to a value read from the batch (a content value, or a secret that
    /// `seedc apply` binds hashed) and to the time of applying.
    static func shape(of row: PlannedRow) -> (values: [Int], now: [Int]) {
        (row.cells.indices.filter { index in
            switch row.cells[index] {
            case .value?, .secret?: true
            case .now?, nil: false
            }
        }, row.cells.indices.filter { row.cells[$0] == .now })
    }

    /// In run order: for `keep` tables the ledger claim (of rows about to be inserted)
    /// then the insert; for `update` tables the insert, the update of differing
    /// columns, then the claim of every row.
    static func statements(for table: TablePlan, sample: PlannedRow, rows: Int, values: Values, pass: Pass = .rows) -> [(Kind, SQLStatement)] {
        if pass == .links { return links(for: table, sample: sample, rows: rows, values: values) }
        // Deferred references wait for the second pass.
        let (set, nowColumns) = shape(of: sample)
        let setNow = set.filter { !table.columns[$0].deferred }
        return rowStatements(for: table, sample: sample, set: setNow, nowColumns: nowColumns, rows: rows, values: values)
    }

    /// The second pass for a batch: its deferred references set where they differ (in
    /// `keep` tables, only where still NULL: the row was inserted without them).
    static func links(for table: TablePlan, sample: PlannedRow, rows: Int, values: Values) -> [(Kind, SQLStatement)] {
        let deferred = shape(of: sample).values.filter { table.columns[$0].deferred }
        guard !deferred.isEmpty else { return [] }
        let columns = table.keyIndexes + deferred
        let batch = (0..<rows).map { row in columns.map { values.cell(row, $0) } }
        let typed = deferred.map { SQLStatement.TypedColumn(name: SQLIdentifier(table.columns[$0].name), storage: StatementBuilder.storage(table.columns[$0])) }
        return [(.link, .withRows(columns: columns.map { SQLIdentifier(table.columns[$0].name) }, rows: batch,
                                  body: .updateDiffering(table: SQLIdentifier(table.name), set: typed, touch: [], key: table.key.map(SQLIdentifier.init),
                                                         onlyNull: table.onConflict == .keep),
                                  maps: LookupMaps.mapped(columns, of: table)))]
    }

    private static func rowStatements(for table: TablePlan, sample: PlannedRow, set: [Int], nowColumns: [Int], rows: Int, values: Values) -> [(Kind, SQLStatement)] {
        let constants = nowColumns.map { SQLStatement.Assignment(column: SQLIdentifier(table.columns[$0].name), value: values.now(table.columns[$0].storage)) }
        let columns = set.map { SQLIdentifier(table.columns[$0].name) }
        let batch = (0..<rows).map { row in set.map { values.cell(row, $0) } }
        let typed = set.map { SQLStatement.TypedColumn(name: SQLIdentifier(table.columns[$0].name), storage: StatementBuilder.storage(table.columns[$0])) }
        let name = SQLIdentifier(table.name)
        let key = table.key.map(SQLIdentifier.init)
        let maps = LookupMaps.mapped(set, of: table)
        let insert = SQLStatement.withRows(columns: columns, rows: batch, body: .insertMissing(table: name, columns: typed, constants: constants, key: key), maps: maps)
        // The claim needs only the key (to find missing rows) and the ledger's values.
        let keyColumn = Self.keyColumn, hashColumn = Self.hashColumn
        let claimRows = (0..<rows).map { row in
            let ledger = values.ledger(row)
            return table.keyIndexes.map { values.cell(row, $0) } + [ledger.key, ledger.hash]
        }
        let claim = SQLStatement.withRows(
            columns: key + [keyColumn, hashColumn], rows: claimRows,
            body: .claim(owner: name, key: key, keyColumn: keyColumn, hashColumn: hashColumn, onlyMissing: table.onConflict == .keep),
            maps: LookupMaps.mapped(table.keyIndexes, of: table))
        guard table.onConflict == .update else { return [(.claim, claim), (.insert, insert)] }
        let restored = compared(table, sample).filter { !table.columns[$0].deferred }
        let compared = zip(set, typed).filter { restored.contains($0.0) }.map(\.1)
        guard !compared.isEmpty else { return [(.insert, insert), (.claim, claim)] }
        let touch = touched(table, besides: restored)
            .map { SQLStatement.Assignment(column: SQLIdentifier(table.columns[$0].name), value: values.now(table.columns[$0].storage)) }
        let update = SQLStatement.withRows(columns: columns, rows: batch, body: .updateDiffering(table: name, set: compared, touch: touch, key: key), maps: maps)
        return [(.insert, insert), (.update, update), (.claim, claim)]
    }

    /// Columns compared with the database and restored, in `on_conflict: update`
    /// tables: set to a content value, outside the key. `now` and secrets are written
    /// only when a row is inserted. The same for apply, plan, the scripts and the module.
    static func compared(_ table: TablePlan, _ row: PlannedRow) -> [Int] {
        guard table.onConflict == .update else { return [] }
        let key = Set(table.keyIndexes)
        return row.cells.indices.filter { index in
            if key.contains(index) { return false }
            if case .value? = row.cells[index] { return true }
            return false
        }
    }

    /// `on_update: now` columns an update of the `compared` columns sets to the time of
    /// applying (those not restored from content).
    static func touched(_ table: TablePlan, besides compared: [Int]) -> [Int] {
        table.columns.indices.filter { table.columns[$0].touchOnUpdate && !compared.contains($0) }
    }

    /// Rows per statement and values bound per statement, below SQLite's 32,766
    /// parameters and PostgreSQL's 65,535: what every batching writer keeps to.
    static let maxRows = 500
    static let maxParameters = 30_000

    /// Rows per batch when each row binds `parametersPerRow` values.
    static func rowsPerBatch(parametersPerRow: Int) -> Int {
        max(1, min(maxRows, maxParameters / max(1, parametersPerRow)))
    }

    /// Rows per batch when each row binds its `columns` values, then its ledger key and
    /// hash: the batches of `seed_initial_data.py` and `seedc apply`.
    static func boundRowsPerBatch(columns: Int) -> Int {
        rowsPerBatch(parametersPerRow: columns + 2)
    }

    /// Rows without secrets grouped by shape, in order; a batch of a shape setting `n`
    /// columns holds at most `limit(n)` rows.
    static func batches(of table: TablePlan, limit: (Int) -> Int) -> [[Int]] {
        batches(table.rows.indices.filter { !table.rows.shape(at: $0).shape.needsSecret }, of: table, limit: limit)
    }

    /// `rows` of `table` grouped by shape, in order, as `batches(of:limit:)`. Shapes are
    /// read without decoding rows (each shape's key made once), but for rows with
    /// secrets (`seedc apply` binds them): those are read for their secret columns,
    /// which keep them apart from rows setting the same columns to values.
    static func batches(_ rows: [Int], of table: TablePlan, limit: (Int) -> Int) -> [[Int]] {
        var keys: [Int: (key: [Int], columns: Int)] = [:]
        func key(_ index: Int) -> (key: [Int], columns: Int) {
            let (number, shape) = table.rows.shape(at: index)
            guard shape.needsSecret else {
                if let key = keys[number] { return key }
                let key = (shape.values + shape.now.map { -1 - $0 }, shape.values.count)
                keys[number] = key
                return key
            }
            let row = table.rows[index]
            let (values, now) = Self.shape(of: row)
            let secrets = values.filter { if case .secret? = row.cells[$0] { true } else { false } }
            return (values + now.map { -1 - $0 } + [Int.min] + secrets, values.count)
        }
        // A row's level in a tree keeps it out of the batches of other levels.
        guard let levels = table.levels else { return group(rows, limit: limit, shape: key) }
        return group(rows, limit: limit) { index in
            let (shape, columns) = key(index)
            return (shape + [Int.max, Int(levels[index])], columns)
        }
    }

    /// Values as parameters numbered through a batch of `rows` rows setting the columns
    /// `set`: each row its values, then its ledger key and hash; `now` gets the number
    /// of the first parameter after the rows, and the storage of the column.
    static func numbered(_ table: TablePlan, set: [Int], rows: Int, now: @escaping (_ after: Int, SQLStorage) -> SQLExpression) -> Values {
        let position = Dictionary(uniqueKeysWithValues: set.enumerated().map { ($1, $0) })
        let width = set.count + 2
        func number(_ row: Int, _ offset: Int) -> String { String(row * width + offset + 1) }
        return Values(
            cell: { row, column in
                LookupMaps.cell(.parameter(number(row, position[column]!), StatementBuilder.parameterStorage(table.columns[column])), column: table.columns[column], in: table)
            },
            ledger: { row in (.parameter(number(row, set.count), .text), .parameter(number(row, set.count + 1), .text)) },
            now: { storage in now(rows * width + 1, storage) })
    }

    /// The highest numbered parameter a batch statement binds: SQLite takes exactly
    /// that many values.
    static func highestParameter(of statement: SQLStatement) -> Int {
        func number(_ expression: SQLExpression) -> Int {
            switch expression {
            case let .parameter(name, _), let .clock(name, _): Int(name) ?? 0
            case let .lookup(_, _, _, value): number(value)
            default: 0
            }
        }
        guard case let .withRows(_, rows, body, _) = statement else { return 0 }
        let assigned: [SQLStatement.Assignment]
        switch body {
        case let .insertMissing(_, _, constants, _): assigned = constants
        case let .updateDiffering(_, _, touch, _, _): assigned = touch
        case .claim: assigned = []
        }
        return (rows.joined().map(number) + assigned.map { number($0.value) }).max() ?? 0
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
