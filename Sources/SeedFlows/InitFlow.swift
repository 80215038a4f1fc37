import Foundation
import SeedCompiler
import SeedDatabase
import SeedFiles

/// `seedc init`: the seed schema (`seed.tables`) read from an existing database, added
/// to content.yaml without changing any other byte (or printed).
public struct InitFlow {
    public var root: URL
    public var database: DatabaseChoice
    /// Only these tables; nil for every table but seedc's ledger.
    public var tables: [String]?
    /// Print the section instead of writing content.yaml.
    public var print = false
    /// Replace an existing seed.tables.
    public var force = false

    public init(root: String, database: DatabaseChoice) {
        self.root = URL(fileURLWithPath: root, isDirectory: true)
        self.database = database
    }

    /// The tables as the database describes them, and their YAML.
    private struct Scaffold {
        var block: String
        var count: Int
        var privateTables: [String]
    }

    public func run(_ reporter: Reporter) throws {
        guard let target = database.explicitTarget else {
            throw CommandFailure(.invalidOption, "give --database (or set DATABASE_URL)")
        }
        let scaffold = try target.during { try read(target, reporter: reporter) }
        if print {
            let include = scaffold.privateTables.isEmpty ? "" : "  include: [" + scaffold.privateTables.map { YAMLScalar.text(TableSchema.recordsFile(for: $0), in: .flow) }.joined(separator: ", ") + "]\n"
            reporter.output("seed:\n" + include + scaffold.block)
            return
        }
        let path = ContentDocument.fileName
        let confined = ContentRoot(root)
        let bytes = try confined.editable(path)
        var edited = try ContentEdits.apply(in: path) {
            try ContentEditor.insertTables(scaffold.block, to: bytes, root: ContentDocument(InputFile(path: path, bytes: bytes)).root, replace: force)
        }
        // Private tables' records go in their own files: include them.
        for records in scaffold.privateTables.map({ TableSchema.recordsFile(for: $0) }) {
            let current = ContentDocument(InputFile(path: path, bytes: edited))
            if !current.isIncluded(records) {
                edited = try ContentEdits.apply(in: path) { try ContentEditor.addInclude(records, to: edited, root: current.root) }
            }
        }
        let errors = ContentDocument(InputFile(path: path, bytes: edited)).diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw CommandFailure(errors + [.error(.editFailed, "content.yaml would not read with this seed.tables (above, as it would be); nothing was written", at: nil)],
                                 sources: [path: InputFile(path: path, bytes: edited).source])
        }
        try confined.replace(path, with: edited)
        try createPrivateFiles(scaffold.privateTables, confined: confined, reporter: reporter)
        reporter.summary("wrote seed.tables for \(scaffold.count) table\(scaffold.count == 1 ? "" : "s") into \(root.appendingPathComponent(path).path); run `seedc check` and review the keys")
    }

    /// Describes the tables, checks guessed keys against the rows and reads datetime
    /// formats from them, and renders `seed.tables`.
    private func read(_ target: DatabaseTarget, reporter: Reporter) throws -> Scaffold {
        let connection = try target.open(create: false)
        var descriptions: [TableDescription] = []
        for name in try tables ?? connection.tableNames() {
            guard var description = try connection.describe(name) else { throw CommandFailure(.invalidOption, "\(target): no table \(name)") }
            // A guessed natural key must be unique in the rows.
            for index in description.columns.indices where description.columns[index].notNull && !description.columns[index].primaryKey {
                let repeats = try connection.fetch(SchemaScaffold.repeats(of: description.columns[index].name, in: name, engine: connection.engine))
                description.columns[index].uniqueInRows = repeats.first?.first == "0"
            }
            // Datetimes kept as text keep the format their rows are stored in.
            for index in description.columns.indices where description.keepsDatetimeText(description.columns[index]) {
                let values = try connection.fetch(SchemaScaffold.storedValues(of: description.columns[index].name, in: name, engine: connection.engine))
                description.columns[index].storedFormats = SchemaScaffold.formats(of: values.map { $0.first ?? nil })
            }
            guard SchemaScaffold.hasColumns(description) else {
                reporter.warning(.initReview, "\(name) has no column besides its id: left out")
                continue
            }
            descriptions.append(description)
        }
        guard !descriptions.isEmpty else { throw CommandFailure(.invalidOption, "\(target) has no tables") }
        SchemaScaffold.warnings(descriptions).forEach { reporter.warning(.initReview, $0) }
        return Scaffold(block: SchemaScaffold.yaml(descriptions), count: descriptions.count,
                        privateTables: descriptions.filter(SchemaScaffold.isPrivate).map(\.name))
    }

    /// An empty records file (`users:`) for each private table that has none, so the
    /// include added for it matches and capture can fill it.
    private func createPrivateFiles(_ tables: [String], confined: ContentRoot, reporter: Reporter) throws {
        for table in tables {
            let path = TableSchema.recordsFile(for: table)
            guard !confined.exists(path) else { continue }
            try confined.replace(path, with: Array((SchemaScaffold.privateFileHeader(table) + YAMLScalar.text(table) + ":\n").utf8))
            reporter.summary("created \(path) for the records of private table \(table)")
        }
    }
}
