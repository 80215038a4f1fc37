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
}

/// The statements seed scripts are made of. Each is idempotent on its own: inserts
/// check the natural key, updates touch only rows that differ.
public enum SQLStatement: Hashable, Sendable {
    /// `SELECT 1 FROM table WHERE match`.
    case exists(table: SQLIdentifier, match: [Assignment])
    /// `INSERT INTO table (columns) SELECT values WHERE NOT EXISTS (… match …)`.
    case insertIfMissing(table: SQLIdentifier, values: [Assignment], match: [Assignment])
    /// `UPDATE table SET set WHERE match AND (compared columns differ)`.
    case updateIfDifferent(table: SQLIdentifier, set: [Assignment], match: [Assignment], compare: [Assignment])

    public struct Assignment: Hashable, Sendable {
        public var column: SQLIdentifier
        public var value: SQLExpression
    }
}
