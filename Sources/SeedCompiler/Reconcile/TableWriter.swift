/// The statements `seedc apply` writes one table with: the set-based batches that
/// `sqlite.sql`, `postgres.sql` and `seed_initial_data.py` run (`BatchStatements`),
/// between the table's `KeySnapshot`, every value bound as a numbered parameter
/// (SQLite `?NNN`, PostgreSQL `$n`). A batch's text depends only on its shape and size,
/// so it is rendered once and full batches of a shape share it (and, in PostgreSQL,
/// one prepared statement); per batch only the arguments are made.
public struct TableWriter {
    /// One statement of a batch and what it does.
    public struct Write {
        public enum Effect: Sendable {
            /// Inserts the missing rows: its change count is the rows inserted.
            case insert
            /// Restores differing columns: its change count is the rows updated.
            case update
            /// Keeps the ledger.
            case claim
            /// Sets deferred references (the second pass): not counted.
            case link
        }

        public var effect: Effect
        public var sql: String
        /// From `withStatements`: read from the planned rows, valid only inside its
        /// body (keep a `Write` longer only from `statements(for:)`).
        public var arguments: Arguments

        /// The statement with its arguments made into values.
        public var statement: RenderedStatement { RenderedStatement(sql: sql, arguments: arguments.values) }
    }

    public let table: TablePlan
    /// The table was empty when its batches began: it then holds only rows this apply
    /// inserts, with the content's values, so there is nothing to restore and the
    /// update statements are left out (in PostgreSQL each would scan the whole table).
    public let fresh: Bool
    private let dialect: SQLDialect
    /// Rendered statements (effect, text, arguments taken) by shape and size.
    private var texts: [Shape: [(Write.Effect, String, Int)]] = [:]

    private struct Shape: Hashable {
        var values: [Int]
        var now: [Int]
        var rows: Int
    }

    /// Which pass the writer writes: the rows, or their deferred references.
    private let pass: BatchStatements.Pass

    public init(table: TablePlan, engine: DatabaseEngine, fresh: Bool = false, links: Bool = false) {
        self.table = table
        self.fresh = fresh
        pass = links ? .links : .rows
        dialect = SQLDialect(engine: engine, parameters: .numbered)
    }

    /// Whether the table has references set in a second pass (`TableOrder.deferred`).
    public var hasLinks: Bool { table.columns.contains(where: \.deferred) }

    /// Before the table's batches: its key snapshot.
    public var createSnapshot: [RenderedStatement] { KeySnapshot.create(for: table).map(dialect.render) }

    /// After a second pass: the snapshot and maps dropped.
    public var dropSnapshot: [RenderedStatement] { KeySnapshot.drop(for: table).map(dialect.render) }

    /// After the table's batches: the snapshot dropped, the table's sequences advanced.
    public var finish: [RenderedStatement] { KeySnapshot.finish(for: table).filter(dialect.runs).map(dialect.render) }

    /// `rows` (indexes into `table.rows`) in batches of rows that set the same columns,
    /// in order, each within the parameter limits.
    public func batches(_ rows: [Int]) -> [[Int]] {
        BatchStatements.batches(rows, of: table, limit: BatchStatements.boundRowsPerBatch)
    }

    /// Runs `body` with the statements of one batch (from `batches`), in run order,
    /// their arguments read in place from the planned rows (valid only inside `body`).
    /// `secrets` gives the value of a secret cell (its bcrypt hash) by row and column;
    /// a row with a secret and no value is in the table already, so no insert ever
    /// writes its NULL.
    public mutating func withStatements<T>(for batch: [Int], secrets: [Int: [Int: String]] = [:], _ body: ([Write]) throws -> T) rethrows -> T {
        let sample = table.rows[batch[0]]
        let (set, now) = BatchStatements.shape(of: sample)
        let shape = Shape(values: set, now: now, rows: batch.count)
        let rendered = texts[shape] ?? render(sample: sample, set: set, rows: batch.count)
        texts[shape] = rendered
        return try table.rows.withRows(at: batch) { rows in
            // Per row: its values, then its ledger key and hash.
            let each: ((BorrowedValue) -> Void) -> Void = { argument in
                var scratch: [UInt8] = []
                for (row, index) in batch.enumerated() {
                    for column in set {
                        let cell = rows[row, column]
                        if cell.tag == .secret, var hash = secrets[index]?[column] {
                            hash.withUTF8 { argument(.text($0)) }
                        } else {
                            argument(cell.value ?? .null)
                        }
                    }
                    rows.withKeyText(row, scratch: &scratch) { argument(.text($0)) }
                    rows.withHashText(row) { argument(.text($0)) }
                }
            }
            return try body(rendered.filter { !fresh || $0.0 != .update }.map { effect, sql, count in
                Write(effect: effect, sql: sql, arguments: Arguments(count: count, each: each))
            })
        }
    }

    /// The statements of one batch, their arguments made into values that outlive
    /// the call (`withStatements`).
    public mutating func statements(for batch: [Int], secrets: [Int: [Int: String]] = [:]) -> [Write] {
        withStatements(for: batch, secrets: secrets) { writes in
            writes.map { Write(effect: $0.effect, sql: $0.sql, arguments: Arguments($0.arguments.values)) }
        }
    }

    private func render(sample: PlannedRow, set: [Int], rows: Int) -> [(Write.Effect, String, Int)] {
        // The time of applying is the database's clock, as in the scripts.
        let values = BatchStatements.numbered(table, set: set, rows: rows) { _, storage in .now(storage) }
        return BatchStatements.statements(for: table, sample: sample, rows: rows, values: values, pass: pass).map { kind, statement in
            let effect: Write.Effect = switch kind {
            case .insert: .insert
            case .update: .update
            case .claim: .claim
            case .link: .link
            }
            return (effect, dialect.statement(statement), BatchStatements.highestParameter(of: statement))
        }
    }
}
