import ArgumentParser
import SeedFlows

struct Plan: ReportingCommand {
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

    var format: Reporter.Format { content.format }

    func run(_ reporter: Reporter) throws {
        if try PlanFlow(content: content.location, settings: database.settings()).run(reporter) {
            throw ExitCode(Self.pendingExitCode)
        }
    }
}
