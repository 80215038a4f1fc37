/// Where each record goes as it is read: typed (`RecordTyper`), checked against the
/// records before it (`RecordSetChecker`, `LinkChecker`, with the values they need in
/// `ColumnValues`), then planned as a row (`Planner`). No stage keeps the record
/// itself.
struct RecordStream {
    private var typer: RecordTyper
    private var planner: Planner
    private var values: ColumnValues
    private var records: RecordSetChecker
    private var links: LinkChecker
    private var diagnostics: [Diagnostic] = []

    init(document: ContentDocument, spill: (any RowSpill)? = nil) {
        let schema = document.schema
        planner = Planner(schema: schema, spill: spill)
        typer = RecordTyper(schema: schema, encoder: planner.encoder)
        records = RecordSetChecker(schema: schema)
        links = LinkChecker(schema: schema, root: document.root)
        values = ColumnValues(records.referencedColumns + links.routeColumns, schema: schema)
    }

    /// The records of one YAML file, as `produce` reads them: read on a second thread,
    /// typed, checked and planned on this one (`Overlap`). Returns what `produce`
    /// returns.
    /// - Parameter publicFile: true for content.yaml (`RecordTyper.type`).
    mutating func add<Result: Sendable>(
        from file: String, publicFile: Bool,
        produce: @escaping @Sendable (_ emit: (DetachedRecord) -> Void) -> Result
    ) -> Result {
        Overlap.run(produce: produce) { item in
            add(typer.type(item, from: file, publicFile: publicFile), from: file)
        }
    }

    /// A mapping of tables to record lists (`seed.records`, an include file's root):
    /// every table named must be declared and hold a list.
    mutating func checkTables(_ node: YAMLNode, in what: String) {
        typer.checkTables(node, in: what)
    }

    /// One markdown file of a collection.
    mutating func add(markdown file: InputFile, table: String) {
        guard let markdown = typer.markdown(file, table: table) else { return }
        links.check(markdown: markdown.body, file: file.path, firstLine: markdown.firstLine, values: values)
        if let raw = markdown.record { add(typer.type(raw), from: file.path) }
    }

    private mutating func add(_ typed: TypedRecord, from file: String) {
        if let node = typed.node { links.check(content: node, values: values) }
        guard let record = typed.record else { return }
        values.add(record)
        records.add(record, values: values)
        if let row = typed.row { planner.add(row, table: record.table) }
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
        return typer.diagnostics + records.diagnostics + links.diagnostics + diagnostics
    }
}
