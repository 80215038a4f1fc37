/// The part of a record's way that needs nothing from the records before it: made a
/// `RawRecord` (`RecordCollector`), typed against its table (`RecordBuilder`),
/// scanned for secrets when its file is public, and encoded as a planned row
/// (`RowEncoder`); `RecordStream` then checks it against the records before it.
struct RecordTyper {
    private var collector: RecordCollector
    private var builders: [String: RecordBuilder] = [:]
    private let encoder: RowEncoder
    private let schema: Schema
    /// Secrets found in records of content.yaml.
    private var secrets: [Diagnostic] = []
    /// Per table, its binary columns: bytes written as base64 look random by nature,
    /// so their values are not scanned for secrets.
    private let binaryColumns: [String: Set<String>]

    init(schema: Schema, encoder: RowEncoder) {
        self.schema = schema
        self.encoder = encoder
        collector = RecordCollector(schema: schema)
        binaryColumns = Dictionary(schema.tables.map { ($0.name, Set($0.columns.filter { $0.type == .binary }.map(\.name))) }) { first, _ in first }
    }

    /// A record of `seed.records` or an include file.
    /// - Parameter publicFile: true for content.yaml, which the app serves: its records
    ///   are scanned for secrets (and, by `RecordStream`, for links) like the rest of it.
    mutating func type(_ item: DetachedRecord, from file: String, publicFile: Bool) -> TypedRecord {
        if publicFile {
            secrets += SecretScanner.scan(item.node, file: file, skipping: item.table?.scalar.flatMap { binaryColumns[$0] } ?? [])
        }
        var typed = TypedRecord()
        if let raw = collector.record(item, publicFile: publicFile) { typed = type(raw) }
        if publicFile { typed.node = item.node }
        return typed
    }

    /// See `RecordStream.checkTables`.
    mutating func checkTables(_ node: YAMLNode, in what: String) {
        collector.check(tablesNode: node, what: what)
    }

    /// A markdown file of a collection, read for its front matter and body.
    mutating func markdown(_ file: InputFile, table: String) -> (record: RawRecord?, body: String, firstLine: Int)? {
        collector.record(markdown: file, table: table)
    }

    /// A record made from a file of a markdown collection.
    mutating func type(_ raw: RawRecord) -> TypedRecord {
        guard let table = schema.table(raw.table) else { return TypedRecord() }
        let record = builders[raw.table, default: RecordBuilder(table: table)].build(raw)
        return TypedRecord(record: record, row: encoder.encode(record))
    }

    /// Every problem found typing, once all records are in.
    var diagnostics: [Diagnostic] {
        collector.diagnostics + builders.values.flatMap(\.diagnostics) + secrets
    }
}

/// A record as `RecordTyper` leaves it.
struct TypedRecord: Sendable {
    /// The record's mapping, kept for the link check of content.yaml's records.
    var node: YAMLNode?
    /// Nil when the item makes no record (its problems are reported).
    var record: Record?
    var row: PlannedRows.EncodedRow?
}
