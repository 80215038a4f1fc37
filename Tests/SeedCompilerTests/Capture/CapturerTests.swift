@testable import SeedCompiler
import XCTest

/// Rows of a database as records: canonical items that compile back to the same values.
final class CapturerTests: XCTestCase {
    private func table(_ yaml: String) throws -> TableSchema {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array(yaml.utf8)))
        XCTAssertEqual(document.diagnostics, [])
        return try XCTUnwrap(document.schema.tables.first)
    }

    private let people = """
    seed:
      tables:
        people:
          key: name
          columns:
            name: {type: text, required: true}
            phone: text
            score: real
            active: {type: boolean, default: true}
            born: date
            seen: {type: datetime, format: "YYYY-MM-DD HH:MM:SS"}
            tags: {type: list, join: ";"}
            created_at: {type: datetime, default: now}

    """

    func testCapturedRecordsReadBackToTheSameValues() throws {
        let capturer = Capturer(table: try table(people), existingKeys: [["Known"]])
        XCTAssertEqual(capturer.columns.map(\.name), ["name", "phone", "score", "active", "born", "seen", "tags"])
        let result = capturer.capture([
            ["no", "0755", "18.25", "0", "2025-11-01", "2025-11-02 10:30:00", "a;b c;d, e"],
            ["Known", nil, nil, "1", nil, nil, nil],
            ["Ann\n\"B\"", nil, nil, nil, nil, nil, ""],
        ])
        XCTAssertEqual(Capturer.items(result.records, indent: 0), """
        - name: "Ann\\n\\"B\\""
          active: null
          tags: []
        - name: "no"
          phone: "0755"
          score: 18.25
          active: false
          born: 2025-11-01
          seen: "2025-11-02 10:30:00"
          tags: [a, b c, "d, e"]

        """)
        // Compiled with the same schema, the records hold the database's values.
        let content = people + "  records:\n    people:\n" + Capturer.items(result.records, indent: 6)
        let compiled = SeedPipeline.compile(ContentInput(document: ContentDocument(InputFile(path: "content.yaml", bytes: Array(content.utf8))), files: []), render: false)
        XCTAssertEqual(compiled.diagnostics, [])
        let rows = try XCTUnwrap(compiled.plan?.tables.first?.rows)
        let no = try XCTUnwrap(rows.first { $0.key == ["no"] })
        XCTAssertEqual(no.cells[1], .value(.text("0755")))
        XCTAssertEqual(no.cells[2], .value(.real(18.25)))
        XCTAssertEqual(no.cells[5], .value(.timestamp("2025-11-02 10:30:00")))
        XCTAssertEqual(no.cells[6], .value(.text("a;b c;d, e")))
        XCTAssertEqual(rows.first { $0.key == ["Ann\n\"B\""] }?.cells[3], .value(.null))
    }

    private let exact = """
    seed:
      tables:
        things:
          key: name
          columns:
            name: text
            picture: binary
            price: decimal
            day: {type: datetime, format: "YYYY-MM-DD"}
            at: {type: datetime, format: "YYYY-MM-DD HH:MM:SS.ffffff+00:00"}
            doc: json

    """

    /// Bytes, decimals and datetimes come back as the database holds them: bytes as
    /// base64 (read from hexadecimal), decimals as their digits, a datetime in its format.
    func testValuesOfEveryTypeComeBackExactly() throws {
        let capturer = Capturer(table: try table(exact), existingKeys: [])
        let result = capturer.capture([["a", "00FF10", "99999999999999.999999", "2016-07-04", "2021-01-01 05:30:00+05:30", "{\"b\": [1, 2.50]}"],
                                       ["b", "", "-0.01", nil, nil, nil]], engine: .postgres)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(Capturer.items(result.records, indent: 0), """
        - name: a
          picture: "AP8Q"
          price: 99999999999999.999999
          day: "2016-07-04"
          at: "2021-01-01 00:00:00.000000+00:00"
          doc: {"b": [1, 2.50]}
        - name: b
          picture: ""
          price: -0.01

        """)
        let content = exact + "  records:\n    things:\n" + Capturer.items(result.records, indent: 6)
        let compiled = SeedPipeline.compile(ContentInput(document: ContentDocument(InputFile(path: "content.yaml", bytes: Array(content.utf8))), files: []), render: false)
        XCTAssertEqual(compiled.diagnostics, [])
        let a = try XCTUnwrap(compiled.plan?.tables.first?.rows.first { $0.key == ["a"] })
        XCTAssertEqual(a.cells[1], .value(.binary([0x00, 0xFF, 0x10])))
        XCTAssertEqual(a.cells[2], .value(.decimal("99999999999999.999999")))
        XCTAssertEqual(a.cells[3], .value(.timestamp("2016-07-04")))
        XCTAssertEqual(a.cells[4], .value(.timestamp("2021-01-01 00:00:00.000000+00:00")))
        XCTAssertEqual(a.cells[5], .value(.text("{\"b\":[1,2.50]}")))
    }

    /// SQLite keeps datetimes as text: one not in its column's format would come back
    /// changed, and JSON's null cannot be told from SQL's NULL: both are refused.
    func testValuesThatWouldNotComeBackAreRefused() throws {
        let capturer = Capturer(table: try table(exact), existingKeys: [])
        let result = capturer.capture([["a", nil, nil, "2016-07-04 10:00:00", nil, "null"]], engine: .sqlite)
        XCTAssertEqual(result.errors, [
            "things \"a\".day: \"2016-07-04 10:00:00\" is not stored in the column's format YYYY-MM-DD (YYYY-MM-DD HH:MM:SS); rows of a column must share one format: set format: to it, or make the rows agree",
            "things \"a\".doc: holds JSON's null, which a json column cannot tell from SQL's NULL; declare the column type: text to keep its JSON as text",
        ])
    }

    /// A column seedc cannot carry is never read, and its table is refused.
    func testAnUnsupportedColumnRefusesItsTable() throws {
        let table = try table("""
        seed:
          tables:
            shapes:
              key: name
              columns: {name: text, outline: {type: unsupported, sql_type: geometry}}

        """)
        let capturer = Capturer(table: table, existingKeys: [])
        XCTAssertEqual(capturer.columns.map(\.name), ["name"])
        XCTAssertEqual(capturer.capture([["a"]]).errors, [
            "shapes.outline is unsupported: seedc cannot carry its values exactly; declare it app_owned: true to leave it to the app, or give it a type",
        ])
    }

    func testRowsLeftOutAreSaidSo() throws {
        let table = try table("""
        seed:
          tables:
            contacts:
              key: [name, organization]
              columns: {name: text, organization: text, deleted: boolean}

        """)
        let result = Capturer(table: table, existingKeys: []).capture([
            ["Ann", nil, "0"],
            ["Bob", "Red Cross", "1"],
            ["Bob", "Red Cross", "0"],
            ["Cy", "UN", "0"],
            ["Cy", "UN", "f"],
        ])
        // The deleted Bob does not hide the live one; two live rows keyed Cy refuse the capture.
        XCTAssertEqual(result.records.map(\.key), [["Bob", "Red Cross"], ["Cy", "UN"]])
        XCTAssertEqual(result.skippedDeleted, 1)
        XCTAssertEqual(result.warnings, ["contacts: 1 rows with an empty (NULL) name, organization left out"])
        XCTAssertEqual(result.errors, [
            "contacts: 2 rows have the natural key \"Cy\", \"UN\"; a natural key must identify one row (make the rows differ, or choose another key)",
        ])
    }

    func testPasswordsBecomeDistinctVariables() throws {
        let table = try table("""
        seed:
          tables:
            users:
              key: username
              columns: {username: text, password_hash: password}

        """)
        var capturer = Capturer(table: table, existingKeys: [])
        capturer.usedVariables = ["USERS_ADMIN_PASSWORD"]
        let result = capturer.capture([["jane.doe", "$2b$12$x"], ["jane_doe", "$2b$12$y"], ["admin", "$2b$12$z"], ["nobody", nil]])
        XCTAssertEqual(result.variables, ["USERS_ADMIN_2_PASSWORD", "USERS_JANE_DOE_PASSWORD", "USERS_JANE_DOE_2_PASSWORD"])
        XCTAssertEqual(Capturer.items(result.records, indent: 2), """
          - username: admin
            password_hash: {env: USERS_ADMIN_2_PASSWORD}
          - username: jane.doe
            password_hash: {env: USERS_JANE_DOE_PASSWORD}
          - username: jane_doe
            password_hash: {env: USERS_JANE_DOE_2_PASSWORD}
          - username: nobody

        """)
        XCTAssertFalse(Capturer.items(result.records, indent: 0).contains("$2b$"))
    }

    func testJSONGoesOnOneLine() {
        XCTAssertEqual(JSONText.oneLine("{\n  \"a\":1,\n\t\"b\": [1, \"x, y: \\\"z\\\"\"]\n}"), #"{"a": 1, "b": [1, "x, y: \"z\""]}"#)
    }
}
