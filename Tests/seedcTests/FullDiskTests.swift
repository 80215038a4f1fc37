import Foundation
import XCTest

/// `seedc build` on a full filesystem: `seeds/` is replaced whole or not at all.
final class FullDiskTests: SeedcTestCase {
    func testFullDiskLeavesOldSeedsExactly() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
        let root = try copyContent(reversed: false)
        let seeds = root.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try mount(tmpfsOf: "256k", at: seeds)
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        let before = try outputs(root)

        // A long value makes every output grow past what the filesystem has left.
        let content = root.appendingPathComponent("content.yaml")
        let long = String(repeating: "Water trucking schedule for every parish. ", count: 1_000)
        let text = try String(contentsOf: content, encoding: .utf8)
            .replacingOccurrences(of: "notes: \"Strings that YAML 1.1", with: "notes: \"\(long)Strings that YAML 1.1")
        XCTAssertNotEqual(text, try String(contentsOf: content, encoding: .utf8))
        try text.write(to: content, atomically: true, encoding: .utf8)

        let run = try seedc(["build", "--root", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("seedc: error: cannot write seeds/"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix(": No space left on device [write-failed]\n"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted(), before.keys.sorted(), "temporary files left behind")
        XCTAssertEqual(try outputs(root), before, "seeds/ changed")
    }

    /// Rows spilled past `SEEDC_ROW_MEMORY` into a full temporary folder: a clear
    /// error, and seeds/ (and the database) left exactly as they were.
    func testFullTemporaryFolderForSpilledRowsWritesNothing() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
        let root = try copyContent(reversed: false)
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        let before = try outputs(root)
        let temporary = try temporaryFolder()
        try mount(tmpfsOf: "16k", at: temporary)
        let content = root.appendingPathComponent("content.yaml")
        let long = String(repeating: "Water trucking schedule for every parish. ", count: 1_000)
        let text = try String(contentsOf: content, encoding: .utf8)
            .replacingOccurrences(of: "notes: \"Strings that YAML 1.1", with: "notes: \"\(long)Strings that YAML 1.1")
        try text.write(to: content, atomically: true, encoding: .utf8)
        let environment = ["SEEDC_ROW_MEMORY": "0", "TMPDIR": temporary.path]

        let build = try seedc(["build", "--root", root.path], environment: environment)
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains("error: cannot keep the planned rows in a temporary file: No space left on device (in \(temporary.path); set TMPDIR to a folder with room) [spill-failed]"), build.stderr)
        XCTAssertEqual(try outputs(root), before, "seeds/ changed")

        let database = root.appendingPathComponent("app.db").path
        let apply = try seedc(["apply", "--root", root.path, "--database", database, "--create-tables"], environment: environment)
        XCTAssertEqual(apply.status, 1)
        XCTAssertTrue(apply.stderr.contains("[spill-failed]"), apply.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: database), "apply created the database before the content compiled")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "a temporary file was left behind")
    }

    private func mount(tmpfsOf size: String, at folder: URL) throws {
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("cannot mount a tmpfs here (mount exited \(mount.terminationStatus))") }
        addTeardownBlock {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [folder.path]
            try? umount.run()
            umount.waitUntilExit()
        }
    }
}
