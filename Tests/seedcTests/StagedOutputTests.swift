import Foundation
import XCTest

/// `build` and `check` compare each output with its file while rendering: a file
/// that differs anywhere, is longer or shorter, is rewritten or reported; an
/// unchanged one is left alone.
final class StagedOutputTests: SeedcTestCase {
    /// A root whose outputs are several 64 KB chunks long, built once.
    private func builtRoot() throws -> URL {
        let root = try temporaryFolder()
        var text = "seed:\n  tables:\n    notes:\n      key: slug\n      columns: {slug: text, body: text}\n  records:\n    notes:\n"
        for index in 0..<2_000 {
            text += "      - {slug: note-\(index), body: \"\(String(repeating: "body text ", count: 10))\"}\n"
        }
        try Data(text.utf8).write(to: root.appendingPathComponent("content.yaml"))
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        return root
    }

    func testFilesChangedAtAnyPointAreRewrittenWhole() throws {
        let root = try builtRoot()
        let built = try outputs(root)
        XCTAssertGreaterThan(built["sqlite.sql"]!.count, 200_000)
        let seeds = root.appendingPathComponent("seeds")
        // Late in the file (after several equal chunks), longer, shorter.
        var late = built["sqlite.sql"]!
        late[late.count - 100] = UInt8(ascii: "#")
        try late.write(to: seeds.appendingPathComponent("sqlite.sql"))
        try (built["postgres.sql"]! + Data("-- more\n".utf8)).write(to: seeds.appendingPathComponent("postgres.sql"))
        try built["seed_initial_data.jsonl"]!.prefix(150_000).write(to: seeds.appendingPathComponent("seed_initial_data.jsonl"))
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: seeds.appendingPathComponent("manifest.json").path)

        let check = try seedc(["check", "--root", root.path])
        XCTAssertEqual(check.status, 1)
        for name in ["sqlite.sql", "postgres.sql", "seed_initial_data.jsonl"] {
            XCTAssertTrue(check.stderr.contains("--- a/seeds/\(name)\n+++ b/seeds/\(name)\n"), name)
        }
        XCTAssertFalse(check.stderr.contains("manifest.json"), check.stderr)

        let run = try seedc(["build", "--root", root.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("wrote postgres.sql, seed_initial_data.jsonl, sqlite.sql\n"), run.stdout)
        XCTAssertEqual(try outputs(root), built)
        let modified = try FileManager.default.attributesOfItem(atPath: seeds.appendingPathComponent("manifest.json").path)[.modificationDate] as? Date
        XCTAssertEqual(modified, old)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted(), built.keys.sorted(), "temporary files left behind")
        XCTAssertEqual(try seedc(["check", "--root", root.path]).status, 0)
    }

    func testCheckReportsLinksAndMissingFilesWithoutRenderingThem() throws {
        let root = try builtRoot()
        let seeds = root.appendingPathComponent("seeds")
        try FileManager.default.removeItem(at: seeds.appendingPathComponent("sqlite.sql"))
        try FileManager.default.removeItem(at: seeds.appendingPathComponent("postgres.sql"))
        try FileManager.default.createSymbolicLink(atPath: seeds.appendingPathComponent("postgres.sql").path, withDestinationPath: "seed_initial_data.jsonl")
        let check = try seedc(["check", "--root", root.path])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.hasPrefix("seeds/postgres.sql: a symbolic link, not a file seedc wrote"), check.stderr)
        XCTAssertTrue(check.stderr.contains("\nseeds/sqlite.sql: missing\n"), check.stderr)
        // build replaces the link with the file itself.
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: seeds.appendingPathComponent("postgres.sql").path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeRegular)
        XCTAssertEqual(try seedc(["check", "--root", root.path]).status, 0)
    }
}
