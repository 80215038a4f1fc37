import Foundation
import SeedCompiler
@testable import SeedFlows
import XCTest

/// `init` then `capture`, in-process: from a live database to content that compiles,
/// references by natural key, accounts kept out of content.yaml.
final class InitCaptureFlowTests: FlowTestCase {
    private func app() throws -> DatabaseChoice {
        try database([
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, password_hash TEXT)",
            "CREATE TABLE posts (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL, author_id INTEGER REFERENCES users(id))",
            "INSERT INTO users (email, name, password_hash) VALUES ('ana@example.org', 'Ana', '$2b$12$abcdefghijklmnopqrstuv'), ('ben@example.org', 'Ben', NULL)",
            "INSERT INTO posts (slug, title, author_id) VALUES ('hello', 'Hello', 1), ('second', 'Second', 2)",
        ])
    }

    func testInitThenCaptureThenBuild() throws {
        let database = try app()
        try InitFlow(root: root.path, database: database).run(reporter())
        let tables = try read("content.yaml")
        XCTAssertTrue(tables.contains("author_id: {type: text, references: users.id}"), tables)
        XCTAssertTrue(tables.contains("include: [records/users.yaml]"), tables)
        XCTAssertEqual(try read("records/users.yaml"), "# users: private records (accounts), kept out of content.yaml, which the app serves to anyone.\nusers:\n")

        try CaptureFlow(content: content, database: database).run(reporter())
        XCTAssertTrue(transcript.output.hasSuffix("seedc: added 2 posts, 2 users (in records/users.yaml)\n"), transcript.output)
        XCTAssertTrue(try read("content.yaml").hasPrefix(tables), "init's bytes are kept")
        XCTAssertTrue(try read("content.yaml").contains("  records:\n    posts:\n      - slug: hello\n        title: Hello\n        author_id: ana@example.org\n"))
        XCTAssertFalse(try read("content.yaml").contains("ana@example.org\n    name"), "accounts stay out of content.yaml")
        XCTAssertTrue(try read("records/users.yaml").contains("password_hash: {env: USERS_ANA_EXAMPLE_ORG_PASSWORD}"))
        XCTAssertTrue(transcript.error.contains("set USERS_ANA_EXAMPLE_ORG_PASSWORD where seedc apply or the app runs [unset-password]"))

        let captured = try read("content.yaml")
        try CaptureFlow(content: content, database: database).run(reporter())
        XCTAssertTrue(transcript.output.hasSuffix("seedc: added 0 posts, 0 users\n"))
        XCTAssertEqual(try read("content.yaml"), captured, "a second capture adds nothing")
        try BuildFlow(content: content).run(reporter())
        XCTAssertTrue(transcript.output.hasSuffix("seedc: 4 records in 2 tables; seeds/ wrote manifest.json, postgres.sql, seed_initial_data.jsonl, seed_initial_data.py, sqlite.sql\n"))
    }

    func testInitKeepsAnExistingSectionUnlessForced() throws {
        let database = try app()
        try InitFlow(root: root.path, database: database).run(reporter())
        let first = try read("content.yaml")
        XCTAssertEqual(ids { try InitFlow(root: root.path, database: database).run(reporter()) }, ["edit-failed"])
        XCTAssertEqual(try read("content.yaml"), first)
        var forced = InitFlow(root: root.path, database: database)
        forced.force = true
        try forced.run(reporter())
        XCTAssertEqual(try read("content.yaml"), first)
    }

    func testDryRunWritesNothing() throws {
        let database = try app()
        try InitFlow(root: root.path, database: database).run(reporter())
        let before = try read("content.yaml")
        var flow = CaptureFlow(content: content, database: database)
        flow.dryRun = true
        try flow.run(reporter())
        XCTAssertTrue(transcript.output.contains("content.yaml: posts:\n  - slug: hello\n"), transcript.output)
        XCTAssertTrue(transcript.output.hasSuffix("seedc: would add 2 posts, 2 users (in records/users.yaml)\n"))
        XCTAssertEqual(try read("content.yaml"), before)
        XCTAssertEqual(try read("records/users.yaml"), "# users: private records (accounts), kept out of content.yaml, which the app serves to anyone.\nusers:\n")

        // Posts alone would reference users the content does not have: refused.
        flow.dryRun = false
        flow.tables = ["posts"]
        XCTAssertEqual(ids { try flow.run(reporter()) }, ["unknown-reference", "unknown-reference", "edit-failed"])
        XCTAssertEqual(try read("content.yaml"), before)
    }

    func testValuesThatWouldNotComeBackAreRefused() throws {
        let database = try database([
            "CREATE TABLE events (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, at DATETIME)",
            "INSERT INTO events (code, at) VALUES ('a', '2025-10-28 12:00:00'), ('b', '2025-10-28T12:00:00Z')",
        ])
        try write("content.yaml", """
            seed:
              tables:
                events:
                  key: code
                  columns:
                    code: {type: text, required: true}
                    at: {type: datetime, format: "YYYY-MM-DD HH:MM:SS"}

            """)
        let before = try read("content.yaml")
        XCTAssertEqual(ids { try CaptureFlow(content: content, database: database).run(reporter()) }, ["capture-refused", "capture-refused"])
        XCTAssertEqual(try read("content.yaml"), before)
    }

    func testIntoOutsideTheRootIsRefused() throws {
        let database = try app()
        try InitFlow(root: root.path, database: database).run(reporter())
        var flow = CaptureFlow(content: content, database: database)
        flow.into = "../elsewhere.yaml"
        XCTAssertEqual(ids { try flow.run(reporter()) }, ["outside-root"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent("elsewhere.yaml").path))
    }

    func testInitNeedsADatabase() throws {
        XCTAssertEqual(ids { try InitFlow(root: root.path, database: DatabaseChoice(nil, environment: [:])).run(reporter()) }, ["invalid-option"])
    }
}
