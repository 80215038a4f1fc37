import Foundation
import XCTest

/// End to end: the built `seedc` binary on copies of the repository's content.
final class SeedcCommandTests: SeedcTestCase {
    func testRepositorySeedsAreCurrent() throws {
        let run = try seedc(["check", "--root", Self.repository.path])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testOutputIsByteIdenticalWhateverTheMachine() throws {
        let first = try copyContent(reversed: false)
        let second = try copyContent(reversed: true)
        XCTAssertEqual(try seedc(["build", "--root", first.path], environment: ["TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"]).status, 0)
        XCTAssertEqual(try seedc(["build", "--root", second.path], environment: ["TZ": "America/Jamaica", "LANG": "C", "LC_ALL": "C"]).status, 0)
        let a = try outputs(first), b = try outputs(second)
        XCTAssertEqual(a.keys.sorted(), ["manifest.json", "postgres.sql", "seed_initial_data.jsonl", "seed_initial_data.py", "sqlite.sql"])
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, try outputs(Self.repository), "the committed seeds/ differ from a fresh build")
        for (name, data) in a {
            XCTAssertFalse(data.contains(0x0D), "\(name) has a CR")
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(first.path), "\(name) holds an absolute path")
        }
    }

    func testUnchangedFilesAreNotRewritten() throws {
        let root = try copyContent(reversed: false)
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        let file = root.appendingPathComponent("seeds/sqlite.sql")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
        let run = try seedc(["build", "--root", root.path])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("already up to date"), run.stdout)
        let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        XCTAssertEqual(modified, old)
    }

    func testInvalidContentWritesNothing() throws {
        let root = try copyContent(reversed: false)
        let content = root.appendingPathComponent("content.yaml")
        let text = try String(contentsOf: content, encoding: .utf8).replacingOccurrences(of: "sector: WASH\n        description: |", with: "sector: Wash\n        description: |")
        try text.write(to: content, atomically: true, encoding: .utf8)
        let run = try seedc(["build", "--root", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("content.yaml:174:17: error: whatsapp_groups[1] (https://chat.whatsapp.com/ExampleWash02).sector: unknown sector \"Wash\" (did you mean \"WASH\"?)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\n            sector: Wash\n                    ^~~~\n"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("1 error, 0 warnings\n"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("seeds").path))
    }

    func testCheckReportsStaleSeedsWithADiff() throws {
        let root = try copyContent(reversed: false)
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        let content = root.appendingPathComponent("content.yaml")
        let text = try String(contentsOf: content, encoding: .utf8).replacingOccurrences(of: "Coordinator", with: "Lead")
        try text.write(to: content, atomically: true, encoding: .utf8)
        let run = try seedc(["check", "--root", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("--- a/seeds/sqlite.sql\n+++ b/seeds/sqlite.sql\n@@"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Lead"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\n-  ("), run.stderr)
        XCTAssertTrue(run.stderr.contains("seeds/ is not current"), run.stderr)
    }

    /// A stale output past a mebibyte is named, with where it starts to differ, not
    /// diffed: a diff would hold both files in memory.
    func testCheckNamesLargeStaleFilesWithoutADiff() throws {
        let root = try copyContent(reversed: false)
        let content = root.appendingPathComponent("content.yaml")
        let long = String(repeating: "Water trucking schedule for every parish. ", count: 30_000)
        let text = try String(contentsOf: content, encoding: .utf8)
            .replacingOccurrences(of: "notes: \"Strings that YAML 1.1", with: "notes: \"\(long)Strings that YAML 1.1")
        try text.write(to: content, atomically: true, encoding: .utf8)
        XCTAssertEqual(try seedc(["build", "--root", root.path]).status, 0)
        try text.replacingOccurrences(of: "Coordinator", with: "Lead").write(to: content, atomically: true, encoding: .utf8)
        let run = try seedc(["check", "--root", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("seeds/sqlite.sql: stale from about line 1 on ("), run.stderr)
        XCTAssertTrue(run.stderr.contains("too large to show a diff here: run `seedc build` and see `git diff`)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("--- a/seeds/manifest.json"), "small files keep their diff: \(run.stderr)")
        XCTAssertFalse(run.stderr.contains("--- a/seeds/sqlite.sql"), run.stderr)
    }

    /// content.yaml is read once when its records come last; when more of the seed
    /// section follows them (here its include pattern), it is read again, whole, and
    /// nothing declared after the records is missed.
    func testSeedSectionAfterTheRecordsIsRead() throws {
        let root = try copyContent(reversed: false)
        let content = root.appendingPathComponent("content.yaml")
        var text = try String(contentsOf: content, encoding: .utf8)
        let include = "  include: [records/*.yaml]          # records that must not be served publicly\n"
        XCTAssertTrue(text.contains(include))
        text = text.replacingOccurrences(of: include, with: "") + include
        try text.write(to: content, atomically: true, encoding: .utf8)
        let run = try seedc(["build", "--root", root.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("seedc: 19 records in 7 tables;"), run.stdout)
    }

    func testJSONAndGitHubFormats() throws {
        let root = try temporaryFolder()
        try Data("seed:\n  tables:\n    t:\n      key: k\n      columns: {k: text}\n  records:\n    t:\n      - {k: a, x: 1}\n".utf8).write(to: root.appendingPathComponent("content.yaml"))
        let json = try seedc(["check", "--root", root.path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(json.stderr, "{\"file\":\"content.yaml\",\"line\":8,\"column\":16,\"end\":{\"line\":8,\"column\":17},\"severity\":\"error\",\"id\":\"unknown-field\",\"message\":\"t[0] (a): unknown field \\\"x\\\"; t has k\"}\n")
        let github = try seedc(["check", "--root", root.path, "--format", "github"])
        XCTAssertEqual(github.stderr, "::error file=content.yaml,line=8,col=16,endLine=8,endColumn=17,title=unknown-field::t[0] (a): unknown field \"x\"; t has k\n")
    }

    func testVersionNamesToolAndContentFormat() throws {
        let run = try seedc(["--version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertNotNil(run.stdout.wholeMatch(of: /seedc [0-9]+\.[0-9]+\.[0-9]+ \(content format 1\)\n/), run.stdout)
        let manifest = try String(contentsOf: Self.repository.appendingPathComponent("seeds/manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"format\": 1,"), manifest)
    }

    func testMissingContentFile() throws {
        let root = try temporaryFolder()
        let run = try seedc(["build", "--root", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("content.yaml:1:1: error: cannot read content.yaml: No such file or directory"), run.stderr)
    }
}
