/// What bringing one table to the content takes, found by comparing with the database.
public struct TableChanges: Sendable {
    public var table: TablePlan
    /// Rows (indexes into `table.rows`) missing from the database.
    public var inserts: [Int] = []
    /// Rows whose compared columns differ (`on_conflict: update` tables only).
    public var updates: [RowUpdate] = []
    /// Natural keys (ledger form) of owned rows whose records left the content.
    public var prunes: [String] = []
    /// Rows not inserted because their secrets' variables are unset, with the variables.
    public var skipped: [(row: Int, variables: [String])] = []

    public struct RowUpdate: Sendable {
        public var row: Int
        public var columns: [ColumnChange]
    }

    public struct ColumnChange: Sendable {
        /// Index into `table.columns`.
        public var column: Int
        /// The database's value as text; nil for NULL.
        public var old: String?
    }

    public init(table: TablePlan) {
        self.table = table
    }

    public var isEmpty: Bool { inserts.isEmpty && updates.isEmpty && prunes.isEmpty }
}
