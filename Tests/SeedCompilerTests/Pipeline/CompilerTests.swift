@testable import SeedCompiler
import XCTest

/// The whole pipeline on small in-memory contents.
final class CompilerTests: XCTestCase {
    static let schema = """
    seed:
      tables:
        sectors:
          key: slug
          columns:
            slug: {type: text, required: true}
            title: {type: text, required: true}
        groups:
          key: link
          columns:
            name: {type: text, required: true, max: 20}
            sector: {type: text, required: true, references: sectors.title}
            link: {type: url, required: true}
            approved: {type: boolean, default: false}
            kind: {type: text, enum: [chat, channel]}
      records:
        sectors:
          - {slug: health, title: Health}
          - {slug: food-security, title: Food Security}

    """

    func compile(_ records: String, files: [InputFile] = []) -> Compilation {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array((Self.schema + records).utf8)))
        return SeedPipeline.compile(ContentInput(document: document, files: files))
    }

    private func messages(_ result: Compilation) -> [String] {
        result.diagnostics.map { d in
            "\(d.location.map { "\($0.start.line):\($0.start.column)" } ?? "-") \(d.id.rawValue) \(d.message)"
        }
    }

    func testARepeatedFieldIsReportedOnce() throws {
        let result = compile("""
            groups:
              - {name: Health IM, name: Again, sector: Health, link: "https://chat.example/h"}
        """)
        XCTAssertEqual(messages(result), ["21:27 duplicate-key duplicate key \"name\" in this mapping"])
    }

    func testValidContentCompiles() throws {
        let result = compile("""
            groups:
              - {name: Health IM, sector: Health, link: "https://chat.example/h"}
        """)
        XCTAssertEqual(messages(result), [])
        XCTAssertEqual(result.outputs.map(\.path), ["manifest.json", "postgres.sql", "seed_initial_data.jsonl", "seed_initial_data.py", "sqlite.sql"])
        let sqlite = try XCTUnwrap(result.outputs.first { $0.path == "sqlite.sql" }).contents
        XCTAssertTrue(sqlite.contains("""
        WITH "v" ("name", "sector", "link", "approved") AS (VALUES
          ('Health IM', 'Health', 'https://chat.example/h', 0))
        INSERT INTO "groups" ("name", "sector", "link", "approved") SELECT "v"."name", "v"."sector", "v"."link", "v"."approved" \
        FROM "v" LEFT JOIN "seedc_keys" ON "seedc_keys"."link" = "v"."link" WHERE "seedc_keys"."link" IS NULL;
        """), sqlite)
        // Missing rows are found in the keys the table held before its batches.
        XCTAssertTrue(sqlite.contains("""
        CREATE TEMP TABLE "seedc_keys" AS SELECT rowid AS "#row", "link" FROM "groups";
        CREATE INDEX "seedc_keys_key" ON "seedc_keys" ("link");
        """), sqlite)
        // Referenced tables come first.
        XCTAssertLessThan(try XCTUnwrap(sqlite.range(of: "-- sectors")).lowerBound, try XCTUnwrap(sqlite.range(of: "-- groups")).lowerBound)
    }

    func testRecordProblemsArePositionedWithSuggestions() {
        let result = compile("""
            groups:
              - {name: Health IM, sector: Helth, link: "https://chat.example/h"}
              - {name: Food, sector: Food security, link: "https://chat.example/f", kind: chta}
              - {name: A name that is far too long, sector: Health, link: "https://chat.example/h", colour: red}
              - {sector: Health, link: "ftp//x"}
        """)
        XCTAssertEqual(messages(result), [
            "21:35 unknown-reference groups[0] (https://chat.example/h).sector: unknown sector \"Helth\" (did you mean \"Health\"?) (no sectors record has title \"Helth\")",
            "22:30 unknown-reference groups[1] (https://chat.example/f).sector: unknown sector \"Food security\" (did you mean \"Food Security\"?) (no sectors record has title \"Food security\")",
            "22:83 not-in-enum groups[1] (https://chat.example/f).kind: \"chta\" is not one of chat, channel (did you mean \"chat\"?)",
            "23:9 duplicate-record groups[2]: groups already has a record with key \"https://chat.example/h\"",
            "23:16 too-long groups[2] (https://chat.example/h).name is 27 characters long, more than its max of 20",
            "23:93 unknown-field groups[2] (https://chat.example/h): unknown field \"colour\"; groups has name, sector, link, approved, kind",
            "24:9 missing-required groups[3] (ftp//x): missing required field \"name\"",
            "24:32 type-mismatch groups[3] (ftp//x).link: expected a URL (http://, https://, mailto:, tel: or a path starting with /), found \"ftp//x\"",
        ])
        XCTAssertEqual(result.diagnostics.first { $0.id == .duplicateRecord }?.notes.first?.location?.start, SourcePosition(line: 21, column: 9))
        XCTAssertTrue(result.outputs.isEmpty)
    }

    func testPlaintextPasswordIsAnError() {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
        seed:
          tables:
            users:
              key: username
              private: false
              columns:
                username: {type: text, required: true}
                password_hash: {type: password}
          records:
            users:
              - {username: admin, password_hash: hunter2}
              - {username: ok, password_hash: {env: OK_PASSWORD}}

        """.utf8)))
        let result = SeedPipeline.compile(ContentInput(document: document, files: []))
        XCTAssertEqual(result.diagnostics.map(\.id), [.plaintextPassword])
        XCTAssertEqual(result.diagnostics.first?.location?.start, SourcePosition(line: 11, column: 42))
    }

    func testSchemaProblems() {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
        seed:
          tables:
            a:
              columns:
                x: {type: txt, requird: true}
                b_ref: {type: text, required: true, references: b.y}
            b:
              key: y
              columns:
                y: {type: text, required: true, references: a.x}

        """.utf8)))
        XCTAssertEqual(document.diagnostics.map(\.id), [.unknownOption, .invalidSchema, .missingKey, .referenceCycle])
        XCTAssertTrue(document.diagnostics[1].message.contains("did you mean \"text\""))
        XCTAssertTrue(document.diagnostics[0].message.contains("did you mean \"required\""))
    }

    /// An app_owned column reaches no statement and no row hash; content cannot set it.
    func testAppOwnedColumnsAreLeftToTheApp() {
        func compile(_ record: String) -> Compilation {
            SeedPipeline.compile(ContentInput(document: ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
            seed:
              tables:
                links:
                  key: slug
                  columns:
                    slug: text
                    view_count: {type: integer, app_owned: true}
              records:
                links:
                  - \(record)

            """.utf8))), files: []))
        }
        let result = compile("{slug: a}")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.plan?.tables[0].columns.map(\.name), ["slug"])
        XCTAssertEqual(result.plan?.tables[0].appOwnedColumns.map(\.name), ["view_count"])
        for output in result.outputs { XCTAssertFalse(output.contents.contains("view_count"), output.path) }
        XCTAssertEqual(compile("{slug: a, view_count: 3}").diagnostics.map(\.id), [.appOwnedField])
    }

    func testMarkdownCollection() throws {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
        seed:
          tables:
            pages:
              key: slug
              source: pages/
              columns:
                slug: {type: text, required: true}
                title: {type: text, required: true}
                html: {type: html, from: body}

        """.utf8)))
        let page = InputFile(path: "pages/hello.md", bytes: Array("---\ntitle: Hello\n---\n# Hi\n<script>x</script>\n".utf8))
        let readme = InputFile(path: "pages/README.md", bytes: Array("not a record".utf8))
        let result = SeedPipeline.compile(ContentInput(document: document, files: [page, readme]))
        XCTAssertEqual(messages(result), [])
        let plan = try XCTUnwrap(result.plan)
        XCTAssertEqual(plan.tables[0].rows.map(\.key), [["hello"]])
        guard case let .value(.text(html))? = plan.tables[0].rows[0].cells[2] else { return XCTFail("no html") }
        XCTAssertTrue(html.hasPrefix("<h1>Hi</h1>"))
        XCTAssertFalse(html.contains("<script>"))
    }
}
