/// What the content asks of a database, independent of any SQL dialect: per table,
/// in dependency order, the rows to bring into being, sorted by natural key.
public struct SeedPlan: Sendable {
    public var contentHash: String
    /// What the ledger holds once this plan is fully applied (`InputSet.stamp`).
    public var stamp: String
    public var tables: [TablePlan]
    /// `seed.database`, relative to the content root.
    public var database: String?

    /// Why planned rows could not be written to or read back from their spill, if
    /// they could not: whatever was made from the rows since must not be kept.
    public var spillFailure: String? {
        tables.lazy.compactMap(\.rows.spillFailure).first
    }

    /// The error for planned rows that could not be kept in (or read back from) their
    /// temporary file: every caller reports it in these words.
    public static func spillFailed(_ failure: String) -> Diagnostic {
        .error(.spillFailed, "cannot keep the planned rows in a temporary file: \(failure)", at: nil)
    }

    /// `spillFailed` when the rows could not be kept: checked before anything made
    /// from them (a file, a transaction) is kept.
    public var spillProblem: Diagnostic? {
        spillFailure.map(Self.spillFailed)
    }
}

public struct TablePlan: Sendable {
    public var name: String
    public var key: [String]
    public var onConflict: ConflictPolicy
    public var prune: Bool
    /// The columns seedc writes, in declaration order (`app_owned` ones left out).
    public var columns: [PlannedColumn]
    public var rows: PlannedRows
    /// Columns the app writes (`app_owned`): only `--create-tables` creates them.
    public var appOwnedColumns: [PlannedColumn] = []
    /// In a table that references itself, each row's level (`ReferenceLevels`): rows
    /// of different levels never share a batch. Nil for other tables.
    public var levels: [Int32]?

    /// Indexes of the key columns in `columns`.
    public var keyIndexes: [Int] {
        key.compactMap { name in columns.firstIndex { $0.name == name } }
    }
}

public struct PlannedColumn: Sendable {
    public var name: String
    public var storage: SQLStorage
    /// Set when the column stores another record's database value (e.g. its `id`),
    /// found at apply time by that record's natural key.
    public var lookup: Lookup?
    /// Set to the time of applying whenever seedc updates the row.
    public var touchOnUpdate: Bool
    /// Where the column is declared, for problems found in the database.
    public var location: SourceLocation? = nil
    /// `references:` as declared (`table`, `column`), for `--create-tables`.
    public var references: (table: String, column: String)? = nil
    /// A reference in a cycle between tables: set in the second pass (`TableOrder.deferred`).
    public var deferred = false
}

/// `SELECT column FROM table WHERE keyColumn = <value>`.
public struct Lookup: Sendable, Hashable {
    public var table: String
    public var column: String
    public var keyColumn: String

    /// A reference to a column the target table does not declare (a database id) is
    /// resolved at apply time through the target's natural key.
    static func of(_ column: ColumnSchema, in schema: Schema) -> Lookup? {
        guard let reference = column.reference, let target = schema.table(reference.table),
              target.column(reference.column) == nil, let key = target.key.first else { return nil }
        return Lookup(table: target.name, column: reference.column, keyColumn: key)
    }
}

public struct PlannedRow: Sendable {
    /// The natural key as text, for messages and ordering.
    public var key: [String]
    /// One cell per column of the table; nil where the record leaves the column alone.
    public var cells: [FieldValue?]
    /// SHA-256 of the cells, as the ledger keeps it.
    public var valueHash: String

    init(key: [String], cells: [FieldValue?], columns: [PlannedColumn]) {
        self.init(key: key, cells: cells, valueHash: RowHash.of(cells, columns: columns))
    }

    init(key: [String], cells: [FieldValue?], valueHash: String) {
        self.key = key
        self.cells = cells
        self.valueHash = valueHash
    }

    /// The natural key as the ledger keeps it: the value of a one-column key, or a
    /// JSON array of the values.
    public var keyText: String { Record.keyText(key) }

    /// True when inserting needs a secret from the environment.
    public var needsSecret: Bool {
        cells.contains { if case .secret? = $0 { true } else { false } }
    }
}
