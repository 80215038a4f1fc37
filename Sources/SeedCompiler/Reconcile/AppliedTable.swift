/// What `seedc apply` did to one table, counted by the statements that did it.
public struct AppliedTable: Sendable {
    public var table: String
    public var inserted = 0
    public var updated = 0
    public var pruned = 0
    /// Rows not inserted because their secrets' variables are unset: the natural key
    /// (ledger form) and the variables.
    public var skipped: [(key: String, variables: [String])] = []

    public init(table: String) {
        self.table = table
    }
}
