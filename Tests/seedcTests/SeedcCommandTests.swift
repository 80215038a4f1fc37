import Foundation
import XCTest

/// End to end: the built `seedc` binary on real folders.
final class SeedcCommandTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let contentItems = ["content.yaml", "sectors", "announcements", "records"]

    var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SEEDC_BIN"] { return URL(fileURLWithPath: path) }
        return Self.repository.appendingPathComponent(".build/debug/seedc")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func seedc(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("seedc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A copy of the repository's content, its files created in the given order.
    func copyContent(reversed: Bool) throws -> URL {
        let root = try temporaryFolder()
        var files: [String] = []
        for item in Self.contentItems {
            let source = Self.repository.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(item), withIntermediateDirectories: true)
                files += try FileManager.default.contentsOfDirectory(atPath: source.path).map { "\(item)/\($0)" }
            } else {
                files.append(item)
            }
        }
        for (index, file) in (reversed ? files.sorted().reversed() : files.sorted()).enumerated() {
            let target = root.appendingPathComponent(file)
            try Data(contentsOf: Self.repository.appendingPathComponent(file)).write(to: target)
            let date = Date(timeIntervalSince1970: reversed ? 1_000_000 * Double(index) : 2_000_000_000 - Double(index))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: target.path)
        }
        return root
    }

    func outputs(_ root: URL) throws -> [String: Data] {
        let folder = root.appendingPathComponent("seeds")
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

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
        XCTAssertEqual(a.keys.sorted(), ["manifest.json", "postgres.sql", "seed_initial_data.py", "sqlite.sql"])
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
        XCTAssertTrue(run.stderr.contains("content.yaml:199:17: error: whatsapp_groups[1] (https://chat.whatsapp.com/ExampleWash02).sector: unknown sector \"Wash\" (did you mean \"WASH\"?)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("        sector: Wash\n                ^~~~\n"), run.stderr)
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
        XCTAssertTrue(run.stderr.contains("\n+INSERT INTO \"contacts\""), run.stderr)
        XCTAssertTrue(run.stderr.contains("seeds/ is not current"), run.stderr)
    }

    func testJSONAndGitHubFormats() throws {
        let root = try temporaryFolder()
        try Data("seed:\n  tables:\n    t:\n      key: k\n      columns: {k: text}\n  records:\n    t:\n      - {k: a, x: 1}\n".utf8).write(to: root.appendingPathComponent("content.yaml"))
        let json = try seedc(["check", "--root", root.path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(json.stderr, "{\"file\":\"content.yaml\",\"line\":8,\"column\":17,\"end\":{\"line\":8,\"column\":18},\"severity\":\"error\",\"id\":\"unknown-field\",\"message\":\"t[0] (a): unknown field \\\"x\\\"; t has k\"}\n")
        let github = try seedc(["check", "--root", root.path, "--format", "github"])
        XCTAssertEqual(github.stderr, "::error file=content.yaml,line=8,col=17,endLine=8,endColumn=18,title=unknown-field::t[0] (a): unknown field \"x\"; t has k\n")
    }

    func testMissingContentFile() throws {
        let root = try temporaryFolder()
        let run = try seedc(["build", "--root", root.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("content.yaml:1:1: error: cannot read content.yaml: No such file or directory"), run.stderr)
    }
}
