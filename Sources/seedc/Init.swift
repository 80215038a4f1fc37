import ArgumentParser
import Foundation
import SeedCompiler
import SeedDatabase

struct Init: ParsableCommand {
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

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true)
        guard let text = database ?? ProcessInfo.processInfo.environment["DATABASE_URL"] else {
            throw fail("give --database (or set DATABASE_URL)")
        }
        let target = DatabaseOptions.target(text, root: rootURL, declared: nil)
        let block: String
        let count: Int
        let privateTables: [String]
        do {
            let connection = try target.open(create: false)
            let names = try tables.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? connection.tableNames()
            var descriptions: [TableDescription] = []
            for name in names {
                guard var description = try connection.describe(name) else { throw fail("\(target): no table \(name)") }
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
                    FileHandle.standardError.write(Data("seedc: warning: \(name) has no column besides its id: left out\n".utf8))
                    continue
                }
                descriptions.append(description)
            }
            guard !descriptions.isEmpty else { throw fail("\(target) has no tables") }
            block = SchemaScaffold.yaml(descriptions)
            for warning in SchemaScaffold.warnings(descriptions) {
                FileHandle.standardError.write(Data("seedc: warning: \(warning)\n".utf8))
            }
            count = descriptions.count
            privateTables = descriptions.filter(SchemaScaffold.isPrivate).map(\.name)
        } catch let code as ExitCode {
            throw code
        } catch {
            throw databaseError(error, target: target)
        }
        if print {
            let include = privateTables.isEmpty ? "" : "  include: [" + privateTables.map { YAMLScalar.text(TableSchema.recordsFile(for: $0), in: .flow) }.joined(separator: ", ") + "]\n"
            Swift.print("seed:\n" + include + block, terminator: "")
            return
        }
        let file = rootURL.appendingPathComponent(ContentDocument.fileName)
        let bytes = (try? Data(contentsOf: file)).map(Array.init) ?? []
        let document = ContentDocument(InputFile(path: ContentDocument.fileName, bytes: bytes))
        do {
            var edited = try ContentEditor.insertTables(block, to: bytes, root: document.root, replace: force)
            // Private tables' records go in their own files: include them.
            for file in privateTables.map({ TableSchema.recordsFile(for: $0) }) {
                let current = ContentDocument(InputFile(path: ContentDocument.fileName, bytes: edited))
                if !current.isIncluded(file) { edited = try ContentEditor.addInclude(file, to: edited, root: current.root) }
            }
            let after = ContentDocument(InputFile(path: ContentDocument.fileName, bytes: edited))
            let errors = after.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                let text = DiagnosticFormatter.format(errors, as: .text, sources: [ContentDocument.fileName: edited])
                FileHandle.standardError.write(Data(text.utf8))
                throw fail("content.yaml would not read with this seed.tables (above, as it would be); nothing was written")
            }
            try OutputWriter.replace(file, with: Data(edited))
            try createPrivateFiles(privateTables, in: rootURL)
        } catch let failure as ContentEditor.Failure {
            throw fail((failure.location.map { "\(ContentDocument.fileName):\($0.start.line):\($0.start.column): " } ?? "") + failure.message)
        }
        Swift.print("seedc: wrote seed.tables for \(count) table\(count == 1 ? "" : "s") into \(file.path); run `seedc check` and review the keys")
    }

    /// An empty records file (`users:`) for each private table that has none, so the
    /// include added for it matches and capture can fill it.
    private func createPrivateFiles(_ tables: [String], in root: URL) throws {
        let confined = ContentRoot(root)
        for table in tables {
            let path = TableSchema.recordsFile(for: table)
            let file = root.appendingPathComponent(path)
            var status = stat()
            guard lstat(file.path, &status) != 0 else { continue }
            guard confined.allowsWriting(path) else { throw fail("\(path) is outside the content root; write it yourself [outside-root]") }
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputWriter.replace(file, with: Data((SchemaScaffold.privateFileHeader(table) + YAMLScalar.text(table) + ":\n").utf8))
            Swift.print("seedc: created \(path) for the records of private table \(table)")
        }
    }

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("seedc: error: \(message)\n".utf8))
        return ExitCode.failure
    }
}
