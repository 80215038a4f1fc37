import Foundation
import SeedCompiler
import SeedDatabase
import XCTest

/// Arguments bound in a transaction (SQLite through its C API, PostgreSQL as text
/// through libpq, repeated texts prepared) come back as the values they were: an empty
/// text stays empty, not NULL, and a statement may leave arguments unused.
final class BoundArgumentsTests: XCTestCase {
    private let values: [Value] = [.text(""), .null, .integer(-7), .real(2.5), .boolean(true), .text("it's ✓")]

    private func check(_ db: DatabaseConnection, table: String, placeholder: (Int) -> String) throws {
        try db.execute(RenderedStatement(sql: "CREATE TABLE \(table) (a TEXT, b TEXT, c BIGINT, d DOUBLE PRECISION, e BOOLEAN, f TEXT)"))
        let insert = RenderedStatement(sql: "INSERT INTO \(table) VALUES (\([1, 2, 3, 4, 5, 7].map(placeholder).joined(separator: ", ")))",
                                       arguments: values.prefix(5) + [.text("unused")] + values.suffix(1))
        let changed = try db.transaction {
            // The same text twice: PostgreSQL prepares it the second time.
            try db.execute(insert) + db.execute(insert)
        }
        XCTAssertEqual(changed, 2)
        let rows = try db.fetch(RenderedStatement(sql: "SELECT CAST(a AS TEXT), CAST(b AS TEXT), CAST(c AS TEXT), CAST(d AS TEXT), CAST(f AS TEXT) FROM \(table)"))
        XCTAssertEqual(rows, Array(repeating: ["", nil, "-7", "2.5", "it's ✓"], count: 2))
        XCTAssertEqual(try db.fetch(RenderedStatement(sql: "SELECT count(*) FROM \(table) WHERE e")), [["2"]])
    }

    func testSQLite() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bound-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try check(SQLiteConnection(path: path, create: true), table: "bound") { "?\($0)" }
    }

    func testPostgreSQL() throws {
        guard let url = ProcessInfo.processInfo.environment["SEEDC_TEST_DATABASE_URL"] else {
            throw XCTSkip("SEEDC_TEST_DATABASE_URL is not set")
        }
        let db = try PostgresConnection(url: url)
        let table = "bound_\(UUID().uuidString.prefix(8).lowercased())"
        defer { _ = try? db.execute(RenderedStatement(sql: "DROP TABLE \(table)")) }
        try check(db, table: table) { "CAST($\($0) AS \([1: "text", 2: "text", 3: "bigint", 4: "double precision", 5: "boolean", 7: "text"][$0]!))" }
    }
}
