import ArgumentParser
import SeedFlows

struct Apply: ReportingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a SQLite or PostgreSQL database to the content, in one transaction.",
        discussion: """
        Inserts missing records, restores changed values of `on_conflict: update` \
        tables, prunes owned rows whose records were removed (with --prune or \
        `prune: true`), and records what it owns in the seedc_ledger table. Unchanged \
        content is a no-op that reads only the ledger. Any error rolls everything back.

        Passwords ({env: NAME}) are hashed with bcrypt when their row is inserted; a \
        record whose variable is unset is skipped with a warning (--strict: an error).

        Exit status: 0 on success, 1 on an error (nothing is changed).

        Examples:
          seedc apply --create-tables                  a fresh SQLite file (seedc.db)
          seedc apply --database app.db
          DATABASE_URL=postgres://app@db/app seedc apply --prune
        """
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Fail when a password's environment variable is not set, instead of skipping the record.")
    var strict = false

    var format: Reporter.Format { content.format }

    func run(_ reporter: Reporter) throws {
        try ApplyFlow(content: content.location, settings: database.settings(strict: strict)).run(reporter)
    }
}
