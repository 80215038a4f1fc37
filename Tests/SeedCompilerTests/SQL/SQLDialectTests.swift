@testable import SeedCompiler
import XCTest

final class SQLDialectTests: XCTestCase {
    func testIdentifiersDoubleEmbeddedQuotes() {
        let sqlite = SQLDialect(engine: .sqlite)
        XCTAssertEqual(sqlite.identifier(SQLIdentifier("odd\"name")), "\"odd\"\"name\"")
        let pyformat = SQLDialect(engine: .postgres, parameters: .pyformat)
        XCTAssertEqual(pyformat.identifier(SQLIdentifier("100%")), "\"100%%\"")
    }

    func testLiterals() {
        let sqlite = SQLDialect(engine: .sqlite)
        let postgres = SQLDialect(engine: .postgres)
        XCTAssertEqual(sqlite.literal(.text("it's \\ \n")), "'it''s \\ \n'")
        XCTAssertEqual(sqlite.literal(.boolean(true)), "1")
        XCTAssertEqual(postgres.literal(.boolean(false)), "FALSE")
        XCTAssertEqual(postgres.literal(.timestamp("2025-11-16 00:00:00.000000")), "TIMESTAMP '2025-11-16 00:00:00.000000'")
        XCTAssertEqual(sqlite.literal(.null), "NULL")
    }

    /// Control characters but tab and line feed are never raw in a literal: the
    /// sqlite3 shell would drop a CR ending an input line.
    func testControlCharactersAreWrittenAsFunctionCalls() {
        XCTAssertEqual(SQLDialect(engine: .sqlite).literal(.text("a\r\nb'\t")), "('a' || char(13) || '\nb''\t')")
        XCTAssertEqual(SQLDialect(engine: .postgres).literal(.text("\r\u{1B}[2J")), "(chr(13) || chr(27) || '[2J')")
        XCTAssertEqual(SQLDialect(engine: .postgres, parameters: .pyformat).literal(.text("100%\r")), "('100%%' || chr(13))")
        XCTAssertEqual(SQLDialect(engine: .sqlite).literal(.text("é\u{7F}🌀")), "'é\u{7F}🌀'")
    }

    /// Whatever a comment is given, it stays one line.
    func testCommentsCannotBreakTheLine() {
        let hostile = "t\nDROP TABLE users; --\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}\u{7F}\u{1B}x"
        for style in [Comment.Style.sql, .hash] {
            let line = Comment.line(hostile, style)
            XCTAssertEqual(line, style.marker + "t DROP TABLE users; --        x")
            XCTAssertEqual(line.split(whereSeparator: \.isNewline).count, 1)
        }
    }

    func testStatements() {
        let match = [SQLStatement.Assignment(column: SQLIdentifier("slug"), value: .value(.text("a")))]
        let set = [SQLStatement.Assignment(column: SQLIdentifier("title"), value: .value(.text("A")))]
        let update = SQLStatement.updateIfDifferent(table: SQLIdentifier("sectors"), set: set, match: match, compare: set)
        XCTAssertEqual(SQLDialect(engine: .sqlite).statement(update),
                       "UPDATE \"sectors\" SET \"title\" = 'A' WHERE \"slug\" = 'a' AND (\"title\" IS NOT 'A')")
        XCTAssertEqual(SQLDialect(engine: .postgres).statement(update),
                       "UPDATE \"sectors\" SET \"title\" = 'A' WHERE \"slug\" = 'a' AND (\"title\" IS DISTINCT FROM 'A')")
        let insert = SQLStatement.insertIfMissing(table: SQLIdentifier("sectors"), values: match + set, match: match)
        XCTAssertEqual(SQLDialect(engine: .postgres, parameters: .pyformat).statement(
            .insertIfMissing(table: SQLIdentifier("t"), values: [.init(column: SQLIdentifier("d"), value: .parameter("p0", .timestamp))], match: [.init(column: SQLIdentifier("d"), value: .parameter("p0", .timestamp))])),
            "INSERT INTO \"t\" (\"d\") OVERRIDING SYSTEM VALUE SELECT CAST(%(p0)s AS timestamp) WHERE NOT EXISTS (SELECT 1 FROM \"t\" WHERE \"d\" = CAST(%(p0)s AS timestamp))")
        XCTAssertEqual(SQLDialect(engine: .sqlite).statement(insert),
                       "INSERT INTO \"sectors\" (\"slug\", \"title\") SELECT 'a', 'A' WHERE NOT EXISTS (SELECT 1 FROM \"sectors\" WHERE \"slug\" = 'a')")
    }

    func testPythonStringsEscapeEverything() {
        XCTAssertEqual(PythonLiteral.string("a\"b\\c\nd\u{0}e🌀"), "\"a\\\"b\\\\c\\nd\\x00e🌀\"")
    }

    func testGlob() {
        XCTAssertTrue(Glob.matches("records/users.yaml", pattern: "records/*.yaml"))
        XCTAssertFalse(Glob.matches("records/a/users.yaml", pattern: "records/*.yaml"))
        XCTAssertTrue(Glob.matches("records/a/b/users.yaml", pattern: "records/**/*.yaml"))
        XCTAssertTrue(Glob.matches("records/users.yaml", pattern: "records/**/*.yaml"))
        XCTAssertEqual(Glob.base(of: "records/**/*.yaml"), "records")
    }
}
