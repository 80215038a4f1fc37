import SeedCompiler
import SeedDatabase
import XCTest

/// libpq against the server the test command starts (`SEEDC_TEST_DATABASE_URL`).
final class PostgresConnectionTests: XCTestCase {
    func connect() throws -> PostgresConnection {
        guard let url = ProcessInfo.processInfo.environment["SEEDC_TEST_DATABASE_URL"] else {
            throw XCTSkip("SEEDC_TEST_DATABASE_URL is not set (scripts/test.sh starts a server)")
        }
        return try PostgresConnection(url: url)
    }

    func testValuesRoundTripAsTextArguments() throws {
        let db = try connect()
        let hostile = "It's \"quoted\" \\ back\nslash; DROP TABLE x; -- 🌀"
        let rows = try db.fetch(RenderedStatement(
            sql: "SELECT CAST($1 AS text), CAST(CAST($2 AS bigint) AS text), CAST(CAST($3 AS boolean) AS text), CAST($4 AS text) IS NULL",
            arguments: [.text(hostile), .integer(-42), .boolean(true), .null]))
        XCTAssertEqual(rows, [[hostile, "-42", "true", "t"]])
    }

    func testRefusedStatementRollsBackAndNamesTableAndColumn() throws {
        let db = try connect()
        let table = "t_" + UUID().uuidString.prefix(8).lowercased()
        try db.execute(RenderedStatement(sql: "CREATE TABLE \(table) (a text NOT NULL)"))
        defer { _ = try? db.execute(RenderedStatement(sql: "DROP TABLE \(table)")) }
        XCTAssertEqual(try db.columns(of: table), ["a"])
        XCTAssertNil(try db.columns(of: table + "_missing"))
        XCTAssertThrowsError(try db.transaction {
            try db.execute(RenderedStatement(sql: "INSERT INTO \(table) (a) VALUES ($1)", arguments: [.text("kept?")]))
            try db.execute(RenderedStatement(sql: "INSERT INTO \(table) (a) VALUES ($1)", arguments: [.null]))
        }) { error in
            let failure = error as? DatabaseFailure
            XCTAssertEqual(failure?.code, "23502")
            XCTAssertEqual(failure?.table, table)
            XCTAssertEqual(failure?.column, "a")
        }
        XCTAssertEqual(try db.fetch(RenderedStatement(sql: "SELECT count(*) FROM \(table)")), [["0"]])
    }

    /// A server that cannot be reached, and a URL libpq cannot parse: the error says
    /// so, and the password given is in neither message.
    func testUnreachableServerIsReportedWithoutThePassword() throws {
        guard let url = ProcessInfo.processInfo.environment["SEEDC_TEST_DATABASE_URL"], var components = URLComponents(string: url) else {
            throw XCTSkip("SEEDC_TEST_DATABASE_URL is not set")
        }
        components.port = 1
        components.password = "s3cret-pw"
        // A string libpq cannot parse is quoted in its message: the password is cut.
        XCTAssertThrowsError(try PostgresConnection(url: "postgresql://app:s3cret-pw@[::1/db")) { error in
            XCTAssertFalse("\(error)".contains("s3cret-pw"), "\(error)")
        }
        XCTAssertThrowsError(try PostgresConnection(url: components.string!)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot connect"), "\(error)")
            XCTAssertFalse("\(error)".contains("s3cret-pw"))
        }
    }

    /// The test server asks the role `seedc_password_check` for its password over TCP
    /// (scripts/postgres.sh puts it first in pg_hba.conf): the right one connects, a
    /// wrong one is refused for that reason, and it is in no message.
    func testWrongPasswordIsRefusedWithoutIt() throws {
        let admin = try connect()
        let role = "seedc_password_check", right = "right-\(UUID().uuidString)"
        try admin.execute(RenderedStatement(sql: "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) LOGIN; END IF; END$$"))
        try admin.execute(RenderedStatement(sql: "ALTER ROLE \(role) PASSWORD '\(right)'"))
        var components = try XCTUnwrap(URLComponents(string: ProcessInfo.processInfo.environment["SEEDC_TEST_DATABASE_URL"] ?? ""))
        components.user = role
        components.password = right
        let connected = try PostgresConnection(url: components.string!)
        XCTAssertEqual(try connected.fetch(RenderedStatement(sql: "SELECT current_user")), [[role]])
        components.password = "s3cret-pw"
        XCTAssertThrowsError(try PostgresConnection(url: components.string!)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot connect"), "\(error)")
            XCTAssertTrue("\(error)".contains("password authentication failed for user \"\(role)\""), "\(error)")
            XCTAssertFalse("\(error)".contains("s3cret-pw"), "\(error)")
        }
    }
}
