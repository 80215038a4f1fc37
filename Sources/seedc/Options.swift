import ArgumentParser
import SeedCompiler
import SeedFlows

/// Where the content is and how problems are printed: the options of every command
/// that reads content.
struct ContentSource: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding content.yaml.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: "How to print problems: text (like a compiler), json (one object per line) or github (workflow annotations).")
    var format: Reporter.Format = .text

    @Option(name: .long, help: ArgumentHelp("Read the `seed` section from this file instead of content.yaml (for content you cannot edit); it must be inside the root.", valueName: "file"))
    var schema: String?

    var location: ContentLocation { ContentLocation(root: root, schema: schema) }
}

/// The options of commands that compile content: where it is and where seeds/ goes.
struct ContentOptions: ParsableArguments {
    @OptionGroup var source: ContentSource

    @Option(name: .long, help: ArgumentHelp("Where the generated files go (default: <root>/seeds).", valueName: "dir"))
    var out: String?

    var format: Reporter.Format { source.format }
    var location: ContentLocation { ContentLocation(root: source.root, schema: source.schema, out: out) }
}

/// `--database`, shared by the commands that read or write a database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "sqlite:PATH, a file path, or a postgres:// URL. Default: $DATABASE_URL, else seed.database, else <root>/\(DatabaseChoice.defaultFile).",
        valueName: "url"))
    var database: String?

    var choice: DatabaseChoice { DatabaseChoice(database) }
}

/// The flags `plan` and `apply` share.
struct DatabaseOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption

    @Flag(name: .long, help: "Delete rows seedc owns whose records left the content, in every table (tables with `prune: true` always are).")
    var prune = false

    @Flag(name: .long, help: "Create missing tables from the declared schema (for a fresh database).")
    var createTables = false

    func settings(strict: Bool = false) -> ApplySettings {
        ApplySettings(database: database.choice, prune: prune, createTables: createTables, strict: strict)
    }
}
