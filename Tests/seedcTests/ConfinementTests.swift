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
