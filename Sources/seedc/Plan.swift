import ArgumentParser
import Foundation
import SeedCompiler
import SeedDatabase

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what `seedc apply` would do to a database; change nothing.",
        discussion: """
        Prints, per table, each row apply would insert (+ key), update \
        (~ key: column: old -> new) or prune (- key), then the counts. Passwords show \
        as <from env NAME>. The database is only read.

        --format json prints one JSON object instead: pending (true when exiting 2), tables (per table: \
        inserts, updates with each changed column's old and new value, prunes and \
        skipped rows, each by its natural key's values, and the table's totals) and \
        totals. Problems in the content are then JSON lines on standard error.

        Exit status: 0 when there is nothing to do, 2 when changes are pending, 1 on \
        an error (invalid content, a missing table, an unreachable database).

        Examples:
          seedc plan                                   the default SQLite file
          seedc plan --database app.db
          seedc plan --database "$DATABASE_URL" --prune
          seedc plan --format json > plan.json         for a deploy bot or a PR comment
        """
    )

    static let pendingExitCode: Int32 = 2

    @OptionGroup var content: ContentOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard let (read, result) = content.compile(render: false), !result.diagnostics.hasErrors, let plan = result.plan else { throw ExitCode.failure }
        let target = database.target(root: content.rootURL, declared: plan.database)
        do {
            let connection: DatabaseConnection
            if case let .sqlite(path) = target, !FileManager.default.fileExists(atPath: path), database.createTables {
                // Nothing to read: every table would be created and filled.
                connection = try SQLiteConnection(path: ":memory:", create: true)
            } else {
                connection = try target.open(create: false)
            }
            let outcome = try Applier(plan: plan, connection: connection, options: database.applierOptions(for: read.document)).plan()
            if let failure = plan.spillFailure { throw Applier.Failure.unreadableRows(failure) }
            if content.format == .json {
                print(ChangeReport.json(outcome.changes, pending: outcome.hasChanges), terminator: "")
            } else if outcome.upToDate || !outcome.hasChanges && !outcome.changes.contains(where: { !$0.skipped.isEmpty }) {
                print("seedc: nothing to do: \(target) holds the content" + (outcome.upToDate ? " (sha256:\(plan.contentHash.prefix(12)) applied)" : ""))
                return
            } else {
                print(ChangeReport.text(outcome.changes), terminator: "")
            }
            if outcome.hasChanges { throw ExitCode(Self.pendingExitCode) }
        } catch let code as ExitCode {
            throw code
        } catch let Applier.Failure.unstableReferences(problems) {
            content.report(problems, sources: read.sources)
            throw ExitCode.failure
        } catch {
            throw databaseError(error, target: target)
        }
    }
}
