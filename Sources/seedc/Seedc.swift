import ArgumentParser
import SeedCompiler

@main
struct Seedc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seedc",
        abstract: "Compile versioned content (content.yaml, markdown collections) into idempotent seed data.",
        discussion: """
        seedc reads the `seed` section of content.yaml, the markdown collections and \
        record files it declares, validates every record, and writes seeds/: \
        sqlite.sql, postgres.sql, seed_initial_data.py and manifest.json. Applying \
        them twice changes nothing, so an app can re-create its records at every start.

        Examples:
          seedc build                         compile ./content.yaml into ./seeds/
          seedc build --root backend          compile backend/content.yaml
          seedc check                         fail when invalid or seeds/ is stale
          seedc check --format github         annotate a pull request
          seedc plan --database app.db        what apply would change (exit 2)
          seedc plan --format json            the same, for a deploy bot
          seedc apply --database "$DATABASE_URL"
          seedc schema > content.schema.json  a JSON Schema for editors
          seedc --version                     tool and content format versions
        """,
        version: SeedcVersion.description,
        subcommands: [Build.self, Check.self, Plan.self, Apply.self, Init.self, Capture.self, SchemaCommand.self],
        defaultSubcommand: nil
    )
}
