/// What to do when a record's row already exists in the database.
public enum ConflictPolicy: String, CaseIterable, Sendable {
    /// Content wins: differing columns are set back to the content's values.
    case update
    /// Insert when missing; never overwrite what was edited in the app.
    case keep
}

/// A declared default: a literal value of the column's type, or the time of applying.
public enum ColumnDefault: Sendable, Hashable {
    case value(Value)
    case now
}

/// `references: table.column`: the value must name an existing record of `table`.
public struct ColumnReference: Sendable, Hashable {
    public var table: String
    public var column: String
    public var location: SourceLocation
}

public struct ColumnSchema: Sendable {
    public var name: String
    public var location: SourceLocation
    public var type: ColumnType
    public var required = false
    public var defaultValue: ColumnDefault?
    /// Set the column to the time of applying whenever seedc updates the row.
    public var touchOnUpdate = false
    public var maxLength: Int?
    public var enumValues: [String]?
    public var pattern: String?
    public var reference: ColumnReference?
    /// For `html` columns: the markdown field rendered into this column.
    public var from: String?
    /// For `list` columns: the separator the items are stored joined with.
    public var join = ","
    /// `app_owned: true`: the app writes this column (a last login, a counter); seedc
    /// never captures, inserts, updates, compares or hashes it.
    public var appOwned = false
    /// `format:` of a datetime column: the text form its values are stored in.
    public var format: DateTimeFormat?
    /// `sql_type:`: the PostgreSQL type the column's text is cast to.
    public var sqlType: SQLTypeName?

    /// Whether seedc writes the column: not `app_owned`, not `unsupported`.
    public var isSeeded: Bool { !appOwned && type != .unsupported }

    /// How the column's values are written and compared in SQL.
    public var storage: SQLStorage {
        if let sqlType { return .native(sqlType) }
        if let format, type == .datetime { return .formatted(format) }
        return type.storage
    }

    public init(name: String, location: SourceLocation, type: ColumnType) {
        self.name = name
        self.location = location
        self.type = type
    }
}

public struct TableSchema: Sendable {
    public var name: String
    public var location: SourceLocation
    public var key: [String]
    /// A markdown collection folder (relative to the root, without trailing slash).
    public var source: String?
    /// Where `source:` is written, for problems reading the folder.
    public var sourceLocation: SourceLocation?
    public var onConflict: ConflictPolicy = .update
    /// `prune: true`: rows seedc owns whose records left the content are deleted.
    public var prune = false
    public var columns: [ColumnSchema]
    /// `private:` as written; nil when not given.
    public var declaredPrivate: Bool?

    /// Records of a private table (accounts) may not be written in content.yaml, which
    /// the app serves to anyone. `private: true`, or by default any table with a
    /// password column.
    public var isPrivate: Bool {
        declaredPrivate ?? columns.contains { $0.type == .password }
    }

    /// The include file a private table's records go in (`seedc init`, `capture`).
    public static func recordsFile(for table: String) -> String {
        "records/\(table).yaml"
    }

    /// The columns seedc writes: all but `app_owned` and `unsupported` ones.
    public var seededColumns: [ColumnSchema] {
        columns.filter(\.isSeeded)
    }

    public func column(_ name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }
}

/// A route pattern such as `/sectors/{slug}` whose placeholder takes its values
/// from a table column or from the keys of a top-level mapping of `content.yaml`.
public struct RouteSchema: Sendable {
    public enum Values: Sendable, Hashable {
        case column(table: String, column: String)
        case keys(of: String)
    }

    public var pattern: String
    public var values: Values
    public var location: SourceLocation
}

/// Everything the `seed` section declares.
public struct Schema: Sendable {
    public var tables: [TableSchema] = []
    public var includes: [String] = []
    /// Where each include pattern is written, for problems reading its files.
    public var includeLocations: [String: SourceLocation] = [:]
    public var routes: [RouteSchema] = []
    /// `seed.database`: the SQLite file `seedc plan` and `apply` use when no database
    /// is given, relative to the content root.
    public var database: String?

    public func table(_ name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }
}
