/// The format of the `seed` section, as data: every option of the section, of a table
/// and of a column, with the shape of its value. `SchemaReader` takes its known keys
/// and choices from here and `ContentJSONSchema` writes the JSON Schema from here, so
/// the schema editors validate with cannot drift from what `seedc` reads.
enum SeedFormat {
    /// One key of a mapping in the seed section.
    struct Option: Sendable {
        var name: String
        var value: Shape
        var help: String
        /// Whether the mapping must have this key.
        var required = false
    }

    /// What an option's value must be. The reader checks these shapes with positioned
    /// errors; the JSON Schema states them.
    enum Shape: Sendable {
        case text
        /// A string of the form `table.column`.
        case qualifiedColumn
        /// A string or a list of strings.
        case textOrList
        case boolean
        case positiveInteger
        /// One of the given words.
        case choice([String])
        /// A value of the column's own type (`default:`).
        case columnValue
        /// A mapping the reader reads further (tables, columns, routes, records).
        case nested
    }

    static let seed: [Option] = [
        Option(name: "include", value: .textOrList, help: "Glob patterns of YAML files holding more records ({table: [records]}), relative to the content root."),
        Option(name: "routes", value: .nested, help: "Route patterns such as /sectors/{slug}, each taking its values from table.column or {keys: <top-level key>}; internal links are checked against them."),
        Option(name: "tables", value: .nested, help: "The tables seedc fills, by name.", required: true),
        Option(name: "records", value: .nested, help: "Records by table name: a list of mappings each."),
        Option(name: "database", value: .text, help: "The SQLite file `seedc plan` and `apply` use when no database is given, relative to the content root."),
    ]

    static let table: [Option] = [
        Option(name: "key", value: .textOrList, help: "The natural key: the column (or list of columns) that identifies a record's row.", required: true),
        Option(name: "source", value: .text, help: "A folder of markdown files, one record each (front matter + body)."),
        Option(name: "on_conflict", value: .choice(ConflictPolicy.allCases.map(\.rawValue)), help: "update: content wins over edits made in the app; keep: insert only."),
        Option(name: "prune", value: .boolean, help: "Delete rows seedc owns whose records were removed from the content."),
        Option(name: "private", value: .boolean, help: "Records of this table may not live in content.yaml, which may be public (default: true for tables with a password column); keep them in an include file."),
        Option(name: "columns", value: .nested, help: "The columns, by name: a type name or a mapping of column options.", required: true),
    ]

    /// A column's type; alone, it is also the shorthand for a column (`title: text`).
    static let type = Option(name: "type", value: .choice(ColumnType.allCases.map(\.rawValue)), help: "How the value is read and stored.", required: true)

    static let column: [Option] = [
        type,
        Option(name: "required", value: .boolean, help: "Every record must give a non-null value (or the column has a default)."),
        Option(name: "default", value: .columnValue, help: "The value of records that leave the column out; `now` for date and datetime columns."),
        Option(name: "on_update", value: .choice(["now"]), help: "Set to the time of applying whenever seedc updates the row (date and datetime columns)."),
        Option(name: "max", value: .positiveInteger, help: "The longest value, in characters."),
        Option(name: "enum", value: .textOrList, help: "The only values allowed."),
        Option(name: "pattern", value: .text, help: "A regular expression the whole value must match."),
        Option(name: "references", value: .qualifiedColumn, help: "table.column: the value must name an existing record of that table."),
        Option(name: "from", value: .text, help: "For html columns: the markdown field rendered into this column."),
        Option(name: "join", value: .text, help: "For list columns: the separator the items are stored joined with (default ,)."),
        Option(name: "format", value: .text, help: "For datetime columns: the text form the database stores values in, e.g. YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SS.fffZ (default YYYY-MM-DD HH:MM:SS.ffffff); a zone (Z, +00, +0000, +00:00) makes a PostgreSQL timestamptz."),
        Option(name: "sql_type", value: .text, help: "The PostgreSQL type the value is cast to (uuid, jsonb, text[], an enum, time, interval, money, real, …); the value is the text PostgreSQL writes for it."),
        Option(name: "app_owned", value: .boolean, help: "The app writes this column on its own (last_login, counters): content may not set it, apply never sets or compares it, capture never reads it."),
    ]

    /// The names of a list of options, as the reader's known keys.
    static func names(_ options: [Option]) -> [String] { options.map(\.name) }
}
