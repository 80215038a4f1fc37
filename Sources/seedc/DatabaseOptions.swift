import ArgumentParser
import Foundation
import SeedCompiler
import SeedDatabase

/// `--database` and the flags `plan` and `apply` share.
struct DatabaseOptions: ParsableArguments {
    /// The SQLite file used when no database is given and `seed.database` is not set.
    static let defaultFile = "seedc.db"

    @Option(name: .long, help: ArgumentHelp(
        "sqlite:PATH, a file path, or a postgres:// URL. Default: $DATABASE_URL, else seed.database, else <root>/\(defaultFile).",
        valueName: "url"))
    var database: String?

    @Flag(name: .long, help: "Delete rows seedc owns whose records left the content, in every table (tables with `prune: true` always are).")
    var prune = false

    @Flag(name: .long, help: "Create missing tables from the declared schema (for a fresh database).")
    var createTables = false

    /// The target: the option, `$DATABASE_URL`, `seed.database`, then the default file.
    func target(root: URL, declared: String?) -> DatabaseTarget {
        Self.target(database, root: root, declared: declared)
    }

    /// The target given by --database or `DATABASE_URL`, nil when it would come from
    /// content.yaml or the default.
    var explicitTarget: DatabaseTarget? {
        Self.explicit(database).map { DatabaseTarget($0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) }
    }

    private static func explicit(_ given: String?) -> String? {
        given ?? ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A path given on the command line or in `DATABASE_URL` is relative to the
    /// current folder; `seed.database` and the default file are relative to the root.
    static func target(_ given: String?, root: URL, declared: String?) -> DatabaseTarget {
        if let text = explicit(given) {
            return DatabaseTarget(text, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        }
        return DatabaseTarget(declared ?? defaultFile, relativeTo: root)
    }

    func applierOptions(for document: ContentDocument, strict: Bool = false, progress: ((String, Int, Int) -> Void)? = nil) -> Applier.Options {
        var options = Applier.Options()
        options.pruneAll = prune
        options.strict = strict
        options.createTables = createTables
        options.environment = ProcessInfo.processInfo.environment
        options.required = Dictionary(uniqueKeysWithValues: document.schema.tables.map { table in
            (table.name, Set(table.columns.filter(\.required).map(\.name)))
        })
        options.progress = progress
        return options
    }
}

/// Prints a database problem like the compiler's and fails.
func databaseError(_ error: Error, target: DatabaseTarget) -> ExitCode {
    FileHandle.standardError.write(Data("seedc: error: \(target): \(error)\n".utf8))
    return ExitCode.failure
}
