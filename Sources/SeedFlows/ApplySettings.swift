import SeedCompiler
import SeedDatabase

/// What `plan` and `apply` share: the database and how it is brought to the content.
public struct ApplySettings: Sendable {
    public var database: DatabaseChoice
    /// `--prune`: delete owned rows whose records left the content, in every table.
    public var prune = false
    /// `--create-tables`: create missing tables from the declared schema.
    public var createTables = false
    /// `--strict` (apply): a password whose variable is unset fails instead of skipping.
    public var strict = false

    public init(database: DatabaseChoice, prune: Bool = false, createTables: Bool = false, strict: Bool = false) {
        self.database = database
        self.prune = prune
        self.createTables = createTables
        self.strict = strict
    }

    func applierOptions(for document: ContentDocument, progress: ((String, Int, Int) -> Void)? = nil) -> Applier.Options {
        var options = Applier.Options()
        options.pruneAll = prune
        options.strict = strict
        options.createTables = createTables
        options.environment = database.environment
        options.required = Dictionary(uniqueKeysWithValues: document.schema.tables.map { table in
            (table.name, Set(table.columns.filter(\.required).map(\.name)))
        })
        options.progress = progress
        return options
    }

    /// Runs `body` on the database; declared columns that hold raw ids the database
    /// assigns anew are reported at their declarations.
    func during<T>(_ target: DatabaseTarget, content: ContentInput, _ body: () throws -> T) throws -> T {
        try target.during {
            do {
                return try body()
            } catch let Applier.Failure.unstableReferences(problems) {
                throw CommandFailure(problems, sources: content.sources)
            }
        }
    }
}
