/// The whole pipeline, in memory: content document and the files it asked for →
/// records → validation → plan → one renderer per output, which the caller runs into
/// sinks (files, comparisons, memory). It reads and writes nothing itself.
public enum Compiler {
    public static let outputFolder = "seeds"

    public struct Result: Sendable {
        /// Empty when there is any error: nothing is written from invalid content.
        public var outputs: [OutputRenderer]
        /// Sorted by file, line and column.
        public var diagnostics: [Diagnostic]
        public var plan: SeedPlan?
        /// The document was read up to its records (`ContentDocument(upToRecords:)`),
        /// but more of the seed section follows them: nothing was compiled; read the
        /// content again without `upToRecords` and compile that.
        public var needsWholeReading = false
    }

    /// The files the content is made of: content.yaml, the schema file if any, then the
    /// include and collection files in path order.
    public static func inputs(of document: ContentDocument, files: [InputFile]) -> [InputFile] {
        let used = files.filter { document.isIncluded($0.path) || document.collectionTable(for: $0.path) != nil }
            .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return [document.file] + (document.schemaFile.map { [$0] } ?? []) + used
    }

    /// The content hash of exactly these input files (content.yaml, the schema file,
    /// include and collection files), as a plan of them has it: what `seedc apply`
    /// compares with the ledger's stamp to find unchanged content without compiling.
    public static func contentHash(of inputs: [InputFile]) throws(InputReadError) -> String {
        try ContentHash.of(inputs)
    }

    /// - Parameters:
    ///   - files: include files and collection files the caller read (any others are ignored).
    ///   - problems: what went wrong reading files, reported with the rest.
    ///   - render: false to stop at the plan (for `plan` and `apply`): no outputs.
    ///     Outputs are rendered only when the caller runs them (`OutputRenderer`).
    ///   - spill: where planned rows go past the planner's memory budget; the caller
    ///     checks its `failure` before keeping what it rendered or applied.
    public static func compile(_ document: ContentDocument, files: [InputFile], problems: [Diagnostic] = [], render: Bool = true, spill: (any RowSpill)? = nil) -> Result {
        var diagnostics = document.diagnostics + problems
        var stream = RecordStream(document: document, spill: spill)
        var content = document.root
        var recordsNode = document.recordsNode
        if document.hasInlineRecords {
            // The schema is known only once the seed section is read, its records
            // passed over (or, `readUpToRecords`, read up to them): they are streamed on
            // a second reading, which reports the problems inside them (and, after a
            // reading up to them, in the rest of the file) once.
            let seedFile = document.seedFile
            let (root, problems) = stream.add(from: seedFile.path, publicFile: document.schemaFile == nil) { emit in
                ContentDocument.loadSingle(seedFile, recordPath: ContentDocument.recordPath, record: emit)
            }
            if document.readUpToRecords {
                guard ContentDocument.recordsComeLast(in: root) else {
                    return Result(outputs: [], diagnostics: [], plan: nil, needsWholeReading: true)
                }
                recordsNode = root?["seed"]?["records"]
                if document.schemaFile == nil { content = root }
            }
            let known = Set(document.diagnostics)
            diagnostics += problems.filter { !known.contains($0) }
        }
        if let records = recordsNode, !records.isNull {
            stream.typer.collector.check(tablesNode: records, what: "seed.records")
        }
        let inputs = inputs(of: document, files: files)
        for file in inputs.dropFirst(document.schemaFile == nil ? 1 : 2) {
            if document.isIncluded(file.path) {
                let (root, problems) = stream.add(from: file.path, publicFile: false) { emit in
                    ContentDocument.loadSingle(file, recordPath: [], record: emit)
                }
                diagnostics += problems
                if let root, !root.isNull {
                    stream.typer.collector.check(tablesNode: root, what: file.path)
                }
            } else if let table = document.collectionTable(for: file.path) {
                stream.add(markdown: file, table: table)
            }
        }
        diagnostics += stream.finish(content: content, file: document.file.path)
        if let failure = spill?.failure {
            diagnostics.append(.error(.spillFailed, "cannot keep the planned rows in a temporary file: \(failure)", at: nil))
        }
        let contentHash: String?
        do {
            contentHash = diagnostics.hasErrors ? nil : try ContentHash.of(inputs)
        } catch {
            (contentHash, diagnostics) = (nil, diagnostics + [error.diagnostic])
        }
        diagnostics.sort()

        guard let contentHash, !diagnostics.hasErrors else { return Result(outputs: [], diagnostics: diagnostics, plan: nil) }
        let plan = stream.plan(contentHash: contentHash, inputs: document.inputSet)
        guard render else { return Result(outputs: [], diagnostics: diagnostics, plan: plan) }
        let outputs = outputs(for: plan, inputs: inputs.map(\.path))
        return Result(outputs: outputs, diagnostics: diagnostics, plan: plan)
    }
}
