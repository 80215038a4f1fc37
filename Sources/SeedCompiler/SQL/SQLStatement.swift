/// A name in SQL. The renderer quotes it (doubling embedded quotes): an identifier
/// can never be pasted into SQL unquoted.
public struct SQLIdentifier: Hashable, Sendable {
    public var name: String
    public init(_ name: String) { self.name = name }
}

/// A value position in a statement. Values are literals or named parameters that the
/// renderer writes in its dialect's syntax; there is no way to put raw text here.
public indirect enum SQLExpression: Hashable, Sendable {
    case value(Value)
    /// A parameter bound at run time, of the given storage (PostgreSQL casts it).
    case parameter(String, SQLStorage)
    /// The time of applying, as a timestamp or a date.
    case now(SQLStorage)
    /// `(SELECT column FROM table WHERE key = value)`.
    case lookup(table: SQLIdentifier, column: SQLIdentifier, key: SQLIdentifier, value: SQLExpression)
    /// The time of applying bound as parameter `name` (`YYYY-MM-DD HH:MM:SS.ffffff`,
    /// UTC), written in the column's storage: in its `format:`, for a formatted datetime.
    case clock(String, SQLStorage)
    /// A value bound as a positional argument (`?`, or `$n` cast to its type).
    case argument(Value, SQLStorage)
    /// A column of a named row source (`"v"."c1"`).
    case column(SQLIdentifier, of: SQLIdentifier)
    /// Value `index` of the row being written, in a statement whose row list is one
    /// template row that the renderer writes once per row of a batch (filled from the
    /// planned rows, so a batch's rows are never built as expressions).
    case rowValue(Int)
}

/// The statements seed scripts are made of. Each is idempotent on its own: inserts
/// check the natural key, updates touch only rows that differ.
public enum SQLStatement: Hashable, Sendable {
    /// `SELECT 1 FROM table WHERE match`.
    case exists(table: SQLIdentifier, match: [Assignment])
    /// `SELECT count(*) - count(DISTINCT column) FROM table`: rows whose value another
    /// row holds too, or is NULL (`seedc init`'s check of a guessed key).
    case countRepeats(table: SQLIdentifier, column: SQLIdentifier)
    /// `SELECT count(*) FROM holder WHERE (columns) IN (SELECT targetColumns FROM table
    /// WHERE match)`: rows referencing a row about to be pruned.
    case countReferences(holder: SQLIdentifier, columns: [SQLIdentifier], table: SQLIdentifier, targetColumns: [SQLIdentifier], match: [Assignment])
    /// `SELECT 1 FROM table LIMIT 1`: whether the table has any row.
    case anyRow(table: SQLIdentifier)
    /// `INSERT INTO table (columns) SELECT values WHERE NOT EXISTS (… match …)`.
    case insertIfMissing(table: SQLIdentifier, values: [Assignment], match: [Assignment])
    /// `UPDATE table SET set WHERE match AND (compared columns differ)`.
    case updateIfDifferent(table: SQLIdentifier, set: [Assignment], match: [Assignment], compare: [Assignment])
    /// `DELETE FROM table WHERE match`.
    case delete(table: SQLIdentifier, match: [Assignment])
    /// `INSERT INTO table (columns) SELECT values [WHERE NOT EXISTS (… unless …)]
    /// ON CONFLICT (conflict) DO NOTHING`, or with `update`, `DO UPDATE SET` those
    /// columns where they differ.
    case upsert(table: SQLIdentifier, values: [Assignment], unlessExists: Existence?, onConflict: Conflict)
    /// `SELECT columns FROM table [WHERE match]`, each column as text, exactly
    /// (bytes as hexadecimal, doubles with every digit).
    case selectText(table: SQLIdentifier, columns: [Selected], match: [Assignment])
    /// The rows of `source` (named `"v"`, one column per name, first the ordinal) left
    /// joined to `table` on `key`; per row: the ordinal, whether the table has it, then
    /// for each compared column whether it differs and the table's value as text.
    case compare(table: SQLIdentifier, source: [SQLIdentifier], rows: [[SQLExpression]], key: [SQLIdentifier], compared: [TypedColumn])
    /// `WITH "v" (columns) AS (VALUES rows) body`: a batch of rows in one statement.
    /// With `maps`, the rows hold other rows' natural keys in those columns, and "v" is
    /// the rows joined to the key→id maps (`LookupMaps`), so it holds their ids: one
    /// join for the batch, not a lookup per row.
    case withRows(columns: [SQLIdentifier], rows: [[SQLExpression]], body: RowsBody, maps: [MappedColumn] = [])
    /// `SAVEPOINT name`, `ROLLBACK TO SAVEPOINT name`, `RELEASE SAVEPOINT name`.
    case savepoint(SQLIdentifier), rollbackToSavepoint(SQLIdentifier), releaseSavepoint(SQLIdentifier)
    /// `CREATE TEMP TABLE seedc_keys AS SELECT [rowid,] key FROM table` (`KeySnapshot`).
    case createKeySnapshot(table: SQLIdentifier, key: [SQLIdentifier])
    /// `CREATE INDEX … ON seedc_keys (key)`.
    case indexKeySnapshot(key: [SQLIdentifier])
    /// `DROP TABLE seedc_keys`.
    case dropKeySnapshot
    /// `CREATE TEMP TABLE name AS SELECT key AS k, id FROM table` (`LookupMaps`).
    case createLookupMap(name: SQLIdentifier, table: SQLIdentifier, key: SQLIdentifier, id: SQLIdentifier)
    /// `CREATE INDEX name_k ON name (k)`.
    case indexLookupMap(name: SQLIdentifier)
    /// `DROP TABLE name`.
    case dropLookupMap(name: SQLIdentifier)
    /// PostgreSQL: the sequence filling `column` (if any) moved past the column's highest
    /// value, never back (`Sequences`). SQLite has no statement for it (`SQLDialect.runs`).
    case advanceSequence(table: SQLIdentifier, column: SQLIdentifier)
    /// `CREATE TABLE IF NOT EXISTS` with an `id` primary key when none is declared.
    case createTable(table: SQLIdentifier, columns: [ColumnDefinition], primaryKey: [SQLIdentifier], unique: [SQLIdentifier], foreignKeys: [ForeignKey] = [])

    /// What a `withRows` statement does with its rows (`"v"`). Each is idempotent.
    public enum RowsBody: Hashable, Sendable {
        /// `INSERT INTO table (columns, constants) SELECT "v".columns, constant values
        /// FROM "v"` for the rows whose key the table's `KeySnapshot` lacks.
        case insertMissing(table: SQLIdentifier, columns: [TypedColumn], constants: [Assignment], key: [SQLIdentifier])
        /// `UPDATE table SET set = "v".set, touch FROM "v" WHERE key matches AND a set
        /// column differs` (in SQLite, the row found through the `KeySnapshot`); with
        /// `onlyNull`, only where the set columns are all still NULL.
        case updateDiffering(table: SQLIdentifier, set: [TypedColumn], touch: [Assignment], key: [SQLIdentifier], onlyNull: Bool = false)
        /// Ledger rows (`table`, `"v".keyColumn`, `"v".hashColumn`) for the rows of
        /// `owner` that are missing from its `KeySnapshot` (`onlyMissing`, for `keep`
        /// tables) or for all rows, keeping changed hashes.
        case claim(owner: SQLIdentifier, key: [SQLIdentifier], keyColumn: SQLIdentifier, hashColumn: SQLIdentifier, onlyMissing: Bool)
    }

    /// A column of a batch's rows read through a key→id map.
    public struct MappedColumn: Hashable, Sendable {
        /// The column's position among the batch's columns.
        public var position: Int
        public var map: SQLIdentifier
    }

    public struct TypedColumn: Hashable, Sendable {
        public var name: SQLIdentifier
        public var storage: SQLStorage
    }

    /// What `selectText` reads of a row, as text.
    public enum Selected: Hashable, Sendable {
        /// The column's value, exactly.
        case value(SQLIdentifier, SQLStorage)
        /// For a column holding another row's id: that row's natural key (`lookup`'s
        /// key column, of the given storage), NULL when the column is or no row has the id.
        case lookedUp(SQLIdentifier, Lookup, SQLStorage)
        /// `1` when the column is not NULL: tells a missing target from a NULL reference.
        case isSet(SQLIdentifier)
    }

    /// `ON CONFLICT (target) DO NOTHING`, or `DO UPDATE SET` the `update` columns to
    /// the new values where they differ.
    public struct Conflict: Hashable, Sendable {
        public var target: [SQLIdentifier]
        public var update: [SQLIdentifier]
    }

    /// A row of `table` matching `match`.
    public struct Existence: Hashable, Sendable {
        public var table: SQLIdentifier
        public var match: [Assignment]
    }

    public struct ColumnDefinition: Hashable, Sendable {
        public var name: SQLIdentifier
        /// Nil for the generated `id` column.
        public var storage: SQLStorage?
        public var notNull: Bool
    }

    public struct Assignment: Hashable, Sendable {
        public var column: SQLIdentifier
        public var value: SQLExpression
    }
}
