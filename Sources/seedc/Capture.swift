import ArgumentParser
import Foundation
import SeedCompiler
import SeedDatabase

struct Capture: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn rows created in the live app into versioned records.",
        discussion: """
        Reads the chosen tables (default: every declared table that is not a markdown \
        collection), keeps the rows whose natural key is not yet in content, and \
        appends them as records to content.yaml's seed.records (or to --into FILE, \
        created when missing). Every other byte of the file stays as it was. Rows \
        with a true `deleted` column are skipped unless --include-deleted; password \
        columns become {env: NAME} and the variables to set are listed; columns the \
        database fills (ids, `default: now` timestamps) are left out. A second capture \
        adds nothing.

        Examples:
          seedc capture --database app.db --dry-run
          seedc capture --database app.db --table users --into records/users.yaml
          DATABASE_URL=postgres://app@db/app seedc capture --table whatsapp_groups
        """
    )

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("sqlite:PATH, a file path, or a postgres:// URL. Default: $DATABASE_URL, else seed.database, else <root>/seedc.db.", valueName: "url"))
    var database: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A table to capture (repeatable).", valueName: "table"))
    var table: [String] = []

    @Option(name: .long, help: ArgumentHelp("Append to this record file (relative to the root) instead of content.yaml.", valueName: "file"))
    var into: String?

    @Flag(name: .long, help: "Print what would be added; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Capture rows whose `deleted` column is true too.")
    var includeDeleted = false

    func run() throws {
        guard let (read, result) = content.compile(render: false), !result.diagnostics.hasErrors, let plan = result.plan else { throw ExitCode.failure }
        let schema = read.document.schema
        let chosen = table.isEmpty ? schema.tables.filter { $0.source == nil }.map(\.name) : table
        if let unknown = chosen.first(where: { schema.table($0) == nil }) {
            throw fail("\(unknown) is not a declared table (seed.tables has \(schema.tables.map(\.name).joined(separator: ", ")))")
        }
        let target = DatabaseOptions.target(database, root: content.rootURL, declared: schema.database)
        var captured: [(table: String, result: Capturer.Result)] = []
        do {
            let connection = try target.open(create: false)
            for name in chosen {
                let tableSchema = schema.table(name)!
                var capturer = Capturer(table: tableSchema, existingKeys: Set(plan.tables.first { $0.name == name }?.rows.map(\.key) ?? []))
                capturer.includeDeleted = includeDeleted
                guard try connection.columns(of: name) != nil else { throw fail("\(target): no table \(name)") }
                captured.append((name, capturer.capture(try connection.fetch(capturer.select(connection.engine)))))
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw databaseError(error, target: target)
        }
        try write(captured)
        for (name, result) in captured {
            for warning in result.warnings { FileHandle.standardError.write(Data("seedc: warning: \(warning)\n".utf8)) }
            if result.skippedDeleted > 0 { Swift.print("seedc: \(name): \(result.skippedDeleted) deleted rows skipped (--include-deleted captures them)") }
        }
        let variables = captured.flatMap(\.result.variables)
        if !variables.isEmpty {
            FileHandle.standardError.write(Data("seedc: warning: passwords are not captured; set \(variables.joined(separator: ", ")) where seedc apply or the app runs\n".utf8))
        }
        let counts = captured.map { "\($0.result.records.count) \($0.table)" }.joined(separator: ", ")
        Swift.print("seedc: \(dryRun ? "would add" : "added") \(counts)")
    }

    /// Appends each table's records to the file, one table after the other.
    private func write(_ captured: [(table: String, result: Capturer.Result)]) throws {
        let path = into ?? ContentDocument.fileName
        let file = content.rootURL.appendingPathComponent(path)
        var bytes = (try? Data(contentsOf: file)).map(Array.init) ?? []
        for (name, result) in captured where !result.records.isEmpty {
            if dryRun {
                Swift.print("\(path): \(name):\n" + Capturer.items(result.records, indent: 2), terminator: "")
                continue
            }
            let loaded = ContentDocument.loadSingle(InputFile(path: path, bytes: bytes))
            guard !loaded.1.hasErrors else { throw fail("\(path) has errors; run seedc check") }
            do {
                bytes = try ContentEditor.appendRecords(table: name, to: bytes, root: loaded.0, seedSection: into == nil) { indent in
                    Capturer.items(result.records, indent: indent)
                }
            } catch let failure as ContentEditor.Failure {
                throw fail((failure.location.map { "\(path):\($0.start.line):\($0.start.column): " } ?? "") + failure.message)
            }
        }
        if !dryRun, captured.contains(where: { !$0.result.records.isEmpty }) {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputWriter.replace(file, with: Data(bytes))
            if let into, !read(into) {
                FileHandle.standardError.write(Data("seedc: warning: \(into) is not matched by seed.include; add it so the records are compiled\n".utf8))
            }
        }
    }

    /// Whether content reads `path` as an include file.
    private func read(_ path: String) -> Bool {
        content.read()?.document.isIncluded(path) ?? false
    }

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("seedc: error: \(message)\n".utf8))
        return ExitCode.failure
    }
}
