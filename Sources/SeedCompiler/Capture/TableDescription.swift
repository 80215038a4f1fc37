/// A table as the database describes it, for `seedc init`.
public struct TableDescription: Sendable, Equatable {
    public var name: String
    public var columns: [Column]
    /// Column sets of unique indexes and constraints (the primary key excluded).
    public var unique: [[String]]

    public struct Column: Sendable, Equatable {
        public var name: String
        /// The declared type as the database gives it (`VARCHAR(200)`, `timestamp without time zone`).
        public var type: String
        public var notNull: Bool
        /// The default's SQL text, if any.
        public var defaultSQL: String?
        public var primaryKey: Bool

        public init(name: String, type: String, notNull: Bool, defaultSQL: String?, primaryKey: Bool) {
            self.name = name
            self.type = type
            self.notNull = notNull
            self.defaultSQL = defaultSQL
            self.primaryKey = primaryKey
        }
    }

    public init(name: String, columns: [Column], unique: [[String]]) {
        self.name = name
        self.columns = columns
        self.unique = unique
    }
}
