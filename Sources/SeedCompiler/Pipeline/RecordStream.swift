/// Where each record goes as it is read: typed against its table (`RecordBuilder`),
/// checked against the records before it (`RecordSetChecker`, `LinkChecker`, with
/// the values they need in `ColumnValues`), then planned as a row (`Planner`). No
/// stage keeps the record itself.
struct RecordStream {
    var collector: RecordCollector
    private var planner: Planner
    private var builders: [String: RecordBuilder] = [:]
    private var values: ColumnValues
    private var records: RecordSetChecker
    private var links: LinkChecker
    private var diagnostics: [Diagnostic] = []
    private let schema: Schema

    init(document: ContentDocument, spill: (any RowSpill)? = nil) {
        schema = document.schema
        collector = RecordCollector(schema: schema)
        planner = Planner(schema: schema, spill: spill)
        records = RecordSetChecker(schema: schema)
        links = LinkChecker(schema: schema, root: document.root)
        values = ColumnValues(records.referencedColumns + links.routeColumns, schema: schema)
    }

    /// A record of `seed.records` or an include file.
    /// - Parameter publicFile: true for content.yaml, which the app serves: its records
    ///   are scanned for secrets and links like the rest of it.
    mutating func add(_ item: DetachedRecord, from file: String, publicFile: Bool) {
        if publicFile {
            diagnostics += SecretScanner.scan(item.node, file: file)
            links.check(content: item.node, values: values)
        }
        if let raw = collector.record(item, publicFile: publicFile) { add(raw) }
    }

    /// One markdown file of a collection.
    mutating func add(markdown file: InputFile, table: String) {
        guard let markdown = collector.record(markdown: file, table: table) else { return }
        links.check(markdown: markdown.body, file: file.path, firstLine: markdown.firstLine, values: values)
        if let raw = markdown.record { add(raw) }
    }

    private mutating func add(_ raw: RawRecord) {
        guard let table = schema.table(raw.table) else { return }
        let record = builders[raw.table, default: RecordBuilder(table: table)].build(raw)
        values.add(record)
        records.add(record, values: values)
        planner.add(record)
    }

    /// The plan of every record (call once all are in and checked without errors).
    mutating func plan(contentHash: String, inputs: InputSet) -> SeedPlan {
        planner.plan(contentHash: contentHash, inputs: inputs, orders: records.orders)
    }

    /// Every problem found, once all records are in; `content` is content.yaml's tree
    /// (its records left out), checked for links and secrets.
    mutating func finish(content: YAMLNode?, file: String) -> [Diagnostic] {
        if let content {
            links.check(content: content, values: values)
            diagnostics += SecretScanner.scan(content, file: file)
        }
        records.finish(values: values)
        links.finish(values: values)
        return collector.diagnostics + builders.values.flatMap(\.diagnostics) + records.diagnostics + links.diagnostics + diagnostics
    }
}
