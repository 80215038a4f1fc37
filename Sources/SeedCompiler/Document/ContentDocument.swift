/// `content.yaml` loaded and its `seed` section read: the first stage, which also tells
/// the caller which other files to read (include patterns, collection folders).
public struct ContentDocument: Sendable {
    public static let fileName = "content.yaml"

    public var file: InputFile
    /// The file the `seed` section came from when it is not content.yaml.
    public var schemaFile: InputFile?
    /// content.yaml's tree; when it holds the `seed` section, without the records of
    /// `seed.records` (their lists are left empty: `SeedPipeline` streams them).
    public var root: YAMLNode?
    public var schema: Schema
    /// `seed.records` as loaded: tables of empty lists.
    var recordsNode: YAMLNode?
    /// Whether the seed section's file has records under `seed.records`.
    var hasInlineRecords = false
    /// Whether the seed section's file was read only up to its first record
    /// (`upToRecords`): `root` (or the schema file's tree) then ends there.
    public private(set) var readUpToRecords = false
    public var diagnostics: [Diagnostic]

    /// The mapping keys of `seed.records`, where records are streamed from.
    static let recordPath = ["seed", "records"]

    /// The file whose `seed` section is used.
    var seedFile: InputFile { schemaFile ?? file }

    /// Folders of markdown collections, relative to the root.
    public var collections: [String] { schema.tables.compactMap(\.source) }

    /// - Parameters:
    ///   - schemaFile: a file whose `seed` section is used instead of content.yaml's
    ///     (for content that cannot carry one).
    ///   - upToRecords: read the seed section's file only up to its first record under
    ///     `seed.records`, when it has one, taking the schema from what comes before:
    ///     `SeedPipeline` then reads the file once, streaming the records, instead of
    ///     twice. That holds when the records come last (`seed` the last key of the
    ///     file, `records` the last of `seed`); otherwise `SeedPipeline` asks for a reading
    ///     of the whole file (`Compilation.needsWholeReading`).
    public init(_ file: InputFile, schemaFile: InputFile? = nil, upToRecords: Bool = false) {
        self.file = file
        self.schemaFile = schemaFile
        var (root, diagnostics, inline, partial): (YAMLNode?, [Diagnostic], Bool, Bool)
        if schemaFile == nil {
            (root, diagnostics, inline, partial) = Self.loadSkippingRecords(file, upToRecords: upToRecords)
        } else {
            (root, diagnostics) = Self.loadSingle(file)
            (inline, partial) = (false, false)
        }
        var seedRoot = root
        var seedFile = file
        if let schemaFile {
            let (schemaRoot, problems, records, stopped) = Self.loadSkippingRecords(schemaFile, upToRecords: upToRecords)
            diagnostics += problems
            (seedRoot, seedFile, inline, partial) = (schemaRoot, schemaFile, records, stopped)
        }
        hasInlineRecords = inline
        readUpToRecords = partial
        let loadProblems = diagnostics
        var schema = Schema()
        var recordsNode: YAMLNode?
        if let root, !root.isNull, root.mapping == nil {
            diagnostics.append(.error(.invalidSchema, "\(file.path) must be a mapping at the top level, found \(root.kindName)", at: root.location))
        }
        if let root = seedRoot, !root.isNull {
            if root.mapping == nil {
                if seedFile.path != file.path { diagnostics.append(.error(.invalidSchema, "\(seedFile.path) must be a mapping at the top level, found \(root.kindName)", at: root.location)) }
            } else if let seed = root["seed"] {
                var reader = SchemaReader()
                (schema, recordsNode) = reader.read(seed: seed)
                diagnostics += reader.diagnostics
            } else if !loadProblems.hasErrors {
                diagnostics.append(.error(.invalidSchema, "\(seedFile.path) has no `seed` section: add `seed:` with `tables:` to declare what to compile", at: root.location))
            }
        } else if !loadProblems.hasErrors {
            diagnostics.append(.error(.invalidSchema, "\(seedFile.path) is empty: it needs a `seed` section", at: .file(seedFile.path)))
        }
        self.root = root
        self.schema = schema
        self.recordsNode = recordsNode
        self.diagnostics = diagnostics
    }

    /// One YAML document of a file; more is an error.
    public static func loadSingle(_ file: InputFile) -> (YAMLNode?, [Diagnostic]) {
        loadSingle(file, recordPath: nil) { _ in }
    }

    /// One YAML document of a file, its records (at `recordPath`, see `YAMLLoader.load`)
    /// handed to `record` and not kept; records of further documents are not handed out.
    static func loadSingle(_ file: InputFile, recordPath: [String]?, record: (DetachedRecord) -> Void) -> (YAMLNode?, [Diagnostic]) {
        let (documents, problems) = YAMLLoader.load(file.source, file: file.path, recordPath: recordPath) { detached in
            if detached.document == 0 { record(detached) }
        }
        return single(documents, problems, file: file)
    }

    /// The seed section's file read for its schema: one YAML document, the records of
    /// `seed.records` passed over unbuilt (`SeedPipeline` streams them on a second reading),
    /// and whether there are any; with `upToRecords`, read only up to the first record,
    /// and whether it stopped there.
    static func loadSkippingRecords(_ file: InputFile, upToRecords: Bool) -> (YAMLNode?, [Diagnostic], hasRecords: Bool, stopped: Bool) {
        let loaded = YAMLLoader.loadSkippingRecords(file.source, file: file.path, recordPath: recordPath, stopAtRecords: upToRecords)
        let (root, diagnostics) = single(loaded.documents, loaded.diagnostics, file: file)
        return (root, diagnostics, loaded.records > 0, loaded.stopped)
    }

    /// Whether a seed section's file read whole (`root`) has its records last: then
    /// the schema taken from the part before them is the whole file's.
    static func recordsComeLast(in root: YAMLNode?) -> Bool {
        guard let pairs = root?.mapping, pairs.last?.key.scalar == "seed",
              let seed = pairs.last?.value.mapping else { return false }
        return seed.last?.key.scalar == "records"
    }

    /// The first document; more is an error.
    private static func single(_ documents: [YAMLNode], _ problems: [Diagnostic], file: InputFile) -> (YAMLNode?, [Diagnostic]) {
        var diagnostics = problems
        if documents.count > 1 {
            diagnostics.append(.error(.multipleDocuments, "\(file.path) holds \(documents.count) YAML documents; it must hold one (remove the extra `---`)", at: documents[1].location))
        }
        return (documents.first, diagnostics)
    }

    /// The files this content is made of, as declared.
    public var inputSet: InputSet {
        InputSet(schema: schemaFile?.path, include: schema.includes, collections: collections, prunes: schema.tables.contains(where: \.prune))
    }

    /// Whether `path` (relative to the root) is an include file of this content.
    public func isIncluded(_ path: String) -> Bool {
        inputSet.isIncluded(path)
    }

    /// The table whose markdown collection `path` belongs to.
    public func collectionTable(for path: String) -> String? {
        inputSet.collection(of: path).flatMap { folder in schema.tables.first { $0.source == folder }?.name }
    }
}
