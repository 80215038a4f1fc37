/// What `seedc init` declares for a database column, from the type the database gives
/// (`VARCHAR(200)`, `timestamp with time zone`, `numeric(20,6)`, `uuid`) and, for a
/// SQLite datetime kept as text, the format its rows are stored in: the column type,
/// and the `sql_type:` and `format:` that make its values come back exactly.
struct DeclaredType: Equatable {
    var type: ColumnType
    /// PostgreSQL's type, for values kept as its text (`uuid`, `jsonb`, `text[]`, enums).
    var sqlType: SQLTypeName?
    var format: DateTimeFormat?

    /// Declared types (their words, lowercased) stored as integers.
    static let integerTypes: Set<String> = ["int", "integer", "tinyint", "smallint", "mediumint", "bigint", "int2", "int4", "int8",
                                            "serial", "smallserial", "bigserial"]

    /// Column names of password hashes; their values come from the environment.
    static let passwordNames: Set<String> = ["password", "password_hash", "hashed_password", "passwd"]

    /// A PostgreSQL `timestamptz` is kept with its instant: written in UTC with a zone.
    static let instant = DateTimeFormat(time: .init(separator: " ", seconds: true, fraction: 6), zone: .hoursMinutes)

    init(type: ColumnType, sqlType: SQLTypeName? = nil, format: DateTimeFormat? = nil) {
        self.type = type
        self.sqlType = sqlType
        self.format = format
    }

    init(_ column: TableDescription.Column, engine: DatabaseEngine) {
        self = engine == .postgres ? Self.postgres(column) : Self.sqlite(column)
        if Self.passwordNames.contains(column.name.lowercased()), [.text, .binary].contains(type), sqlType == nil {
            self = DeclaredType(type: .password)
        }
    }

    /// SQLite's declared types (its affinity rules, with the names ORMs use).
    private static func sqlite(_ column: TableDescription.Column) -> DeclaredType {
        let declared = column.type.lowercased()
        let words = declared.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if declared.contains("bool") { return .init(type: .boolean) }
        if declared.contains("timestamp") || declared.contains("datetime") {
            // Kept as text: in the format its rows share (canonical when it is that).
            let format = column.storedFormats.first.flatMap(DateTimeFormat.init(pattern:))
            return .init(type: .datetime, format: format == .canonical ? nil : format)
        }
        if words.first == "date" { return .init(type: .date) }
        if words.contains(where: integerTypes.contains) { return .init(type: .integer) }
        if declared.contains("blob") { return .init(type: .binary) }
        if ["real", "float", "double"].contains(where: declared.contains) { return .init(type: .real) }
        if ["numeric", "decimal"].contains(where: declared.contains) { return .init(type: .decimal) }
        if declared.contains("json") { return .init(type: .json) }
        return .init(type: .text)
    }

    /// PostgreSQL's types as `format_type` writes them.
    private static func postgres(_ column: TableDescription.Column) -> DeclaredType {
        let declared = column.type.lowercased()
        let native = SQLTypeName(column.type)
        if declared.hasSuffix("[]") { return native.map { .init(type: .text, sqlType: $0) } ?? .init(type: .unsupported) }
        let base = declared.split(separator: "(").first.map(String.init) ?? declared
        switch base {
        case "boolean": return .init(type: .boolean)
        case "smallint", "integer", "bigint": return .init(type: .integer)
        case "double precision": return .init(type: .real)
        // A 4-byte float: cast to it, as a double would not compare equal.
        case "real": return .init(type: .real, sqlType: native)
        case "numeric": return .init(type: .decimal)
        case "date": return .init(type: .date)
        case "timestamp without time zone": return .init(type: .datetime)
        case "timestamp with time zone": return .init(type: .datetime, format: instant)
        case "bytea": return .init(type: .binary)
        case "text", "character varying", "character", "\"char\"", "name", "citext": return .init(type: .text)
        case "jsonb": return .init(type: .json, sqlType: native)
        default:
            // Its text round-trips through the type: uuid, json (kept as written),
            // time, interval, money, inet, enums, …
            if declared.hasPrefix("timestamp"), declared.contains("with time zone") { return .init(type: .datetime, format: instant) }
            if declared.hasPrefix("timestamp") { return .init(type: .datetime) }
            return native.map { .init(type: .text, sqlType: $0) } ?? .init(type: .unsupported)
        }
    }
}
