import SeedCompiler
import SeedDatabase
@testable import SeedFiles
@testable import SeedFlows
import XCTest

/// Every message goes through the reporter, in the format asked for.
final class ReporterTests: FlowTestCase {
    func testTextReadsLikeACompiler() {
        let reporter = reporter()
        reporter.warning(.unsetPassword, "users \"ana\" skipped")
        reporter.summary("4 records in 2 tables")
        reporter.details("--- a/seeds/x\n")
        XCTAssertEqual(transcript.error, "seedc: warning: users \"ana\" skipped [unset-password]\n--- a/seeds/x\n")
        XCTAssertEqual(transcript.output, "seedc: 4 records in 2 tables\n")
    }

    func testJSONIsOneObjectALine() {
        let reporter = reporter(.json)
        reporter.warning(.unsetPassword, "users \"ana\" skipped")
        reporter.summary("done")
        reporter.details("a diff that is not JSON\n")
        XCTAssertEqual(transcript.error, #"{"severity":"warning","id":"unset-password","message":"users \"ana\" skipped"}"# + "\n")
        XCTAssertEqual(transcript.output, #"{"summary":"done"}"# + "\n")
    }

    func testGitHubAnnotates() {
        reporter(.github).failure(CommandFailure(.staleOutput, "seeds/ is not current"))
        XCTAssertEqual(transcript.error, "::error title=stale-output::seeds/ is not current\n")
    }

    func testProblemsInTheContentShowTheirLineAndACount() {
        let source = InputFile(path: "content.yaml", bytes: Array("seed:\n  tables: 3\n".utf8))
        reporter().failure(CommandFailure([.error(.invalidSchema, "tables must be a mapping", at: SourceLocation(file: "content.yaml", start: SourcePosition(line: 2, column: 11)))], sources: ["content.yaml": source.source]))
        XCTAssertEqual(transcript.error, """
            content.yaml:2:11: error: tables must be a mapping [invalid-schema]
                  tables: 3
                          ^
            1 error, 0 warnings

            """)
    }

    func testEveryErrorGetsItsID() {
        XCTAssertEqual(CommandFailure.diagnostics(of: DatabaseError(target: .sqlite(path: "/x/app.db"), error: DatabaseFailure(message: "no such table: t"))).0.map(\.message),
                       ["sqlite:/x/app.db: no such table: t"])
        XCTAssertEqual(CommandFailure.diagnostics(of: DatabaseError(target: .postgres(url: "postgres://u:secret@h/db"), error: DatabaseFailure(message: "refused"))).0.map(\.id), [.databaseError])
        XCTAssertFalse(CommandFailure.diagnostics(of: DatabaseError(target: .postgres(url: "postgres://u:secret@h/db"), error: DatabaseFailure(message: "refused"))).0[0].message.contains("secret"))
        XCTAssertEqual(CommandFailure.diagnostics(of: OutputWriter.Failure(file: "seeds/sqlite.sql", cause: "No space left on device")).0.map(\.id), [.writeFailed])
        XCTAssertEqual(CommandFailure.diagnostics(of: SeedPlan.spillFailed("disk full")).0.map(\.id), [.spillFailed])
    }

    func testProgressIsClearedBeforeTheNextMessage() {
        let reporter = Reporter(progress: true) { [transcript] stream, text in
            if stream == .output { transcript.output += text } else { transcript.error += text }
        }
        reporter.progress(table: "posts", done: 10, total: 100)
        XCTAssertEqual(transcript.error, "", "no line for a small table")
        reporter.progress(table: "posts", done: 5_000, total: 10_000)
        reporter.summary("done")
        XCTAssertEqual(transcript.error, "\r\u{1B}[Kseedc: posts 5000/10000\r\u{1B}[K")
        XCTAssertEqual(transcript.output, "seedc: done\n")
    }
}
