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

    @discardableResult
    func assertGolden(_ name: String, prepare: (URL) throws -> Void = { _ in }, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let actual = try runCase(name, prepare: prepare)
        defer { XCTAssertFalse(actual.contains(Self.secret), "\(name): a byte of a file outside the root was printed", file: file, line: line) }
        let expectedURL = Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["SEEDC_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: expectedURL)
            return actual
        }
        let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "(no expected.txt)"
        XCTAssertEqual(actual, expected, "\(name): output differs from \(expectedURL.path)", file: file, line: line)
        return actual
    }

    /// What the files outside the root hold: it must never appear in any output.
    static let secret = "SECRET_TOKEN=hunter2-outside-the-root"

    /// Files beside the case's root (outside it): a secret, YAML records and markdown
    /// that would compile if they were read, so only confinement keeps them out.
    static func makeOutside(beside root: URL) throws -> URL {
        let outside = root.deletingLastPathComponent().appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("\(secret)\n: not yaml [\n".utf8).write(to: outside.appendingPathComponent(".env"))
        try Data("t:\n  - k: \(secret)\n".utf8).write(to: outside.appendingPathComponent("records.yaml"))
        try Data("t:\n  - k: \(secret)\n".utf8).write(to: outside.appendingPathComponent("sub/deep.yaml"))
        try Data("---\ntitle: \(secret)\n---\n\(secret)\n".utf8).write(to: outside.appendingPathComponent("page.md"))
        return outside
    }

    /// Symbolic links committed inside the root that lead out of it, to a file and to
    /// folders (a glob's folder, a folder under `**`, a collection): each is an
    /// `outside-root` error naming the link as written, or (under `**`) not entered.
    func testSymlinksLeadingOutside() throws {
        try assertGolden("symlink-outside") { root in
            let outside = try Self.makeOutside(beside: root)
            let link = { (path: String, target: URL) in
                try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target.path)
            }
            for folder in ["records", "deep/real", "pages"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try Data("""
            seed:
              include: [records/*.yaml, env.yaml, linked/*.yaml, "deep/**/*.yaml"]
              tables:
                t: {key: k, columns: {k: text}}
                s: {key: slug, source: sectors/, columns: {slug: text, title: text}}
                p: {key: slug, source: pages/, columns: {slug: text, title: text}}

            """.utf8).write(to: root.appendingPathComponent("content.yaml"))
            try Data("t:\n  - k: inside\n".utf8).write(to: root.appendingPathComponent("records/ok.yaml"))
            try Data("t:\n  - k: deep inside\n".utf8).write(to: root.appendingPathComponent("deep/real/ok.yaml"))
            try link("records/x.yaml", outside.appendingPathComponent(".env"))
            try link("env.yaml", outside.appendingPathComponent(".env"))
            try link("linked", outside)
            try link("deep/sub", outside.appendingPathComponent("sub"))
            try link("sectors", outside)
            try link("pages/secret.md", outside.appendingPathComponent("page.md"))
        }
    }

    /// content.yaml itself as a link to a file outside.
    func testContentYAMLLinkedOutside() throws {
        try assertGolden("symlink-content") { root in
            let outside = try Self.makeOutside(beside: root)
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content.yaml").path,
                                                       withDestinationPath: outside.appendingPathComponent(".env").path)
        }
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
