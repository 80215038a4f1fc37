@testable import SeedCompiler
import XCTest

/// `seedc init`'s scaffold: types, required, defaults and natural keys from a
/// database's description, as YAML that reads as a schema.
final class SchemaScaffoldTests: XCTestCase {
    private func column(_ name: String, _ type: String, notNull: Bool = false, default sql: String? = nil, primaryKey: Bool = false,
                        assigned: Bool = false, uniqueInRows: Bool = false) -> TableDescription.Column {
        var column = TableDescription.Column(name: name, type: type, notNull: notNull, defaultSQL: sql, primaryKey: primaryKey)
        column.assignedByDatabase = assigned
        column.uniqueInRows = uniqueInRows
        return column
    }

    func testScaffoldProposesKeysAndTypes() {
        let users = TableDescription(name: "users", columns: [
            column("id", "INTEGER", notNull: true, primaryKey: true, assigned: true),
            column("username", "VARCHAR(100)", notNull: true),
            column("password_hash", "VARCHAR(255)", notNull: true),
            column("is_admin", "BOOLEAN", default: "0"),
            column("created_at", "DATETIME"),
            column("updated_at", "timestamp without time zone"),
            column("published", "DATETIME", notNull: true, default: "CURRENT_TIMESTAMP"),
            column("version", "INTEGER", notNull: true, default: "nextval('v'::regclass)"),
            column("last_login", "DATETIME"),
            column("post_count", "INTEGER", notNull: true, default: "0"),
        ], unique: [["username"]])
        let notes = TableDescription(name: "notes", columns: [
            column("id", "integer", notNull: true, default: "nextval('notes_id_seq'::regclass)", primaryKey: true, assigned: true),
            column("body", "text"),
            column("title", "character varying(80)", notNull: true, default: "'untitled, for now'::character varying", uniqueInRows: true),
            column("label", "text", notNull: true, uniqueInRows: true),
        ], unique: [], engine: .postgres)
        XCTAssertEqual(SchemaScaffold.yaml([users, notes]), """
          tables:
            users:
              key: username
              # Accounts: kept out of content.yaml, which the app serves to anyone (records go in records/users.yaml),
              # and inserted only when missing, so profile edits made in the app are never overwritten.
              private: true
              on_conflict: keep
              columns:
                username:      {type: text, required: true, max: 100}
                password_hash: {type: password, required: true}
                is_admin:      {type: boolean, default: false}
                created_at:    {type: datetime, default: now}
                updated_at:    {type: datetime, default: now, on_update: now}
                published:     {type: datetime, default: now}
                version:       {type: integer}
                last_login:    {type: datetime, app_owned: true}  # written by the app itself: seedc never captures, sets or compares it
                post_count:    {type: integer, app_owned: true}  # written by the app itself: seedc never captures, sets or compares it
            notes:
              # seedc init: no unique constraint in notes; title is unique in its rows today, so it is proposed as the natural key.
              # Make sure it identifies one row, or change it, before adding records.
              key: title
              columns:
                body:  {type: text}
                title: {type: text, default: "untitled, for now", max: 80}
                label: {type: text, required: true}

        """)
    }

    func testAPrimaryKeyThatIsNotAnIDIsTheKey() {
        let roles = TableDescription(name: "user_roles", columns: [
            column("user_id", "INTEGER", notNull: true, primaryKey: true),
            column("role", "TEXT", notNull: true, primaryKey: true),
        ], unique: [])
        XCTAssertEqual(KeyChoice.choose(for: roles, among: [roles]), KeyChoice(key: ["user_id", "role"], omitted: nil, reason: .declared))
        XCTAssertFalse(SchemaScaffold.hasColumns(TableDescription(name: "t", columns: [column("id", "INTEGER", primaryKey: true, assigned: true)], unique: [])))
    }

    /// Only a key that names one row is proposed; without one, the id stays the key and
    /// is seeded as it is. An id the app sets (not assigned by the database) is never left out.
    func testKeysMustBeUniqueInTheRows() {
        let repeated = TableDescription(name: "posts", columns: [
            column("id", "INTEGER", notNull: true, primaryKey: true, assigned: true),
            column("title", "TEXT", notNull: true),
        ], unique: [])
        XCTAssertEqual(KeyChoice.choose(for: repeated, among: [repeated]), KeyChoice(key: ["id"], omitted: nil, reason: .idIsKey))
        XCTAssertTrue(SchemaScaffold.yaml([repeated]).contains("# seedc init: no column of posts is unique in its rows, so its id id is the natural key, seeded as it is."))
        var unique = repeated
        unique.columns[1].uniqueInRows = true
        XCTAssertEqual(KeyChoice.choose(for: unique, among: [unique]), KeyChoice(key: ["title"], omitted: "id", reason: .guessed))
        unique.columns[0].assignedByDatabase = false
        XCTAssertEqual(KeyChoice.choose(for: unique, among: [unique]), KeyChoice(key: ["id"], omitted: nil, reason: .declared))
    }

    /// A foreign key into an id left out goes by the target's natural key; into a
    /// declared column, as it is; a tree references itself.
    func testReferencesByNaturalKey() {
        let users = TableDescription(name: "users", columns: [
            column("id", "INTEGER", notNull: true, primaryKey: true, assigned: true), column("email", "TEXT", notNull: true),
        ], unique: [["email"]])
        let posts = TableDescription(name: "posts", columns: [
            column("id", "INTEGER", notNull: true, primaryKey: true, assigned: true), column("slug", "TEXT", notNull: true),
            column("author_id", "INTEGER", notNull: true), column("author_email", "TEXT"), column("parent_id", "INTEGER"),
        ], unique: [["slug"]], foreignKeys: [
            .init(columns: ["author_id"], targetTable: "users", targetColumns: ["id"]),
            .init(columns: ["author_email"], targetTable: "users", targetColumns: ["email"]),
            .init(columns: ["parent_id"], targetTable: "posts", targetColumns: ["id"]),
        ])
        let yaml = SchemaScaffold.yaml([users, posts])
        XCTAssertTrue(yaml.contains("author_id:    {type: text, required: true, references: users.id}  # holds the email of a users row; its id is looked up when applying"), yaml)
        XCTAssertTrue(yaml.contains("author_email: {type: text, references: users.email}\n"), yaml)
        XCTAssertTrue(yaml.contains("parent_id:    {type: text, references: posts.id}  # holds the slug of a posts row; its id is looked up when applying"), yaml)
        XCTAssertFalse(yaml.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("id:") }, yaml)
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array(("seed:\n" + yaml).utf8)))
        XCTAssertEqual(document.diagnostics, [])
    }

    func testSQLiteTypeMapping() {
        let expected: [String: ColumnType] = [
            "INTEGER": .integer, "BIGINT": .integer, "smallint": .integer, "int4": .integer, "VARCHAR(20)": .text,
            "TEXT": .text, "CHAR(2)": .text, "CLOB": .text, "NVARCHAR(40)": .text, "BOOLEAN": .boolean,
            "DATETIME": .datetime, "TIMESTAMP": .datetime, "DATE": .date, "FLOAT": .real, "REAL": .real,
            "DOUBLE": .real, "NUMERIC(10, 2)": .decimal, "DECIMAL": .decimal, "NUMERIC": .decimal, "JSON": .json,
            "BLOB": .binary, "": .text,
        ]
        for (declared, type) in expected {
            XCTAssertEqual(SchemaScaffold.type(of: column("c", declared)), type, declared)
        }
        XCTAssertEqual(SchemaScaffold.type(of: column("hashed_password", "TEXT")), .password)
    }

    /// PostgreSQL's types (as `format_type` writes them): its own types keep their
    /// text through `sql_type:`; an instant keeps its zone.
    func testPostgresTypeMapping() {
        let expected: [String: (ColumnType, String?, String?)] = [
            "integer": (.integer, nil, nil), "bigint": (.integer, nil, nil), "character varying(20)": (.text, nil, nil),
            "text": (.text, nil, nil), "boolean": (.boolean, nil, nil), "date": (.date, nil, nil),
            "timestamp without time zone": (.datetime, nil, nil), "timestamp(3) without time zone": (.datetime, nil, nil),
            "timestamp with time zone": (.datetime, nil, "YYYY-MM-DD HH:MM:SS.ffffff+00:00"),
            "double precision": (.real, nil, nil), "real": (.real, "real", nil), "numeric(20,6)": (.decimal, nil, nil), "numeric": (.decimal, nil, nil),
            "bytea": (.binary, nil, nil), "jsonb": (.json, "jsonb", nil), "json": (.text, "json", nil), "uuid": (.text, "uuid", nil),
            "text[]": (.text, "text[]", nil), "integer[]": (.text, "integer[]", nil), "mood": (.text, "mood", nil),
            "\"Mood\"": (.text, "\"Mood\"", nil), "time without time zone": (.text, "time without time zone", nil),
            "interval": (.text, "interval", nil), "money": (.text, "money", nil), "inet": (.text, "inet", nil),
            "weird\"name": (.unsupported, nil, nil),
        ]
        for (declared, (type, sqlType, format)) in expected {
            let mapped = DeclaredType(column("c", declared), engine: .postgres)
            XCTAssertEqual(mapped.type, type, declared)
            XCTAssertEqual(mapped.sqlType?.text, sqlType, declared)
            XCTAssertEqual(mapped.format?.pattern, format, declared)
        }
    }

    /// A SQLite datetime keeps the format its rows are stored in (none: the default form).
    func testStoredDatetimeFormats() {
        XCTAssertEqual(SchemaScaffold.formats(of: ["2016-07-04", nil, "2016-07-05", "2021-01-01 00:00:00"]), ["YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS"])
        XCTAssertEqual(SchemaScaffold.formats(of: ["2021-01-01T10:00:00.123Z", "not a date"]), ["YYYY-MM-DDTHH:MM:SS.fffZ", "not a date"])
        var day = column("day", "DATETIME")
        day.storedFormats = ["YYYY-MM-DD"]
        XCTAssertEqual(DeclaredType(day, engine: .sqlite).format?.pattern, "YYYY-MM-DD")
        day.storedFormats = ["YYYY-MM-DD HH:MM:SS.ffffff"]
        XCTAssertNil(DeclaredType(day, engine: .sqlite).format)
        let text = "seed:\n" + SchemaScaffold.yaml([TableDescription(name: "t", columns: [column("k", "TEXT", notNull: true), day], unique: [["k"]])])
        XCTAssertTrue(text.contains("day: {type: datetime}"), text)
    }

    func testTheScaffoldReadsAsASchema() throws {
        let links = TableDescription(name: "links", columns: [
            column("id", "INTEGER", notNull: true, primaryKey: true, assigned: true),
            column("slug", "VARCHAR(100)", notNull: true),
            column("hits", "INTEGER", default: "'0'"),
            column("rating", "REAL", default: "2.5"),
            column("since", "DATE", default: "'2020-01-01'"),
            column("meta", "JSON", default: "'{}'"),
        ], unique: [["slug"]])
        let text = "seed:\n" + SchemaScaffold.yaml([links])
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array(text.utf8)))
        XCTAssertEqual(document.diagnostics, [])
        let table = try XCTUnwrap(document.schema.table("links"))
        XCTAssertEqual(table.key, ["slug"])
        XCTAssertEqual(table.columns.map(\.type), [.text, .integer, .real, .date, .json])
        XCTAssertEqual(table.column("hits")?.defaultValue, .value(.integer(0)))
        XCTAssertEqual(table.column("since")?.defaultValue, .value(.date("2020-01-01")))
        XCTAssertNil(table.column("meta")?.defaultValue)
    }
}
