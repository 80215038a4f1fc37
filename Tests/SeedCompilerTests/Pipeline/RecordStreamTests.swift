@testable import SeedCompiler
import XCTest

/// Records are streamed: each is typed and checked as it is read, against the keys
/// and values of the records before it, and later records settle what earlier ones
/// left open. These check that the result does not depend on where a record is.
final class RecordStreamTests: XCTestCase {
    static let tables = """
      tables:
        sectors:
          key: slug
          columns:
            slug: {type: text, required: true}
            title: {type: text, required: true}
        groups:
          key: link
          columns:
            sector: {type: text, required: true, references: sectors.title}
            link: {type: url, required: true}
            page: {type: text}
      routes:
        /sectors/{slug}: sectors.slug
      include: [records/*.yaml]

    """

    private func compile(_ content: String, _ files: [String: String] = [:]) -> Compilation {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array(content.utf8)))
        return SeedPipeline.compile(ContentInput(document: document, files: files.map { InputFile(path: $0.key, bytes: Array($0.value.utf8)) }))
    }

    private func messages(_ result: Compilation) -> [String] {
        result.diagnostics.map { "\($0.location.map { "\($0.file):\($0.start.line)" } ?? "-") \($0.id.rawValue) \($0.message)" }
    }

    private func rows(_ result: Compilation) -> [[String]] {
        result.plan?.tables.flatMap { table in table.rows.map { [table.name, $0.keyText, $0.valueHash] } } ?? []
    }

    func testRecordsBeforeTheTablesCompileAsAfterThem() throws {
        let records = """
          records:
            sectors:
              - {slug: health, title: Health}
            groups:
              - {sector: Health, link: "https://chat.example/h", page: /sectors/health}

        """
        let after = compile("seed:\n" + Self.tables + records, ["records/none.yaml": ""])
        let before = compile("seed:\n" + records + Self.tables, ["records/none.yaml": ""])
        XCTAssertEqual(messages(after), [])
        XCTAssertEqual(messages(before), [])
        XCTAssertEqual(rows(before), rows(after))
        XCTAssertEqual(rows(after).count, 2)
    }

    func testReferencesAndLinksToLaterRecordsResolve() {
        // content.yaml's records (links are checked there) come before the include file.
        let result = compile("seed:\n" + Self.tables + """
          records:
            groups:
              - {sector: Health, link: "https://chat.example/h", page: /sectors/health}
              - {sector: Helth, link: "https://chat.example/x", page: /sectors/helth}

        """, ["records/b.yaml": "sectors:\n  - {slug: health, title: Health}\n"])
        // Only the misspelled ones: health is defined in a later file.
        XCTAssertEqual(result.diagnostics.map(\.id), [.unknownReference, .brokenLink])
        XCTAssertTrue(messages(result)[0].hasPrefix("content.yaml:20 unknown-reference groups[1] (https://chat.example/x).sector: unknown sector \"Helth\" (did you mean \"Health\"?)"), messages(result)[0])
        XCTAssertTrue(messages(result)[1].hasPrefix("content.yaml:20 broken-link broken link \"/sectors/helth\""), messages(result)[1])
    }

    func testADuplicateAcrossFilesIsReportedOnceAtTheSecond() {
        let result = compile("seed:\n" + Self.tables + "  records:\n    sectors:\n      - {slug: health, title: Health}\n", [
            "records/a.yaml": "sectors:\n  - {slug: health, title: Health again}\n",
        ])
        XCTAssertEqual(messages(result), ["records/a.yaml:2 duplicate-record sectors[0]: sectors already has a record with key \"health\""])
        XCTAssertEqual(result.diagnostics.first?.notes.first?.location?.file, "content.yaml")
    }

    func testRecordsOfAFurtherDocumentAreNotCompiled() {
        let result = compile("seed:\n" + Self.tables, [
            "records/a.yaml": "sectors:\n  - {slug: health, title: Health}\n---\nsectors:\n  - {slug: health, title: Health}\n  - {slug: 1}\n",
        ])
        XCTAssertEqual(result.diagnostics.map(\.id), [.multipleDocuments])
    }

    func testTheOrderOfRecordsDoesNotChangeThePlan() {
        let records = (0..<50).map { "  - {slug: s\($0), title: T\($0)}\n" }
        let forward = compile("seed:\n" + Self.tables, ["records/a.yaml": "sectors:\n" + records.joined()])
        let backward = compile("seed:\n" + Self.tables, ["records/a.yaml": "sectors:\n" + records.reversed().joined()])
        XCTAssertEqual(messages(forward), [])
        XCTAssertEqual(rows(forward), rows(backward))
        XCTAssertEqual(rows(forward).map { $0[1] }, records.indices.map { "s\($0)" }.sorted())
    }

    func testContentYAMLIsReadForItsSchemaThenForItsRecords() {
        // Problems outside the records are found on the first reading, those inside on
        // the second: each is reported once.
        let broken = compile("seed:\n" + Self.tables + """
          records:
            sectors:
              - {slug: health, title: Health, title: Again}
        site: [unclosed

        """, ["records/none.yaml": ""])
        XCTAssertEqual(broken.diagnostics.map(\.id), [.duplicateKey, .yamlSyntax])
        // An anchor inside a record serves an alias in another record and outside them.
        let aliased = compile("seed:\n" + Self.tables + """
          records:
            sectors:
              - {slug: health, title: &h Health}
              - {slug: food, title: Food}
            groups:
              - {sector: *h, link: "https://chat.example/h"}
        site:
          name: *h

        """, ["records/none.yaml": ""])
        XCTAssertEqual(messages(aliased), [])
        XCTAssertEqual(aliased.plan?.tables.first { $0.name == "groups" }?.rows.first?.cells.first, .value(.text("Health")))
    }
}
