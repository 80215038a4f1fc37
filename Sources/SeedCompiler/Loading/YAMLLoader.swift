import CYAML

/// Loads YAML from bytes into `YAMLNode` trees by reading libyaml's events, so every
/// node keeps its start and end position and no scalar is typed by YAML 1.1 rules.
public enum YAMLLoader {
    /// Every complete document of the stream, and the problems found. Loading stops at
    /// the first syntax error or limit; documents completed before it are returned.
    /// - Parameter lineOffset: added to every reported line (front matter in a .md file).
    public static func loadStream(_ bytes: [UInt8], file: String, lineOffset: Int = 0, limits: YAMLLimits = .default) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        load(MemoryBytes(bytes: bytes), file: file, lineOffset: lineOffset, limits: limits, recordPath: nil) { _ in }
    }

    /// Like `loadStream`, but the records (the items of the lists at `recordPath.table`)
    /// are handed to `record` one at a time as they complete and are not kept in the
    /// documents, whose record lists are left empty. Records of a document that turns
    /// out to be broken may have been handed out before the error.
    static func load(_ source: any ByteSource, file: String, lineOffset: Int = 0, limits: YAMLLimits = .default, recordPath: [String]?, record: (DetachedRecord) -> Void) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        let loaded = load(source, file: file, lineOffset: lineOffset, limits: limits, builder: NodeBuilder(file: file, lineOffset: lineOffset, limits: limits, recordPath: recordPath), record: record)
        return (loaded.documents, loaded.diagnostics)
    }

    /// Like `loadStream`, but the records (at `recordPath.table`) are passed over
    /// without being built, only counted; with `stopAtRecords`, reading stops at the
    /// first, and the document read so far is the only one (`stopped`).
    static func loadSkippingRecords(_ source: any ByteSource, file: String, recordPath: [String], stopAtRecords: Bool = false) -> (documents: [YAMLNode], diagnostics: [Diagnostic], records: Int, stopped: Bool) {
        var builder = NodeBuilder(file: file, lineOffset: 0, limits: .default, recordPath: recordPath, skipRecords: true)
        builder.stopAtRecords = stopAtRecords
        let loaded = load(source, file: file, lineOffset: 0, limits: .default, builder: builder) { _ in }
        return (loaded.documents, loaded.diagnostics, loaded.records, loaded.stopped)
    }

    private static func load(_ source: any ByteSource, file: String, lineOffset: Int, limits: YAMLLimits, builder: NodeBuilder, record: (DetachedRecord) -> Void) -> (documents: [YAMLNode], diagnostics: [Diagnostic], records: Int, stopped: Bool) {
        var builder = builder
        YAMLParser.parse(source) { parser in
            while true {
                guard var event = parser.next() else {
                    builder.diagnostics.append(LoaderFailure.diagnostic(parser.failure, readError: parser.readError, source: source, file: file, lineOffset: lineOffset))
                    break
                }
                let done = event.type == YAML_STREAM_END_EVENT
                let ok = builder.handle(&event)
                yaml_event_delete(&event)
                if !builder.records.isEmpty {
                    builder.records.forEach(record)
                    builder.records.removeAll(keepingCapacity: true)
                }
                if done || !ok { break }
            }
        }
        return (builder.documents, builder.diagnostics, builder.skipped, builder.stopped)
    }
}
