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
        XCTAssertTrue(run.stderr.hasSuffix(": No space left on device\n"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted(), before.keys.sorted(), "temporary files left behind")
        XCTAssertEqual(try outputs(root), before, "seeds/ changed")
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
