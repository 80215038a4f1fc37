@testable import SeedCompiler
import XCTest

/// content.yaml with its records inline is read once when the records come last: the
/// schema is taken from what comes before them, and the records are streamed on the
/// one reading. Whatever the layout, the result is that of reading it whole first.
final class OneReadingTests: XCTestCase {
    static let tables = """
      tables:
        sectors:
          key: slug
          columns:
            slug: {type: text, required: true}
            title: {type: text, required: true}
      routes:
        /sectors/{slug}: sectors.slug

    """
    static let records = """
      records:
        sectors:
          - {slug: health, title: "Health \\u00e9"}
          - {slug: wash, title: "Water [link](/sectors/health)"}

    """

    private func compile(_ content: String, upToRecords: Bool) -> (ContentDocument, Compilation) {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array(content.utf8)), upToRecords: upToRecords)
        return (document, SeedPipeline.compile(ContentInput(document: document, files: [])))
    }

    private func outputs(_ result: Compilation) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: result.outputs.map { ($0.path, $0.bytes) })
    }

    func testRecordsLastAreReadOnceWithTheSameResult() {
        let content = "title: Hub\nnav: {home: /}\nseed:\n" + Self.tables + Self.records
        let (partial, once) = compile(content, upToRecords: true)
        let (_, twice) = compile(content, upToRecords: false)
        XCTAssertTrue(partial.readUpToRecords)
        XCTAssertFalse(once.needsWholeReading)
        XCTAssertEqual(once.diagnostics, [])
        XCTAssertEqual(once.plan?.tables.first?.rows.count, 2)
        XCTAssertEqual(outputs(once), outputs(twice))
    }

    func testMoreAfterTheRecordsAsksForAWholeReading() {
        for content in [
            "seed:\n" + Self.records + Self.tables,
            "seed:\n" + Self.tables + Self.records + "title: after the seed section\n",
        ] {
            let (partial, result) = compile(content, upToRecords: true)
            XCTAssertTrue(partial.readUpToRecords)
            XCTAssertTrue(result.needsWholeReading, content)
            XCTAssertEqual(result.outputs.count, 0)
            let (_, whole) = compile(content, upToRecords: false)
            XCTAssertFalse(whole.needsWholeReading)
            XCTAssertEqual(whole.diagnostics, [])
            XCTAssertEqual(whole.plan?.tables.first?.rows.count, 2)
        }
    }

    func testProblemsBeforeInAndAfterTheRecordsAreReportedOnceAsOnAWholeReading() {
        let content = "title: Hub\ntitle: again\nseed:\n" + Self.tables + Self.records
            + "      - {slug: health, title: Twice}\n      - {slug: y, title: Y, extra: 1}\n"
        let (_, once) = compile(content, upToRecords: true)
        let (_, twice) = compile(content, upToRecords: false)
        XCTAssertFalse(once.needsWholeReading)
        XCTAssertEqual(once.diagnostics, twice.diagnostics)
        XCTAssertEqual(once.diagnostics.map(\.id), [.duplicateKey, .duplicateRecord, .unknownField], "\(once.diagnostics)")

        // A file that does not parse to the end cannot show its records come last.
        let broken = "seed:\n" + Self.tables + Self.records + "      - {slug: z, title: [unclosed\n"
        XCTAssertTrue(compile(broken, upToRecords: true).1.needsWholeReading)
        XCTAssertEqual(compile(broken, upToRecords: false).1.diagnostics.map(\.id), [.yamlSyntax])
    }

    func testWithoutInlineRecordsTheWholeFileIsRead() {
        let (document, result) = compile("seed:\n" + Self.tables, upToRecords: true)
        XCTAssertFalse(document.readUpToRecords)
        XCTAssertFalse(result.needsWholeReading)
        XCTAssertEqual(result.diagnostics, [])
    }
}
