/// A table as the database describes it, for `seedc init`.
public struct TableDescription: Sendable, Equatable {
    public var name: String
    public var columns: [Column]
    /// Column sets of unique indexes and constraints (the primary key excluded).
    public var unique: [[String]]
    /// The database it describes: the declared types are its names.
    public var engine: DatabaseEngine
    /// The table's foreign keys.
    public var foreignKeys: [ForeignKey] = []

    public struct Column: Sendable, Equatable {
        public var name: String
        /// The declared type as the database gives it (`VARCHAR(200)`, `timestamp without time zone`).
        public var type: String
        public var notNull: Bool
        /// The default's SQL text, if any.
        public var defaultSQL: String?
        public var primaryKey: Bool
        /// For a datetime kept as text (SQLite): the `DateTimeFormat` patterns its rows
        /// are stored in, the most common first (`DatetimeFormats`).
        public var storedFormats: [String] = []
        /// Whether the live rows' values are all different (checked with a count by
        /// `seedc init` for NOT NULL columns): a guessed natural key must be.
        public var uniqueInRows = false
        /// Whether the database fills the column itself when a row leaves it out: a
        /// SQLite rowid alias (`INTEGER PRIMARY KEY`), a PostgreSQL sequence default or
        /// identity. Only such an id can be left to the database.
        public var assignedByDatabase = false

        public init(name: String, type: String, notNull: Bool, defaultSQL: String?, primaryKey: Bool) {
            self.name = name
            self.type = type
            self.notNull = notNull
            self.defaultSQL = defaultSQL
            self.primaryKey = primaryKey
        }
    }

    public init(name: String, columns: [Column], unique: [[String]], engine: DatabaseEngine = .sqlite, foreignKeys: [ForeignKey] = []) {
        self.name = name
        self.columns = columns
        self.unique = unique
        self.engine = engine
        self.foreignKeys = foreignKeys
    }

    /// Whether `init` declares the column a datetime kept as text, whose rows'
    /// formats it must read (`storedFormats`).
    public func keepsDatetimeText(_ column: Column) -> Bool {
        engine == .sqlite && DeclaredType(column, engine: engine).type == .datetime
    }
}
