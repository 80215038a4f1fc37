/// The compiler, stage by stage, from content bytes to the renderers of `seeds/`. Each
/// stage is a function below, in the order data flows; the typealiases name what
/// passes between them. It reads and writes nothing itself: the content comes from a
/// `ContentReading` (files, or memory), and the caller runs the renderers into sinks.
///
///     read      ContentReading        -> RawContent     content.yaml's seed section, the files it names
///     validate  RawContent            -> CheckedRecords every record streamed: typed, checked, encoded
///     hash      CheckedRecords        -> content hash   what the ledger stamps
///     plan      CheckedRecords, hash  -> SeedPlan       rows per table, in dependency order
///     render    SeedPlan              -> [OutputRenderer] one per file of seeds/
public enum SeedPipeline {
    public static let outputFolder = "seeds"

    /// Stage 1's result: content.yaml's document and the files it named.
    public typealias RawContent = ContentInput
    /// Stage 2's result: every record has streamed through `RecordStream` (its rows are
    /// planned, its problems found) and the files the content is made of.
    typealias CheckedRecords = (stream: RecordStream, inputs: [InputFile], diagnostics: [Diagnostic])

    /// Reads and compiles the content. The seed section's file is read once when its
    /// inline records come last (the usual layout); otherwise the schema is known only
    /// after them, and the content is read a second time, whole. A failure when
    /// content.yaml itself cannot be read.
    /// - Parameters:
    ///   - render: false to stop at the plan (`plan`, `apply`): no outputs.
    ///   - spill: makes the place planned rows go past the planner's memory budget
    ///     (one per compilation).
    public static func run(_ reader: some ContentReading, render: Bool = true, spill: () -> (any RowSpill)? = { nil }) -> Result<Compilation, Diagnostic> {
        reader.read(upToRecords: true).flatMap { first in
            let compiled = compile(first, render: render, spill: spill())
            guard compiled.needsWholeReading else { return .success(compiled) }
            return reader.read(upToRecords: false).map { compile($0, render: render, spill: spill()) }
        }
    }

    /// Compiles content already read: validate, hash, plan, render.
    public static func compile(_ content: RawContent, render: Bool = true, spill: (any RowSpill)? = nil) -> Compilation {
        guard var checked = validate(content, spill: spill) else {
            return Compilation(content: content, needsWholeReading: true)
        }
        let contentHash = hash(checked.inputs, diagnostics: &checked.diagnostics)
        let diagnostics = (checked.diagnostics + content.changedFiles).sorted()
        guard let contentHash, !diagnostics.hasErrors else { return Compilation(content: content, diagnostics: diagnostics) }
        let plan = checked.stream.plan(contentHash: contentHash, inputs: content.document.inputSet)
        return Compilation(content: content, outputs: render ? self.render(plan, inputs: checked.inputs) : [], diagnostics: diagnostics, plan: plan)
    }

    /// Stage 2: streams every record, from the seed section's file, the include files
    /// and the collections, through `RecordStream`. Nil when the document was read up
    /// to its records and more of the seed section follows them.
    static func validate(_ content: RawContent, spill: (any RowSpill)?) -> CheckedRecords? {
        let document = content.document
        var diagnostics = document.diagnostics + content.problems
        var stream = RecordStream(document: document, spill: spill)
        var tree = document.root
        var recordsNode = document.recordsNode
        if document.hasInlineRecords {
            // The schema is known only once the seed section is read, its records
            // passed over (or read up to them): they are streamed on a second reading,
            // which reports the problems inside them (and, after a reading up to them,
            // in the rest of the file) once.
            let seedFile = document.seedFile
            let (root, problems) = stream.add(from: seedFile.path, publicFile: document.schemaFile == nil) { emit in
                ContentDocument.loadSingle(seedFile, recordPath: ContentDocument.recordPath, record: emit)
            }
            if document.readUpToRecords {
                guard ContentDocument.recordsComeLast(in: root) else { return nil }
                recordsNode = root?["seed"]?["records"]
                if document.schemaFile == nil { tree = root }
            }
            let known = Set(document.diagnostics)
            diagnostics += problems.filter { !known.contains($0) }
        }
        if let records = recordsNode, !records.isNull {
            stream.checkTables(records, in: "seed.records")
        }
        let inputs = inputs(of: document, files: content.files)
        for file in inputs.dropFirst(document.schemaFile == nil ? 1 : 2) {
            if document.isIncluded(file.path) {
                let (root, problems) = stream.add(from: file.path, publicFile: false) { emit in
                    ContentDocument.loadSingle(file, recordPath: [], record: emit)
                }
                diagnostics += problems
                if let root, !root.isNull { stream.checkTables(root, in: file.path) }
            } else if let table = document.collectionTable(for: file.path) {
                stream.add(markdown: file, table: table)
            }
        }
        diagnostics += stream.finish(content: tree, file: document.file.path)
        if let failure = spill?.failure { diagnostics.append(SeedPlan.spillFailed(failure)) }
        return (stream, inputs, diagnostics)
    }

    /// Stage 3: the content hash of the input files, nil when there are errors already
    /// or a file cannot be read (added to `diagnostics`).
    static func hash(_ inputs: [InputFile], diagnostics: inout [Diagnostic]) -> String? {
        guard !diagnostics.hasErrors else { return nil }
        do {
            return try ContentHash.of(inputs)
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    /// Stage 5: the files of `seeds/` for a plan, in path order; `inputs` are the
    /// content's files, as the manifest lists them. Each renders only when run.
    static func render(_ plan: SeedPlan, inputs: [InputFile]) -> [OutputRenderer] {
        OutputRenderer.all(for: plan, inputs: inputs.map(\.path))
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
}

/// What compiling gives: the content it read, its problems, and (without errors) the
/// plan and the renderers of `seeds/`.
public struct Compilation: Sendable {
    public var content: ContentInput
    /// Empty when there is any error: nothing is written from invalid content.
    public var outputs: [OutputRenderer] = []
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic] = []
    public var plan: SeedPlan?
    /// The document was read up to its records, but more of the seed section follows
    /// them: nothing was compiled (`SeedPipeline.run` reads again, whole).
    var needsWholeReading = false
}
