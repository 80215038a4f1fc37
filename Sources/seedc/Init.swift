import ArgumentParser
import Foundation
import SeedFlows

struct Init: ReportingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scaffold the seed schema (seed.tables) from an existing database.",
        discussion: """
        Reads the database's tables and writes their columns with types that keep \
        every value exactly (binary, decimal, a datetime's stored format, \
        PostgreSQL's own types through sql_type), `required` from NOT NULL without \
        a default, literal defaults, `default: now` for created_at/updated_at, \
        `password` for password hash columns, and a natural key that names one \
        row: a unique constraint, or a proposal (unique in the rows, checked) under \
        a comment asking you to confirm it; an id the database assigns is left to \
        it. Foreign keys become `references:`, by the target's natural key where its \
        id is the database's. Tables with a password column are marked `private: true` and \
        `on_conflict: keep`, with an include for records/<table>.yaml (accounts \
        never go in the public content.yaml); columns the app keeps up to date \
        (last_login, last_seen_at, *_count counters) are proposed `app_owned: true`. The section is added to content.yaml without changing any other \
        byte; an existing seed.tables is kept unless --force replaces it.

        Examples:
          seedc init --database app.db --print
          seedc init --database app.db --tables users,whatsapp_groups,contacts
          seedc init --database "$DATABASE_URL" --root backend --force
        """
    )

    @Option(name: .long, help: ArgumentHelp("The folder holding content.yaml.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: ArgumentHelp("sqlite:PATH, a file path, or a postgres:// URL (default: $DATABASE_URL).", valueName: "url"))
    var database: String?

    @Option(name: .long, help: ArgumentHelp("Only these tables (comma-separated). Default: every table but seedc's ledger.", valueName: "a,b"))
    var tables: String?

    @Flag(name: .long, help: "Print the section instead of writing content.yaml.")
    var print = false

    @Flag(name: .long, help: "Replace an existing seed.tables.")
    var force = false

    @Option(name: .long, help: "How to print problems: text, json (one object per line) or github (workflow annotations).")
    var format: Reporter.Format = .text

    func validate() throws {
        if DatabaseChoice(database).explicitTarget == nil {
            throw ValidationError("give --database (or set DATABASE_URL)")
        }
    }

    func run(_ reporter: Reporter) throws {
        var flow = InitFlow(root: root, database: DatabaseChoice(database))
        flow.tables = tables.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        flow.print = print
        flow.force = force
        try flow.run(reporter)
    }
}
