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
        appends them, sorted by key, where the table's records already are: \
        content.yaml's seed.records, or the include file holding them (--into FILE: \
        that file, inside the root, created when missing). A private table's rows \
        (accounts) never go to content.yaml: they go to records/<table>.yaml, which \
        is created and added to seed.include when missing. Every other byte stays as it was, and \
        nothing is written unless the content with the new records compiles. Rows \
        with a true `deleted` column are skipped unless --include-deleted; password \
        columns become {env: NAME} and the variables to set are listed; columns the \
        database or the app fill (ids, `default: now` timestamps, app_owned columns) \
        are left out; a reference is written as the target row's natural key, never \
        its id. Nothing is written when a value would not come back as stored (a \
        datetime outside its column's format) or two rows share a natural key. A \
        second capture adds nothing.

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

    @Option(name: .long, help: ArgumentHelp("Append to this record file (relative to the root, inside it) instead of content.yaml.", valueName: "file"))
    var into: String?

    @Flag(name: .long, help: "Print what would be added; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Capture rows whose `deleted` column is true too.")
    var includeDeleted = false

    func run() throws {
        // Read whole (not up to the records): the edits need content.yaml's whole tree.
        guard let read = content.read() else { throw ExitCode.failure }
        let result = content.compile(read, render: false)
        guard !result.diagnostics.hasErrors, let plan = result.plan else { throw ExitCode.failure }
        if content.schema != nil, into == nil {
            throw fail("with --schema, the seed section is not content.yaml's: give --into FILE")
        }
        let schema = read.document.schema
        let confined = ContentRoot(content.rootURL)
        if let into, !confined.allowsWriting(into) {
            throw fail("--into \"\(into)\" is outside the content root; capture writes only files inside it [outside-root]")
        }
        let chosen = table.isEmpty ? schema.tables.filter { $0.source == nil }.map(\.name) : table
        for name in chosen {
            guard let declared = schema.table(name) else {
                throw fail("\(name) is not a declared table (seed.tables has \(schema.tables.map(\.name).joined(separator: ", ")))")
            }
            if let source = declared.source {
                throw fail("\(name) is a markdown collection (source: \(source)/): its records are files, which capture does not write")
            }
        }
        let used = Set(plan.tables.flatMap(\.rows).flatMap(\.cells).compactMap { cell -> String? in
            if case let .secret(name)? = cell { name } else { nil }
        })
        let target = DatabaseOptions.target(database, root: content.rootURL, declared: schema.database)
        var captured: [(table: String, result: Capturer.Result)] = []
        do {
            let connection = try target.open(create: false)
            for name in chosen {
                var capturer = Capturer(table: schema.table(name)!, existingKeys: Set(plan.tables.first { $0.name == name }?.rows.map(\.key) ?? []), schema: schema)
                capturer.includeDeleted = includeDeleted
                capturer.usedVariables = used.union(captured.flatMap(\.result.variables))
                guard try connection.columns(of: name) != nil else { throw fail("\(target): no table \(name)") }
                captured.append((name, capturer.capture(try connection.fetch(capturer.select(connection.engine)), engine: connection.engine)))
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw databaseError(error, target: target)
        }
        let refused = captured.flatMap(\.result.errors)
        guard refused.isEmpty else {
            refused.forEach { FileHandle.standardError.write(Data("seedc: error: \($0)\n".utf8)) }
            throw fail("these values would not come back as the database holds them; nothing was written")
        }
        for (name, result) in captured {
            result.warnings.forEach(warn)
            if result.skippedDeleted > 0 { Swift.print("seedc: \(name): \(result.skippedDeleted) deleted rows skipped (--include-deleted captures them)") }
        }
        // Each table's records go where that table's records already are.
        var edits: [(path: String, original: [UInt8], edited: [UInt8])] = []
        var destination: [String: String] = [:]
        func edit(_ path: String) throws -> Int {
            if let index = edits.firstIndex(where: { $0.path == path }) { return index }
            let bytes = try read.sources[path].map { try $0.readAll() } ?? existing(path, in: confined)
            edits.append((path, bytes, bytes))
            return edits.count - 1
        }
        for (table, result) in captured where !result.records.isEmpty {
            let declared = schema.table(table)!
            let path = into ?? Self.file(holding: declared, in: read)
            destination[table] = path
            let index = try edit(path)
            if declared.isPrivate, edits[index].edited.isEmpty {
                edits[index].edited = Array(SchemaScaffold.privateFileHeader(table).utf8)
            }
            edits[index].edited = try append(table, result.records, to: edits[index].edited, path: path)
            // A private table's new file is compiled only once seed.include names it.
            if into == nil, path != ContentDocument.fileName, !read.document.isIncluded(path) {
                let contentIndex = try edit(ContentDocument.fileName)
                let bytes = edits[contentIndex].edited
                do {
                    edits[contentIndex].edited = try ContentEditor.addInclude(path, to: bytes, root: ContentDocument.loadSingle(InputFile(path: ContentDocument.fileName, bytes: bytes)).0)
                } catch let failure as ContentEditor.Failure {
                    throw fail("\(ContentDocument.fileName): \(failure.message)")
                }
            }
        }
        try verify(edits.map { InputFile(path: $0.path, bytes: $0.edited) }, content: read)
        for (table, result) in captured where !result.records.isEmpty && dryRun {
            Swift.print("\(destination[table]!): \(table):\n" + Capturer.items(result.records, indent: 2), terminator: "")
        }
        for edit in edits where !dryRun && edit.edited != edit.original {
            let file = content.rootURL.appendingPathComponent(edit.path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputWriter.replace(file, with: Data(edit.edited))
        }
        if let into, !read.document.isIncluded(into) {
            warn("\(into) is not matched by seed.include; add it so the records are compiled")
        }
        let variables = captured.flatMap(\.result.variables)
        if !variables.isEmpty {
            warn("passwords are not captured; set \(variables.joined(separator: ", ")) where seedc apply or the app runs")
        }
        let counts = captured.map { table, result in
            "\(result.records.count) \(table)" + (destination[table].map { $0 == ContentDocument.fileName ? "" : " (in \($0))" } ?? "")
        }
        Swift.print("seedc: \(dryRun ? "would add" : "added") \(counts.joined(separator: ", "))")
    }

    /// content.yaml, unless the table's records are only in include files: then the
    /// first of those (so records kept out of the public content.yaml stay out). A
    /// private table's records never go to content.yaml: without an include file
    /// holding them, they go to `records/<table>.yaml`.
    private static func file(holding table: TableSchema, in content: ContentReader.Content) -> String {
        if !table.isPrivate, content.document.schemaFile == nil, content.document.root?["seed"]?["records"]?[table.name] != nil {
            return ContentDocument.fileName
        }
        let holder = content.files.first { file in
            content.document.isIncluded(file.path) && ContentDocument.loadSingle(file).0?[table.name] != nil
        }
        return holder?.path ?? (table.isPrivate ? TableSchema.recordsFile(for: table.name) : ContentDocument.fileName)
    }

    /// The bytes of a file capture appends to that the content did not read: empty when
    /// it does not exist yet.
    private func existing(_ path: String, in root: ContentRoot) throws -> [UInt8] {
        guard root.allowsWriting(path), let url = root.relative(path) else {
            throw fail("\"\(path)\" is outside the content root; capture writes only files inside it [outside-root]")
        }
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return [] }
        switch root.read(url, as: path, at: .file(path)) {
        case let .success(bytes): return bytes
        case let .failure(problem):
            content.report([problem], sources: [:])
            throw ExitCode.failure
        }
    }

    /// The file's bytes with a table's records appended.
    private func append(_ table: String, _ records: [Capturer.Record], to bytes: [UInt8], path: String) throws -> [UInt8] {
        let (root, problems) = ContentDocument.loadSingle(InputFile(path: path, bytes: bytes))
        guard !problems.hasErrors else { throw fail("\(path) has errors; run seedc check") }
        do {
            return try ContentEditor.appendRecords(table: table, to: bytes, root: root, seedSection: path == ContentDocument.fileName && into == nil) { indent in
                Capturer.items(records, indent: indent)
            }
        } catch let failure as ContentEditor.Failure {
            throw fail((failure.location.map { "\(path):\($0.start.line):\($0.start.column): " } ?? "") + failure.message)
        }
    }

    /// Compiles the content as it would be with the edited files; on any error, prints
    /// the problems (in the edited text) and fails, so no file is written.
    private func verify(_ edited: [InputFile], content read: ContentReader.Content) throws {
        var document = read.document
        var files = read.files.filter { file in !edited.contains { $0.path == file.path } }
        for file in edited {
            if file.path == ContentDocument.fileName, into == nil {
                document = ContentDocument(file, schemaFile: read.document.schemaFile)
            } else {
                files.append(file)
            }
        }
        let after = ContentReader.Content(document: document, files: files, problems: read.problems)
        let result = Compiler.compile(after.document, files: after.files, problems: after.problems, render: false)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        content.report(errors, sources: after.sources)
        throw fail("the captured records would not compile (above, as the files would be); nothing was written")
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("seedc: warning: \(message)\n".utf8))
    }

    private func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("seedc: error: \(message)\n".utf8))
        return ExitCode.failure
    }
}
