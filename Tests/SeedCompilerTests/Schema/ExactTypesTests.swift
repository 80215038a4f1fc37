@testable import SeedCompiler
import XCTest

/// The column types and options that keep values as the database stores them:
/// `format:` of datetimes, `sql_type:` names, base64 bytes, exact decimals.
final class ExactTypesTests: XCTestCase {
    func testFormatPatterns() throws {
        for pattern in ["YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS", "YYYY-MM-DDTHH:MM:SS.fffZ",
                        "YYYY-MM-DD HH:MM:SS.ffffff+00:00", "YYYY-MM-DD HH:MM:SS+00", "YYYY-MM-DDTHH:MM:SS.f+0000"] {
            XCTAssertEqual(DateTimeFormat(pattern: pattern)?.pattern, pattern)
        }
        for bad in ["", "YYYY", "YYYY-MM-DD ", "YYYY-MM-DDZ", "YYYY-MM-DD HH:MM:SS.fffffff", "YYYY-MM-DD HH:MM:SS.", "YYYY-MM-DD HH:MM+01:00", "DD-MM-YYYY"] {
            XCTAssertNil(DateTimeFormat(pattern: bad), bad)
        }
        XCTAssertEqual(DateTimeFormat(pattern: "YYYY-MM-DD HH:MM:SS.ffffff"), .canonical)
    }

    func testRenderingKeepsEveryDigitOrRefuses() throws {
        let canonical = "2021-01-01 23:59:59.500000"
        func render(_ pattern: String, _ value: String = canonical) -> String? {
            DateTimeFormat(pattern: pattern)!.render(canonical: value)
        }
        XCTAssertEqual(render("YYYY-MM-DDTHH:MM:SS.fffZ"), "2021-01-01T23:59:59.500Z")
        XCTAssertEqual(render("YYYY-MM-DD HH:MM:SS.f+00:00"), "2021-01-01 23:59:59.5+00:00")
        XCTAssertNil(render("YYYY-MM-DD HH:MM:SS"), "the fraction would be lost")
        XCTAssertNil(render("YYYY-MM-DD"), "the time would be lost")
        XCTAssertEqual(render("YYYY-MM-DD", "2016-07-04 00:00:00.000000"), "2016-07-04")
        XCTAssertEqual(render("YYYY-MM-DD HH:MM", "2016-07-04 10:30:00.000000"), "2016-07-04 10:30")
    }

    func testTheFormatOfAStoredValue() {
        XCTAssertEqual(DateTimeFormat.of("2016-07-04")?.pattern, "YYYY-MM-DD")
        XCTAssertEqual(DateTimeFormat.of("2021-01-01 00:00:00")?.pattern, "YYYY-MM-DD HH:MM:SS")
        XCTAssertEqual(DateTimeFormat.of("2021-01-01T10:00:00.123Z")?.pattern, "YYYY-MM-DDTHH:MM:SS.fffZ")
        XCTAssertEqual(DateTimeFormat.of("2021-01-01 10:00:00+05:30")?.pattern, "YYYY-MM-DD HH:MM:SS+00:00")
        XCTAssertEqual(DateTimeFormat.of("2021-01-01 10:00:00-07")?.pattern, "YYYY-MM-DD HH:MM:SS+00")
        for bad in ["2021-02-30", "2021-01-01 25:00", "2021-01-01 10:00:00.1234567", "yesterday", "2021-01-01 10:00:00 UTC"] {
            XCTAssertNil(DateTimeFormat.of(bad), bad)
        }
    }

    func testOffsetsOfEveryFormPostgreSQLWrites() {
        XCTAssertEqual(DateTimeParser.timestamp("1970-01-01 00:00:00+00"), "1970-01-01 00:00:00.000000")
        XCTAssertEqual(DateTimeParser.timestamp("2021-01-01 05:30:00+0530"), "2021-01-01 00:00:00.000000")
        XCTAssertEqual(DateTimeParser.timestamp("2021-01-01 05:30:00.25+05:30"), "2021-01-01 00:00:00.250000")
        XCTAssertEqual(DateTimeParser.timestamp("2024-02-29 23:30:00-09"), "2024-03-01 08:30:00.000000")
        for bad in ["2021-01-01 00:00:00+0", "2021-01-01 00:00:00+000", "2021-01-01 00:00:00+24", "2021-01-01 00:00:00+05:60"] {
            XCTAssertNil(DateTimeParser.timestamp(bad), bad)
        }
    }

    func testTypeNamesCannotLeaveTheirPlace() {
        for name in ["uuid", "jsonb", "text[]", "integer[][]", "numeric(20,6)", "numeric(20, 6)", "time with time zone",
                     "public.mood", "\"Mood\"", "character varying(200)", "bit varying(8)"] {
            XCTAssertEqual(SQLTypeName(name)?.text, name)
        }
        for bad in ["", "uuid; DROP TABLE x", "text)", "\"a\"\"b\"", "int -- x", "a  b", "text[", "numeric(1,2,3)", "x'y", "\"\"", "a\u{0}"] {
            XCTAssertNil(SQLTypeName(bad), bad)
        }
    }

    func testBase64() {
        for bytes in [[], [0], [0, 0], [0, 0, 0], Array(0...255), [0xFF, 0xFE]] as [[UInt8]] {
            XCTAssertEqual(Base64.decode(Base64.encode(bytes)), bytes)
        }
        XCTAssertEqual(Base64.encode(Array("Man".utf8)), "TWFu")
        XCTAssertEqual(Base64.decode("TW\n Fu"), Array("Man".utf8), "white space (a folded value) is skipped")
        for bad in ["T", "TWF", "TW=u", "TWFu=", "TW*u", "====", "TWFu===="] {
            XCTAssertNil(Base64.decode(bad), bad)
        }
    }

    func testDecimalsKeepTheirDigits() throws {
        for text in ["0", "-0.01", "+12", "19.450000", "99999999999999.999999", ".5", "5.", "1e-20", "3.14159265358979323846264338327950288"] {
            XCTAssertEqual(try ValueReader.read(text, as: .decimal).get(), .decimal(text), text)
        }
        for bad in ["", "-", ".", "1e", "1.2.3", "0x10", "NaN", "1,5", " 1"] {
            guard case let .failure(problem) = ValueReader.read(bad, as: .decimal) else { return XCTFail(bad) }
            XCTAssertEqual(problem.id, .typeMismatch, bad)
        }
    }

    /// Literals of every path: SQLite's blob, PostgreSQL's bytea and timestamptz, decimals as text.
    func testLiterals() {
        let sqlite = SQLDialect(engine: .sqlite), postgres = SQLDialect(engine: .postgres)
        XCTAssertEqual(sqlite.literal(.binary([0x00, 0xAB])), "X'00ab'")
        XCTAssertEqual(postgres.literal(.binary([0x00, 0xAB])), "'\\x00ab'")
        XCTAssertEqual(sqlite.literal(.binary([])), "X''")
        XCTAssertEqual(sqlite.literal(.decimal("19.450000")), "'19.450000'")
        XCTAssertEqual(postgres.literal(.timestamp("2021-01-01 00:00:00+00:00")), "TIMESTAMPTZ '2021-01-01 00:00:00+00:00'")
        XCTAssertEqual(postgres.literal(.timestamp("2021-01-01T00:00:00Z")), "TIMESTAMPTZ '2021-01-01T00:00:00Z'")
        XCTAssertEqual(postgres.literal(.timestamp("2016-07-04")), "TIMESTAMP '2016-07-04'")
    }

    /// `default: now` and `on_update: now` write the time of applying in the column's format.
    func testTheTimeOfApplyingInAFormat() throws {
        let format = try XCTUnwrap(DateTimeFormat(pattern: "YYYY-MM-DDTHH:MM:SS.fffZ"))
        let sqlite = SQLDialect(engine: .sqlite), postgres = SQLDialect(engine: .postgres, parameters: .pyformat)
        XCTAssertEqual(sqlite.statement(.selectText(table: SQLIdentifier("t"), columns: [], match: [.init(column: SQLIdentifier("c"), value: .now(.formatted(format)))])),
                       "SELECT  FROM \"t\" WHERE \"c\" = substr((strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'), 1, 10) || 'T' || substr((strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'), 12, 12) || 'Z'")
        XCTAssertEqual(postgres.statement(.selectText(table: SQLIdentifier("t"), columns: [], match: [.init(column: SQLIdentifier("c"), value: .clock("now", .formatted(format)))])),
                       "SELECT  FROM \"t\" WHERE \"c\" = CAST(CAST(%(now)s AS text) || '+00' AS timestamptz)")
    }

    func testSchemaOptions() {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
        seed:
          tables:
            t:
              key: k
              columns:
                k: text
                a: {type: datetime, format: "YYYY-MM-DD"}
                b: {type: text, format: "YYYY-MM-DD"}
                c: {type: datetime, format: "DD/MM/YYYY"}
                d: {type: text, sql_type: "uuid; DROP TABLE t"}
                e: {type: password, sql_type: text}
                f: {type: unsupported, required: true}
                g: {type: datetime, format: "YYYY-MM-DD", default: "2020-01-01 10:00"}

        """.utf8)))
        XCTAssertEqual(document.diagnostics.map(\.message), [
            "t.b.format applies to datetime columns only",
            "t.c.format \"DD/MM/YYYY\" is not a datetime format: YYYY-MM-DD, then optionally a space or T and HH:MM, :SS, .f to .ffffff, then optionally Z, +00, +0000 or +00:00",
            "t.d.sql_type \"uuid; DROP TABLE t\" is not a type name (words, an optional (n) or (n,m), then [] for arrays)",
            "t.e.sql_type does not apply to a password column: it holds a bcrypt hash",
            "t.f is unsupported (seedc never writes it), so it cannot also have required",
            "t.g.default: \"2020-01-01 10:00\" is more precise than the column's format YYYY-MM-DD",
        ])
    }
}
