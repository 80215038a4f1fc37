import Foundation
import SeedCompiler
import SeedDatabase
import XCTest

/// `tableNames()` and `describe(_:)` on both engines, for `seedc init`: the same tables
/// give the same columns, keys, defaults and foreign keys.
final class IntrospectionTests: XCTestCase {
    /// - Parameter id: the declaration of an id the database assigns.
    private func check(_ db: DatabaseConnection, prefix: String, id: String) throws {
        let (things, pairs) = (prefix + "things", prefix + "pairs")
        try db.execute(RenderedStatement(sql: """
            CREATE TABLE \(things) (id \(id), code VARCHAR(20) NOT NULL UNIQUE, label TEXT NOT NULL DEFAULT 'x', \
            seen TIMESTAMP DEFAULT CURRENT_TIMESTAMP, n INTEGER)
            """))
        try db.execute(RenderedStatement(sql: "CREATE TABLE \(pairs) (a INTEGER NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b))"))
        let notes = prefix + "notes"
        try db.execute(RenderedStatement(sql: """
            CREATE TABLE \(notes) (id \(id), body TEXT NOT NULL UNIQUE, thing TEXT REFERENCES \(things) (code), \
            pa INTEGER, pb TEXT, parent TEXT REFERENCES \(notes) (body), FOREIGN KEY (pa, pb) REFERENCES \(pairs) (a, b))
            """))
        XCTAssertTrue(Set(try db.tableNames()).isSuperset(of: [things, pairs]))
        XCTAssertFalse(try db.tableNames().contains("seedc_ledger"))
        XCTAssertNil(try db.describe(prefix + "missing"))

        let described = try XCTUnwrap(db.describe(things))
        XCTAssertEqual(described.columns.map(\.name), ["id", "code", "label", "seen", "n"])
        XCTAssertEqual(described.columns.map(\.primaryKey), [true, false, false, false, false])
        XCTAssertEqual(described.columns.map(\.assignedByDatabase), [true, false, false, false, false])
        // (SQLite does not call an INTEGER PRIMARY KEY NOT NULL: it is the rowid.)
        XCTAssertEqual(described.columns.dropFirst().map(\.notNull), [true, true, false, false])
        XCTAssertEqual(described.unique, [["code"]])
        XCTAssertTrue(described.columns[2].defaultSQL?.hasPrefix("'x'") == true, "\(described.columns[2])")
        XCTAssertNotNil(described.columns[3].defaultSQL)
        XCTAssertNil(described.columns[4].defaultSQL)

        let note = try XCTUnwrap(db.describe(notes))
        XCTAssertEqual(Set(note.foreignKeys.map { [$0.columns.joined(separator: ","), $0.targetTable, $0.targetColumns.joined(separator: ",")] }), [
            ["thing", things, "code"], ["pa,pb", pairs, "a,b"], ["parent", notes, "body"],
        ])
        let scaffold = SchemaScaffold.yaml([described, note])
        XCTAssertTrue(scaffold.contains("thing:  {type: text, references: \(things).code}"), scaffold)
        XCTAssertTrue(scaffold.contains("parent: {type: text, references: \(notes).body}"), scaffold)
        XCTAssertEqual(SchemaScaffold.warnings([described, note]), [
            "\(notes).pa, pb references \(pairs), which the content does not declare: its values are kept as they are",
        ])

        let pair = try XCTUnwrap(db.describe(pairs))
        XCTAssertEqual(pair.columns.map(\.primaryKey), [true, true])
        XCTAssertEqual(pair.unique, [])
        // `n` is quoted: YAML 1.1 readers take a plain n for false.
        XCTAssertEqual(SchemaScaffold.yaml([described, pair]), """
          tables:
            \(things):
              key: code
              columns:
                code:  {type: text, required: true, max: 20}
                label: {type: text, default: x}
                seen:  {type: datetime, default: now}
                "n":   {type: integer}
            \(pairs):
              key: [a, b]
              columns:
                a: {type: integer, required: true}
                b: {type: text, required: true}

        """)
    }

    func testSQLite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seedc-introspection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try check(SQLiteConnection(path: folder.appendingPathComponent("app.db").path, create: true), prefix: "", id: "INTEGER PRIMARY KEY")
    }

    func testPostgreSQL() throws {
        guard let url = ProcessInfo.processInfo.environment["SEEDC_TEST_DATABASE_URL"] else {
            throw XCTSkip("SEEDC_TEST_DATABASE_URL is not set (scripts/test.sh starts a server)")
        }
        let db = try PostgresConnection(url: url)
        let prefix = "i_" + UUID().uuidString.prefix(8).lowercased() + "_"
        defer { _ = try? db.execute(RenderedStatement(sql: "DROP TABLE IF EXISTS \(prefix)notes, \(prefix)things, \(prefix)pairs")) }
        try check(db, prefix: prefix, id: "serial PRIMARY KEY")
    }
}
