@testable import SeedCompiler
import XCTest

/// The pure parts of `seedc init` and `capture`: scalar quoting, the schema scaffold,
/// record items and byte-preserving insertion.
final class CaptureTests: XCTestCase {
    func testScalarsArePlainOnlyWhenEveryReaderAgrees() {
        XCTAssertEqual(YAMLScalar.text("Red Cross"), "Red Cross")
        XCTAssertEqual(YAMLScalar.text("Médecins Sans Frontières"), "Médecins Sans Frontières")
        for retyped in ["no", "Yes", "~", "null", "true", "0755", "18.2180", "", " padded", "a: b", "x #y", "-dash", "@at"] {
            XCTAssertTrue(YAMLScalar.text(retyped).hasPrefix("\""), retyped)
        }
        XCTAssertEqual(YAMLScalar.quoted("It's \"DJ\"\\\n\t🌀\u{7}"), #""It's \"DJ\"\\\n\t🌀\x07""#)
    }

    func testCapturedRecordsReadBackToTheSameValues() throws {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
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
                seen: datetime
                tags: {type: list, join: ","}
                created_at: {type: datetime, default: now}

        """.utf8)))
        let table = try XCTUnwrap(document.schema.table("people"))
        let capturer = Capturer(table: table, existingKeys: [["Known"]])
        XCTAssertEqual(capturer.columns.map(\.name), ["name", "phone", "score", "active", "born", "seen", "tags"])
        let result = capturer.capture([
            ["Known", nil, nil, "1", nil, nil, nil],
            ["no", "0755", "18.25", "0", "2025-11-01", "2025-11-02 10:30:00.000000", "a,b c"],
            ["Ann\n\"B\"", nil, nil, nil, nil, nil, ""],
        ])
        XCTAssertEqual(Capturer.items(result.records, indent: 0), """
        - name: "no"
          phone: "0755"
          score: 18.25
          active: false
          born: 2025-11-01
          seen: "2025-11-02 10:30:00.000000"
          tags: [a, b c]
        - name: "Ann\\n\\"B\\""
          active: null
          tags: []

        """)
        // Compiled with the same schema, the records hold the database's values.
        let schema = String(decoding: document.file.bytes, as: UTF8.self)
        let content = schema + "  records:\n    people:\n" + Capturer.items(result.records, indent: 6)
        let compiled = Compiler.compile(ContentDocument(InputFile(path: "content.yaml", bytes: Array(content.utf8))), files: [], render: false)
        XCTAssertEqual(compiled.diagnostics, [])
        let rows = try XCTUnwrap(compiled.plan?.tables.first?.rows)
        let no = try XCTUnwrap(rows.first { $0.key == ["no"] })
        XCTAssertEqual(no.cells[1], .value(.text("0755")))
        XCTAssertEqual(no.cells[2], .value(.real(18.25)))
        XCTAssertEqual(no.cells[5], .value(.timestamp("2025-11-02 10:30:00.000000")))
        XCTAssertEqual(no.cells[6], .value(.text("a,b c")))
        XCTAssertEqual(rows.first { $0.key == ["Ann\n\"B\""] }?.cells[3], .value(.null))
    }

    func testScaffoldProposesKeysAndTypes() {
        let users = TableDescription(name: "users", columns: [
            .init(name: "id", type: "INTEGER", notNull: true, defaultSQL: nil, primaryKey: true),
            .init(name: "username", type: "VARCHAR(100)", notNull: true, defaultSQL: nil, primaryKey: false),
            .init(name: "password_hash", type: "VARCHAR(255)", notNull: true, defaultSQL: nil, primaryKey: false),
            .init(name: "is_admin", type: "BOOLEAN", notNull: false, defaultSQL: "0", primaryKey: false),
            .init(name: "created_at", type: "DATETIME", notNull: false, defaultSQL: nil, primaryKey: false),
        ], unique: [["username"]])
        let notes = TableDescription(name: "notes", columns: [
            .init(name: "title", type: "text", notNull: true, defaultSQL: "'untitled'::text", primaryKey: false),
        ], unique: [])
        XCTAssertEqual(SchemaScaffold.yaml([users, notes]), """
          tables:
            users:
              key: username
              columns:
                username:      {type: text, required: true, max: 100}
                password_hash: {type: password, required: true}
                is_admin:      {type: boolean, default: false}
                created_at:    {type: datetime, default: now}
            notes:
              # seedc init: no unique column in notes; title is a guess at the natural key.
              # Make sure it identifies one row, or change it, before adding records.
              key: title
              columns:
                title: {type: text, default: untitled}

        """)
    }

    func testInsertionKeepsEveryOtherByte() throws {
        let original = """
        # comment
        seed:   # the seed
          tables: {t: {key: k, columns: {k: text}}}
          records:
            t:
              - k: a   # first

              - k: 'b'
            other: [x]
        tail: 1
        """
        let bytes = Array(original.utf8)
        let root = ContentDocument.loadSingle(InputFile(path: "content.yaml", bytes: bytes)).0
        let edited = try ContentEditor.appendRecords(table: "t", to: bytes, root: root, seedSection: true) { indent in
            String(repeating: " ", count: indent) + "- k: c\n"
        }
        XCTAssertEqual(String(decoding: edited, as: UTF8.self), original.replacingOccurrences(of: "      - k: 'b'\n", with: "      - k: 'b'\n      - k: c\n"))
        XCTAssertThrowsError(try ContentEditor.appendRecords(table: "other", to: bytes, root: root, seedSection: true) { _ in "" }) { error in
            XCTAssertTrue("\(error)".contains("--into"), "\(error)")
        }
        let added = try ContentEditor.appendRecords(table: "new", to: bytes, root: root, seedSection: true) { indent in
            String(repeating: " ", count: indent) + "- k: d\n"
        }
        XCTAssertTrue(String(decoding: added, as: UTF8.self).contains("    other: [x]\n    new:\n      - k: d\ntail: 1"))
    }

    func testTablesGoUnderSeedOrAtTheEnd() throws {
        let plain = Array("title: Hub\n# end".utf8)
        let added = try ContentEditor.insertTables("  tables:\n    t: {}\n", to: plain, root: ContentDocument.loadSingle(InputFile(path: "c", bytes: plain)).0, replace: false)
        XCTAssertEqual(String(decoding: added, as: UTF8.self), "title: Hub\n# end\nseed:\n  tables:\n    t: {}\n")
        let existing = Array("seed:\n    include: [a]\n    tables:\n      old: {}\nafter: 1\n".utf8)
        let root = ContentDocument.loadSingle(InputFile(path: "c", bytes: existing)).0
        XCTAssertThrowsError(try ContentEditor.insertTables("  tables:\n", to: existing, root: root, replace: false))
        let replaced = try ContentEditor.insertTables("  tables:\n    t: {}\n", to: existing, root: root, replace: true)
        XCTAssertEqual(String(decoding: replaced, as: UTF8.self), "seed:\n    include: [a]\n    tables:\n      t: {}\nafter: 1\n")
    }
}
