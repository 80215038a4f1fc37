import ArgumentParser

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
          seedc build                 compile ./content.yaml into ./seeds/
          seedc build --root backend  compile backend/content.yaml into backend/seeds/
          seedc check                 validate and fail when seeds/ is stale (for CI)
          seedc check --format github annotate a pull request
        """,
        subcommands: [Build.self, Check.self, Plan.self, Apply.self, Init.self, Capture.self],
        defaultSubcommand: nil
    )
}
