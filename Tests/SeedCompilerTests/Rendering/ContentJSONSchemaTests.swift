@testable import SeedCompiler
import Foundation
import XCTest

/// `seedc schema` states what the schema reader reads: the same option names, the
/// same type names and choices, and the records of the declared tables.
final class ContentJSONSchemaTests: XCTestCase {
    func schema() throws -> [String: Any] {
        let document = ContentDocument(InputFile(path: "content.yaml", bytes: Array("""
        seed:
          tables:
            posts:
              key: slug
              columns:
                slug: {type: text, required: true, pattern: "[a-z]+"}
                status: {type: text, enum: [draft, live], required: true, default: draft}
                body_html: {type: html, from: body}
                tags: list
        """.utf8)))
        XCTAssertEqual(document.diagnostics.map(\.message), [])
        let text = ContentJSONSchema.render(document.schema)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testOptionsAndTypesAreTheReadersOwn() throws {
        let defs = try XCTUnwrap(try schema()["$defs"] as? [String: Any])
        func properties(_ name: String) throws -> [String: Any] {
            try XCTUnwrap((defs[name] as? [String: Any])?["properties"] as? [String: Any])
        }
        XCTAssertEqual(try properties("seed").keys.sorted(), SchemaReader.seedKeys.sorted())
        XCTAssertEqual(try properties("table").keys.sorted(), SchemaReader.tableKeys.sorted())
        XCTAssertEqual(try properties("column").keys.sorted(), SchemaReader.columnKeys.sorted())
        let type = try XCTUnwrap(try properties("column")["type"] as? [String: Any])
        XCTAssertEqual(type["enum"] as? [String], ColumnType.allCases.map(\.rawValue))
        let onConflict = try XCTUnwrap(try properties("table")["on_conflict"] as? [String: Any])
        XCTAssertEqual(onConflict["enum"] as? [String], ["update", "keep"])
    }

    func testRecordsOfEachTable() throws {
        let schema = try schema()
        XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let defs = try XCTUnwrap(schema["$defs"] as? [String: Any])
        let record = try XCTUnwrap(defs["record.posts"] as? [String: Any])
        // body_html is rendered from body, so a record writes body; status has a default.
        XCTAssertEqual((record["properties"] as? [String: Any])?.keys.sorted(), ["body", "slug", "status", "tags"])
        XCTAssertEqual(record["required"] as? [String], ["slug"])
        XCTAssertEqual(record["additionalProperties"] as? Bool, false)
        let records = try XCTUnwrap((defs["records"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual(records.keys.sorted(), ["posts"])
    }
}
