import Foundation
import XCTest

/// The hostile and broken input corpus (Tests/Corpus): each case is built with
/// `seedc build`; its exit status and everything printed on standard error must equal
/// the case's `expected.txt`, and a failing case must leave no seeds/ behind.
/// `SEEDC_UPDATE_GOLDEN=1` rewrites the expectations (review the diff before committing).
final class HostileInputTests: SeedcTestCase {
    static let corpus = repository.appendingPathComponent("Tests/Corpus")

    /// Copies a committed case to a temporary folder and builds it there: what it
    /// printed, and the folder.
    func runCase(_ name: String, prepare: (URL) throws -> Void = { _ in }) throws -> (output: String, root: URL) {
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
        return ("exit \(run.status)\n" + run.stderr, root)
    }

    /// Builds a case and compares what it printed with its expected.txt: the folder.
    @discardableResult
    func assertGolden(_ name: String, prepare: (URL) throws -> Void = { _ in }, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let (actual, root) = try runCase(name, prepare: prepare)
        defer { XCTAssertFalse(actual.contains(Self.secret), "\(name): a byte of a file outside the root was printed", file: file, line: line) }
        let expectedURL = Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt")
        try Golden.assertMatches(actual, expectedURL, "\(name): output", file: file, line: line)
        return root
    }

    /// The rows of seeds/seed_initial_data.jsonl by table, each without its value hash.
    func seedRows(_ root: URL) throws -> [String: [[String?]]] {
        let lines = try String(contentsOf: root.appendingPathComponent("seeds/seed_initial_data.jsonl"), encoding: .utf8).split(separator: "\n")
        var rows: [String: [[String?]]] = [:]
        for line in lines {
            guard let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any], entry.first as? String == "batch",
                  let table = entry[1] as? String, let batch = entry.last as? [[Any]] else { continue }
            rows[table, default: []] += batch.map { $0.dropLast().map { $0 as? String } }
        }
        return rows
    }

    /// A byte-order mark before `seed:`, and CRLF line ends in content.yaml and in a
    /// markdown file: the values reach every output without the mark or a CR.
    func testBOMAndCRLFValuesReachTheOutputs() throws {
        let bom = try assertGolden("bom")
        XCTAssertEqual(try seedRows(bom), ["notes": [["café", "ok", "café"]]])
        let crlf = try assertGolden("crlf")
        XCTAssertEqual(try seedRows(crlf), ["notes": [["a", "two\nlines\n", "a"]],
                                            "sectors": [["health", "Health", "<p>Body <a href=\"#\">x</a></p>\n", "health"]]])
        for (root, value) in [(bom, "'café'"), (crlf, "'two\nlines\n'")] {
            for name in ["sqlite.sql", "postgres.sql", "seed_initial_data.jsonl"] {
                let text = try String(contentsOf: root.appendingPathComponent("seeds").appendingPathComponent(name), encoding: .utf8)
                XCTAssertFalse(text.unicodeScalars.contains("\u{FEFF}") || text.utf8.contains(13), "\(root.lastPathComponent)/seeds/\(name)")
                if name.hasSuffix(".sql") { XCTAssertTrue(text.contains(value), "\(root.lastPathComponent)/seeds/\(name) lacks \(value)") }
            }
        }
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
