import Foundation
import XCTest

/// The hostile and broken input corpus (Tests/Corpus): each case is built with
/// `seedc build`; its exit status and everything printed on standard error must equal
/// the case's `expected.txt`, and a failing case must leave no seeds/ behind.
/// `SEEDC_UPDATE_GOLDEN=1` rewrites the expectations (review the diff before committing).
final class HostileInputTests: SeedcTestCase {
    static let corpus = repository.appendingPathComponent("Tests/Corpus")

    /// Copies a committed case to a temporary folder and builds it there.
    func runCase(_ name: String, prepare: (URL) throws -> Void = { _ in }) throws -> String {
        let root = try temporaryFolder().appendingPathComponent(name)
        let source = Self.corpus.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: source.path) {
            try FileManager.default.copyItem(at: source, to: root)
            try? FileManager.default.removeItem(at: root.appendingPathComponent("expected.txt"))
        } else {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }
        try prepare(root)
        let run = try seedc(["build", "--root", root.path], environment: ["NO_COLOR": "1"])
        let seeds = FileManager.default.fileExists(atPath: root.appendingPathComponent("seeds").path)
        XCTAssertEqual(seeds, run.status == 0, "\(name): seeds/ must exist exactly when the build succeeds")
        return "exit \(run.status)\n" + run.stderr
    }

    func assertGolden(_ name: String, prepare: (URL) throws -> Void = { _ in }, file: StaticString = #filePath, line: UInt = #line) throws {
        let actual = try runCase(name, prepare: prepare)
        let expectedURL = Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["SEEDC_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: expectedURL)
            return
        }
        let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "(no expected.txt)"
        XCTAssertEqual(actual, expected, "\(name): output differs from \(expectedURL.path)", file: file, line: line)
    }

    func testCommittedCases() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
            FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent($0).appendingPathComponent("content.yaml").path)
        }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 15)
        for name in cases { try assertGolden(name) }
    }

    func testHugeScalar() throws {
        try assertGolden("huge-scalar") { root in
            let text = "seed:\n  tables: {t: {key: k, columns: {k: text}}}\n  records:\n    t:\n      - k: \"" + String(repeating: "x", count: 10 << 20) + "\"\n"
            try Data(text.utf8).write(to: root.appendingPathComponent("content.yaml"))
        }
    }

    func testUnreadableContent() throws {
        try assertGolden("unreadable-file") { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content.yaml"), withIntermediateDirectories: true)
        }
    }

    func testSymlinkLoopInCollection() throws {
        try assertGolden("symlink-loop") { root in
            let sectors = root.appendingPathComponent("sectors")
            try FileManager.default.createDirectory(at: sectors, withIntermediateDirectories: true)
            try Data("seed:\n  tables:\n    s:\n      key: slug\n      source: sectors/\n      columns: {slug: text, title: text}\n".utf8)
                .write(to: root.appendingPathComponent("content.yaml"))
            try Data("---\ntitle: Fine\n---\n".utf8).write(to: sectors.appendingPathComponent("fine.md"))
            try FileManager.default.createSymbolicLink(atPath: sectors.appendingPathComponent("loop").path, withDestinationPath: ".")
            try FileManager.default.createSymbolicLink(atPath: sectors.appendingPathComponent("self.md").path, withDestinationPath: "self.md")
        }
    }
}
