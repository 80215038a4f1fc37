import SeedCompiler
import SeedDatabase
import SeedFiles

/// `seedc capture`: rows created in the live app become records, appended where their
/// table's records already are; nothing is written unless the content with them
/// compiles.
public struct CaptureFlow {
    public var content: ContentLocation
    public var database: DatabaseChoice
    /// The tables to capture; empty for every declared table that is not a collection.
    public var tables: [String] = []
    /// Append to this record file (relative to the root) instead of where the
    /// records are.
    public var into: String?
    public var dryRun = false
    public var includeDeleted = false

    public init(content: ContentLocation, database: DatabaseChoice) {
        self.content = content
        self.database = database
    }

    /// One file capture edits: as read, and with the records appended.
    private struct Edit {
        var path: String
        var original: [UInt8]
        var edited: [UInt8]
    }

    public func run(_ reporter: Reporter) throws {
        // Read whole (not up to the records): the edits need content.yaml's whole tree.
        let (compilation, plan) = try content.compileWhole(reporter: reporter)
        let read = compilation.content
        let schema = read.document.schema
        let confined = content.confined
        if let into, !confined.allowsWriting(into) {
            throw CommandFailure(.outsideRoot, "--into \"\(into)\" is outside the content root; capture writes only files inside it")
        }
        let chosen = try chosenTables(in: schema)
        let used = Set(plan.tables.flatMap(\.rows).flatMap(\.cells).compactMap { cell -> String? in
            if case let .secret(name)? = cell { name } else { nil }
        })
        let target = database.target(root: content.root, declared: schema.database)
        let captured = try target.during {
            let connection = try target.open(create: false)
            var captured: [(table: String, rows: CapturedRows)] = []
            for name in chosen {
                var capturer = Capturer(table: schema.table(name)!, existingKeys: Set(plan.tables.first { $0.name == name }?.rows.map(\.key) ?? []), schema: schema)
                capturer.includeDeleted = includeDeleted
                capturer.usedVariables = used.union(captured.flatMap(\.rows.variables))
                guard try connection.columns(of: name) != nil else { throw CommandFailure(.invalidOption, "\(target): no table \(name)") }
                captured.append((name, capturer.capture(try connection.fetch(capturer.select(connection.engine)), engine: connection.engine)))
            }
            return captured
        }
        let refused = captured.flatMap(\.rows.errors)
        guard refused.isEmpty else {
            throw CommandFailure(refused.map { .error(.captureRefused, $0, at: nil) }
                + [.error(.captureRefused, "these values would not come back as the database holds them; nothing was written", at: nil)])
        }
        for (name, rows) in captured {
            rows.warnings.forEach { reporter.warning(.captureSkipped, $0) }
            if rows.skippedDeleted > 0 { reporter.summary("\(name): \(rows.skippedDeleted) deleted rows skipped (--include-deleted captures them)") }
        }
        var edits: [Edit] = []
        var destination: [String: String] = [:]
        func edit(_ path: String) throws -> Int {
            if let index = edits.firstIndex(where: { $0.path == path }) { return index }
            let bytes = try read.sources[path].map { try $0.readAll() } ?? confined.editable(path)
            edits.append(Edit(path: path, original: bytes, edited: bytes))
            return edits.count - 1
        }
        // Each table's records go where that table's records already are.
        for (table, rows) in captured where !rows.records.isEmpty {
            let declared = schema.table(table)!
            let path = into ?? Self.file(holding: declared, in: read)
            destination[table] = path
            let index = try edit(path)
            if declared.isPrivate, edits[index].edited.isEmpty {
                edits[index].edited = Array(SchemaScaffold.privateFileHeader(table).utf8)
            }
            edits[index].edited = try append(table, rows.records, to: edits[index].edited, path: path)
            // A private table's new file is compiled only once seed.include names it.
            if into == nil, path != ContentDocument.fileName, !read.document.isIncluded(path) {
                let contentIndex = try edit(ContentDocument.fileName)
                let bytes = edits[contentIndex].edited
                edits[contentIndex].edited = try ContentEdits.apply(in: ContentDocument.fileName) {
                    try ContentEditor.addInclude(path, to: bytes, root: ContentDocument.loadSingle(InputFile(path: ContentDocument.fileName, bytes: bytes)).0)
                }
            }
        }
        try verify(edits.map { InputFile(path: $0.path, bytes: $0.edited) }, content: read)
        for (table, rows) in captured where !rows.records.isEmpty && dryRun {
            reporter.output("\(destination[table]!): \(table):\n" + Capturer.items(rows.records, indent: 2))
        }
        for edit in edits where !dryRun && edit.edited != edit.original {
            try confined.replace(edit.path, with: edit.edited)
        }
        if let into, !read.document.isIncluded(into) {
            reporter.warning(.includeNotFound, "\(into) is not matched by seed.include; add it so the records are compiled")
        }
        let variables = captured.flatMap(\.rows.variables)
        if !variables.isEmpty {
            reporter.warning(.unsetPassword, "passwords are not captured; set \(variables.joined(separator: ", ")) where seedc apply or the app runs")
        }
        let counts = captured.map { table, rows in
            "\(rows.records.count) \(table)" + (destination[table].map { $0 == ContentDocument.fileName ? "" : " (in \($0))" } ?? "")
        }
        reporter.summary("\(dryRun ? "would add" : "added") \(counts.joined(separator: ", "))")
    }

    /// The tables to capture, each declared and not a markdown collection.
    private func chosenTables(in schema: Schema) throws -> [String] {
        let chosen = tables.isEmpty ? schema.tables.filter { $0.source == nil }.map(\.name) : tables
        for name in chosen {
            guard let declared = schema.table(name) else {
                throw CommandFailure(.unknownTable, "\(name) is not a declared table (seed.tables has \(schema.tables.map(\.name).joined(separator: ", ")))")
            }
            if let source = declared.source {
                throw CommandFailure(.invalidOption, "\(name) is a markdown collection (source: \(source)/): its records are files, which capture does not write")
            }
        }
        return chosen
    }

    /// content.yaml, unless the table's records are only in include files: then the
    /// first of those (so records kept out of the public content.yaml stay out). A
    /// private table's records never go to content.yaml: without an include file
    /// holding them, they go to `records/<table>.yaml`.
    private static func file(holding table: TableSchema, in content: ContentInput) -> String {
        if !table.isPrivate, content.document.schemaFile == nil, content.document.root?["seed"]?["records"]?[table.name] != nil {
            return ContentDocument.fileName
        }
        let holder = content.files.first { file in
            content.document.isIncluded(file.path) && ContentDocument.loadSingle(file).0?[table.name] != nil
        }
        return holder?.path ?? (table.isPrivate ? TableSchema.recordsFile(for: table.name) : ContentDocument.fileName)
    }

    /// The file's bytes with a table's records appended.
    private func append(_ table: String, _ records: [CapturedRecord], to bytes: [UInt8], path: String) throws -> [UInt8] {
        let (root, problems) = ContentDocument.loadSingle(InputFile(path: path, bytes: bytes))
        guard !problems.hasErrors else { throw CommandFailure(problems, sources: [path: InputFile(path: path, bytes: bytes).source]) }
        return try ContentEdits.apply(in: path) {
            try ContentEditor.appendRecords(table: table, to: bytes, root: root, seedSection: path == ContentDocument.fileName && into == nil) { indent in
                Capturer.items(records, indent: indent)
            }
        }
    }

    /// Compiles the content as it would be with the edited files; on any error, fails
    /// with the problems (in the edited text), so no file is written.
    private func verify(_ edited: [InputFile], content read: ContentInput) throws {
        var document = read.document
        var files = read.files.filter { file in !edited.contains { $0.path == file.path } }
        for file in edited {
            if file.path == ContentDocument.fileName, into == nil {
                document = ContentDocument(file, schemaFile: read.document.schemaFile)
            } else {
                files.append(file)
            }
        }
        let after = ContentInput(document: document, files: files, problems: read.problems)
        let errors = SeedPipeline.compile(after, render: false).diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        throw CommandFailure(errors + [.error(.editFailed, "the captured records would not compile (above, as the files would be); nothing was written", at: nil)], sources: after.sources)
    }
}
