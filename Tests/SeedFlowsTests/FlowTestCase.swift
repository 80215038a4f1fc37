import Foundation
import SeedCompiler
import SeedDatabase
@testable import SeedFlows
import XCTest

/// Runs flows in-process on real folders and real SQLite files, with a reporter whose
/// output the test reads.
class FlowTestCase: XCTestCase {
    /// What a reporter wrote, per stream.
    final class Transcript: @unchecked Sendable {
        var output = ""
        var error = ""
    }

    var root: URL!
    let transcript = Transcript()

    func reporter(_ format: Reporter.Format = .text) -> Reporter {
        let transcript = transcript
        return Reporter(format: format) { stream, text in
            if stream == .output { transcript.output += text } else { transcript.error += text }
        }
    }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("seedflows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let folder = root!
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    }

    var content: ContentLocation { ContentLocation(root: root.path) }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A SQLite database in the root made by `statements`.
    func database(_ statements: [String], name: String = "app.db") throws -> DatabaseChoice {
        let path = root.appendingPathComponent(name).path
        let connection = try SQLiteConnection(path: path, create: true)
        for sql in statements { try connection.execute(RenderedStatement(sql: sql)) }
        return DatabaseChoice(path, environment: [:])
    }

    /// The rows of a query on the root's database, as text.
    func rows(_ sql: String, in name: String = "app.db") throws -> [[String?]] {
        try SQLiteConnection(path: root.appendingPathComponent(name).path, create: false).fetch(RenderedStatement(sql: sql))
    }

    /// The ids of the problems a failure carries.
    func ids(of body: () throws -> Void) -> [String] {
        do {
            try body()
            XCTFail("expected a failure")
            return []
        } catch {
            return CommandFailure.diagnostics(of: error).0.map(\.id.rawValue)
        }
    }

    /// A blog: users and the posts they wrote, the reference by the author's email.
    static let blog = """
        seed:
          tables:
            users:
              key: email
              columns:
                email: {type: text, required: true}
                name: {type: text}
            posts:
              key: slug
              columns:
                slug: {type: text, required: true}
                title: {type: text, required: true}
                author_id: {type: text, references: users.id}
          records:
            users:
              - email: ana@example.org
                name: Ana
            posts:
              - slug: hello
                title: Hello
                author_id: ana@example.org

        """

    static let blogTables = [
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT)",
        "CREATE TABLE posts (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL, author_id INTEGER REFERENCES users(id))",
    ]
}
