import SeedCompiler

/// One open database that `seedc plan` and `apply` work on. SQL text always comes from
/// SeedCompiler's renderer (`RenderedStatement`); a connection only binds, runs and
/// reads. Positional parameters are written `?` for SQLite and `$1`, `$2`, … for
/// PostgreSQL, where the SQL casts each one from text to its column's type.
public protocol DatabaseConnection: AnyObject {
    var engine: DatabaseEngine { get }

    /// Runs `body` in one transaction that holds seedc's lock: SQLite `BEGIN IMMEDIATE`
    /// (with a busy timeout, so a second writer waits), PostgreSQL `BEGIN` and the
    /// transaction-level advisory lock. Commits when `body` returns; rolls back and
    /// rethrows when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T

    /// The rows of a query, every value as text (nil for NULL): queries cast what they
    /// read, so both engines give the same text.
    func fetch(_ statement: RenderedStatement) throws -> [[String?]]

    /// Runs a statement and returns the number of rows it changed; its arguments are
    /// bound as they are handed out.
    @discardableResult
    func execute(_ sql: String, arguments: Arguments) throws -> Int

    /// The table's column names in order, or nil when there is no such table.
    func columns(of table: String) throws -> [String]?

    /// The app's tables (seedc's ledger and the engine's own left out), sorted.
    func tableNames() throws -> [String]

    /// Columns, types, NOT NULL, defaults, primary and unique keys of a table, or nil.
    func describe(_ table: String) throws -> TableDescription?

    /// The table's foreign keys (none for a table that does not exist).
    func foreignKeys(of table: String) throws -> [SeedCompiler.ForeignKey]
}

extension DatabaseConnection {
    /// Runs a statement and returns the number of rows it changed.
    @discardableResult
    public func execute(_ statement: RenderedStatement) throws -> Int {
        try execute(statement.sql, arguments: Arguments(statement.arguments))
    }
}

/// A failure reported by the database, with what it names.
public struct DatabaseFailure: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// PostgreSQL's SQLSTATE or SQLite's extended result code, as text.
    public var code: String?
    public var table: String?
    public var column: String?

    public init(message: String, code: String? = nil, table: String? = nil, column: String? = nil) {
        self.message = message
        self.code = code
        self.table = table
        self.column = column
    }

    public var description: String { message }
}
