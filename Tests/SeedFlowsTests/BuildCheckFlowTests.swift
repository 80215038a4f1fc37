import Foundation
import SeedCompiler
@testable import SeedFlows
import XCTest

/// `build` writes seeds/ from valid content only; `check` finds seeds/ stale.
final class BuildCheckFlowTests: FlowTestCase {
    func testBuildThenCheck() throws {
        try write("content.yaml", Self.blog)
        try BuildFlow(content: content).run(reporter())
        XCTAssertEqual(transcript.output, "seedc: 2 records in 2 tables; seeds/ wrote manifest.json, postgres.sql, seed_initial_data.jsonl, seed_initial_data.py, sqlite.sql\n")
        XCTAssertTrue(try read("seeds/sqlite.sql").contains("'hello'"))
        try CheckFlow(content: content).run(reporter())
        XCTAssertTrue(transcript.output.hasSuffix("seedc: content is valid and seeds/ is current\n"))

        try BuildFlow(content: content).run(reporter())
        XCTAssertTrue(transcript.output.hasSuffix("seeds/ already up to date\n"))

        try write("seeds/sqlite.sql", "-- edited by hand\n")
        XCTAssertEqual(ids { try CheckFlow(content: content).run(reporter()) }, ["stale-output"])
        XCTAssertTrue(transcript.error.contains("+++ b/seeds/sqlite.sql"), transcript.error)
    }

    func testInvalidContentWritesNothing() throws {
        try write("content.yaml", Self.blog.replacingOccurrences(of: "title: Hello", with: "titel: Hello"))
        XCTAssertEqual(ids { try BuildFlow(content: content).run(reporter()) }, ["missing-required", "unknown-field"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("seeds").path))
    }

    /// When more of the seed section follows its records, the schema is known only
    /// after them: the pipeline reads the content again, whole, by itself.
    func testRecordsBeforeTheTablesAreReadAgainWhole() throws {
        let lines = Self.blog.split(separator: "\n", omittingEmptySubsequences: false)
        let tables = lines[1...12], records = lines[13...]
        try write("content.yaml", (["seed:"] + records.filter { !$0.isEmpty } + tables).joined(separator: "\n") + "\n")
        try BuildFlow(content: content).run(reporter())
        XCTAssertTrue(transcript.output.hasPrefix("seedc: 2 records in 2 tables"), transcript.output + transcript.error)
    }

    func testSeedsLinkedOutOfTheRootIsRefused() throws {
        try write("content.yaml", Self.blog)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("seedflows-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("seeds"), withDestinationURL: outside)
        XCTAssertEqual(ids { try BuildFlow(content: content).run(reporter()) }, ["outside-root"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])
    }
}
