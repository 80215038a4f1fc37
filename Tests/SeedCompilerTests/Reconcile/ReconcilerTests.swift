@testable import SeedCompiler
import XCTest

/// The statements `seedc plan`/`apply` run, as text with their arguments, and the
/// reading of what the database returns.
final class ReconcilerTests: XCTestCase {
    func plan() throws -> SeedPlan {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
        seed:
          tables:
            groups:
              key: link
              prune: true
              columns:
                link: {type: url, required: true}
                name: {type: text}
                approved: {type: boolean, default: false}
                created_at: {type: datetime, default: now}
            users:
              key: username
              on_conflict: keep
              private: false
              columns:
                username: text
                password_hash: password
          records:
            groups:
              - {link: "https://a.example/1", name: "It's"}
              - {link: "https://a.example/2"}
            users:
              - {username: admin, password_hash: {env: ADMIN_PASSWORD}}

        """.utf8)))
        let result = SeedPipeline.compile(ContentInput(document: document, files: []))
        XCTAssertEqual(result.diagnostics, [])
        return try XCTUnwrap(result.plan)
    }

    func testCompareOnSQLiteBindsPositionally() throws {
        let plan = try plan()
        let groups = try XCTUnwrap(plan.tables.first { $0.name == "groups" })
        let statements = Reconciler(plan: plan, engine: .sqlite).compare(groups)
        XCTAssertEqual(statements.count, 2, "rows that set different columns are compared apart")
        XCTAssertEqual(statements[0].sql, """
        WITH "v" ("#", "link", "name", "approved") AS (VALUES (?, ?, ?, ?)) SELECT CAST("v"."#" AS TEXT), \
        CASE WHEN "groups"."link" IS NULL THEN 0 ELSE 1 END, \
        CASE WHEN "groups"."name" IS NOT "v"."name" THEN 1 ELSE 0 END, CAST("groups"."name" AS TEXT), \
        CASE WHEN "groups"."approved" IS NOT "v"."approved" THEN 1 ELSE 0 END, CAST("groups"."approved" AS TEXT) \
        FROM "v" LEFT JOIN "groups" ON "groups"."link" = "v"."link"
        """)
        XCTAssertEqual(statements[0].arguments, [.integer(0), .text("https://a.example/1"), .text("It's"), .boolean(false)])
    }

    func testPostgresCastsEveryArgument() throws {
        let plan = try plan()
        let groups = try XCTUnwrap(plan.tables.first { $0.name == "groups" })
        let sql = Reconciler(plan: plan, engine: .postgres).compare(groups)[0].sql
        XCTAssertTrue(sql.contains("(VALUES (CAST($1 AS bigint), CAST($2 AS text), CAST($3 AS text), CAST($4 AS boolean)))"), sql)
        XCTAssertTrue(sql.contains("CASE WHEN CAST(\"groups\".\"approved\" AS boolean) IS DISTINCT FROM CAST(\"v\".\"approved\" AS boolean)"), sql)
    }

    func testChangesFromResults() throws {
        let plan = try plan()
        let groups = try XCTUnwrap(plan.tables.first { $0.name == "groups" })
        let reconciler = Reconciler(plan: plan, engine: .sqlite)
        let changes = reconciler.changes(of: groups, results: [
            ["0", "1", "1", "Its", "0", "0"],
            ["1", "0", "0", nil],
            ["0", "1", "0", "It's", "0", "0"],
        ], owned: ["https://a.example/1", "https://a.example/old"], prune: true)
        XCTAssertEqual(changes.inserts, [1])
        XCTAssertEqual(changes.updates.map(\.row), [0])
        XCTAssertEqual(changes.updates[0].columns.map(\.column), [1])
        XCTAssertEqual(changes.updates[0].columns[0].old, "Its")
        XCTAssertEqual(changes.prunes, ["https://a.example/old"])
        XCTAssertEqual(ChangeReport.text([changes]), """
        groups:
          + "https://a.example/2"
          ~ "https://a.example/1": name: "Its" -> "It's"
          - "https://a.example/old"
        1 to insert, 1 to update, 1 to prune

        """)
    }

    func testApplyBindsHashedSecretsInTheScriptsBatches() throws {
        let plan = try plan()
        let users = try XCTUnwrap(plan.tables.first { $0.name == "users" })
        var writer = Reconciler(plan: plan, engine: .sqlite).writer(for: users, fresh: false)
        XCTAssertEqual(writer.batches([0]), [[0]])
        let writes = writer.statements(for: [0], secrets: [0: [1: "$2b$12$hash"]])
        XCTAssertEqual(writes.map(\.effect), [.claim, .insert])
        XCTAssertEqual(writes[1].statement.sql, """
        WITH "v" ("username", "password_hash") AS (VALUES
          (?1, ?2))
        INSERT INTO "users" ("username", "password_hash") SELECT "v"."username", "v"."password_hash" FROM "v" LEFT JOIN "seedc_keys" ON "seedc_keys"."username" = "v"."username" WHERE "seedc_keys"."username" IS NULL
        """)
        XCTAssertEqual(writes[1].statement.arguments, [.text("admin"), .text("$2b$12$hash")])
        // The claim binds the key, the ledger key and the hash: every argument.
        XCTAssertEqual(writes[0].statement.arguments, [.text("admin"), .text("$2b$12$hash"), .text("admin"), .text(users.rows[0].valueHash)])
        XCTAssertEqual(ChangeReport.text([{ var c = TableChanges(table: users); c.inserts = [0]; return c }()]),
                       "users:\n  + \"admin\" (password <from env ADMIN_PASSWORD>)\n1 to insert, 0 to update, 0 to prune\n")
    }

    func testASecretIsNeverComparedOrRestored() throws {
        var users = try XCTUnwrap(plan().tables.first { $0.name == "users" })
        users.onConflict = .update
        var writer = TableWriter(table: users, engine: .sqlite)
        XCTAssertEqual(writer.statements(for: [0]).map(\.effect), [.insert, .claim])
    }

    func testBatchesOfAShapeShareOneTextAndPostgreSQLBindsDollarNumbers() throws {
        let plan = try plan()
        let groups = try XCTUnwrap(plan.tables.first { $0.name == "groups" })
        var writer = Reconciler(plan: plan, engine: .postgres).writer(for: groups, fresh: false)
        let first = writer.statements(for: [0])
        XCTAssertEqual(first.map(\.effect), [.insert, .update, .claim])
        XCTAssertEqual(writer.statements(for: [0]).map(\.statement.sql), first.map(\.statement.sql))
        XCTAssertTrue(first[0].statement.sql.contains("(CAST($1 AS text), CAST($2 AS text), CAST($3 AS boolean))"), first[0].statement.sql)
        // Rows 0 and 1 set different columns: one batch each.
        XCTAssertEqual(writer.batches([0, 1]), [[0], [1]])
        // An empty table has nothing to restore.
        var fresh = Reconciler(plan: plan, engine: .postgres).writer(for: groups, fresh: true)
        XCTAssertEqual(fresh.statements(for: [0]).map(\.effect), [.insert, .claim])
    }

    func testCompositeKeysInTheLedgerAreJSONArrays() {
        let row = PlannedRow(key: ["Ann \"A\"", "Red Cross"], cells: [], columns: [])
        XCTAssertEqual(row.keyText, #"["Ann \"A\"","Red Cross"]"#)
        XCTAssertEqual(Reconciler.keyValues(row.keyText, count: 2), ["Ann \"A\"", "Red Cross"])
    }
}
