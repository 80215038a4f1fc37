import Foundation
import SeedCompiler
@testable import SeedFlows
import XCTest

/// `plan` and `apply` on a real SQLite file; unchanged content is found from the ledger
/// and the input files' bytes alone.
final class ApplyFlowTests: FlowTestCase {
    func testApplyThenNothingToDo() throws {
        try write("content.yaml", Self.blog)
        let settings = ApplySettings(database: try database(Self.blogTables))
        XCTAssertTrue(try PlanFlow(content: content, settings: settings).run(reporter()))
        try ApplyFlow(content: content, settings: settings).run(reporter())
        XCTAssertEqual(try rows("SELECT p.slug, u.email FROM posts p JOIN users u ON u.id = p.author_id"), [["hello", "ana@example.org"]])
        XCTAssertFalse(try PlanFlow(content: content, settings: settings).run(reporter()))

        let flow = ApplyFlow(content: content, settings: settings)
        XCTAssertNotNil(try flow.unchanged(), "the ledger holds this very content")
        try flow.run(reporter())
        XCTAssertTrue(transcript.output.hasSuffix("is up to date (content sha256:\(try XCTUnwrap(flow.unchanged()).1.prefix(12)) already applied)\n"), transcript.output)

        try write("content.yaml", Self.blog + "      - slug: second\n        title: Second\n        author_id: ana@example.org\n")
        XCTAssertNil(try flow.unchanged())
        try flow.run(reporter())
        XCTAssertEqual(try rows("SELECT slug FROM posts ORDER BY slug"), [["hello"], ["second"]])
    }

    func testARefusedStatementChangesNothing() throws {
        try write("content.yaml", Self.blog)
        let tables = [Self.blogTables[0], "CREATE TABLE posts (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL CHECK (length(title) > 9), author_id INTEGER)"]
        let settings = ApplySettings(database: try database(tables))
        XCTAssertEqual(ids { try ApplyFlow(content: content, settings: settings).run(reporter()) }, ["database-error"])
        XCTAssertEqual(try rows("SELECT count(*) FROM users"), [["0"]])
    }
}
