import Foundation
import XCTest

/// Files named on the command line obey the content-root rule too: the `--schema`
/// file and capture's `--into` target must resolve inside the root, and a refused
/// file's contents are never printed.
final class ConfinementTests: SeedcTestCase {
    /// A root with valid content and, beside it, the outside files of the hostile corpus.
    func makeRoot() throws -> (root: URL, outside: URL) {
        let root = try temporaryFolder().appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("seed:\n  tables:\n    t: {key: k, columns: {k: text}}\n  records:\n    t:\n      - k: a\n".utf8)
            .write(to: root.appendingPathComponent("content.yaml"))
        return (root, try HostileInputTests.makeOutside(beside: root))
    }

    func testSchemaFileOutsideTheRootIsRefused() throws {
        let (root, outside) = try makeRoot()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("schema.yaml").path,
                                                   withDestinationPath: outside.appendingPathComponent(".env").path)
        for schema in [outside.appendingPathComponent(".env").path, root.appendingPathComponent("schema.yaml").path] {
            let run = try seedc(["build", "--root", root.path, "--schema", schema], environment: ["NO_COLOR": "1"])
            XCTAssertEqual(run.status, 1)
            XCTAssertTrue(run.stderr.contains("\"\(schema)\" is outside the content root"), run.stderr)
            XCTAssertTrue(run.stderr.contains("[outside-root]"), run.stderr)
            XCTAssertFalse(run.stderr.contains("hunter2"), run.stderr)
        }
        // Inside the root it is read as before.
        try Data("seed:\n  tables:\n    t: {key: k, columns: {k: text}}\n".utf8).write(to: root.appendingPathComponent("own-schema.yaml"))
        let run = try seedc(["build", "--root", root.path, "--schema", root.appendingPathComponent("own-schema.yaml").path])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    /// seeds/ is inside the content: a committed link there must not make `build` write
    /// outside the root nor `check` print an outside file in its diff.
    func testSeedsLinkedOutsideAreNeitherWrittenNorRead() throws {
        let (root, outside) = try makeRoot()
        let seeds = root.appendingPathComponent("seeds")
        try FileManager.default.createSymbolicLink(atPath: seeds.path, withDestinationPath: outside.path)
        for command in ["build", "check"] {
            let run = try seedc([command, "--root", root.path])
            XCTAssertEqual(run.status, 1, command)
            XCTAssertTrue(run.stderr.contains("seeds/ leads outside the content root"), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.appendingPathComponent("sqlite.sql").path))
        try FileManager.default.removeItem(at: seeds)
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        try FileManager.default.removeItem(at: seeds.appendingPathComponent("sqlite.sql"))
        try FileManager.default.createSymbolicLink(atPath: seeds.appendingPathComponent("sqlite.sql").path,
                                                   withDestinationPath: outside.appendingPathComponent(".env").path)
        let run = try seedc(["check", "--root", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("seeds/sqlite.sql: a symbolic link, not a file seedc wrote"), run.stderr)
        XCTAssertFalse(run.stderr.contains("hunter2"), run.stderr)
    }

    func testCaptureIntoOutsideTheRootIsRefused() throws {
        let (root, outside) = try makeRoot()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: outside.path)
        let before = try Data(contentsOf: outside.appendingPathComponent("records.yaml"))
        for into in ["../outside/records.yaml", outside.appendingPathComponent("records.yaml").path, "linked/records.yaml", "linked/new/x.yaml"] {
            let run = try seedc(["capture", "--root", root.path, "--into", into, "--database", root.appendingPathComponent("none.db").path])
            XCTAssertEqual(run.status, 1, into)
            XCTAssertTrue(run.stderr.contains("--into \"\(into)\" is outside the content root"), run.stderr)
            XCTAssertFalse(run.stderr.contains("hunter2"), run.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: outside.appendingPathComponent("records.yaml")), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.appendingPathComponent("new").path))
    }
}
