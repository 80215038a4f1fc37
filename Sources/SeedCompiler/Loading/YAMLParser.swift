import CYAML

/// Owns a libyaml parser over a byte source and hands out its events one at a time.
final class YAMLParser {
    private var parser = yaml_parser_t()
    /// The source libyaml pulls pieces from (nil when it reads a buffer in place).
    private let source: (any ByteSource)?
    private var offset = 0
    /// Why reading the source failed, when it did (libyaml then reports a reader error).
    private(set) var readError: SourceReadError?

    /// Reads `bytes` in place, without a copy: libyaml reads from them until the parser
    /// is deleted, so use it only inside `parse`.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        source = nil
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    /// Reads `source` in the pieces libyaml asks for, so it is never held whole.
    private init(reading source: any ByteSource) {
        self.source = source
        yaml_parser_initialize(&parser)
        yaml_parser_set_input(&parser, { context, buffer, size, read in
            let parser = Unmanaged<YAMLParser>.fromOpaque(context!).takeUnretainedValue()
            return parser.fill(UnsafeMutableRawBufferPointer(start: buffer, count: size), read!)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        yaml_parser_delete(&parser)
    }

    /// libyaml's read handler: the next piece of the source, 0 bytes at its end.
    private func fill(_ buffer: UnsafeMutableRawBufferPointer, _ read: UnsafeMutablePointer<Int>) -> Int32 {
        do {
            let count = try source!.read(at: offset, into: buffer)
            offset += count
            read.pointee = count
            return 1
        } catch {
            readError = error
            return 0
        }
    }

    /// Runs `body` with a parser over `source`, valid only inside it. Bytes in memory
    /// are read in place; any other source in pieces.
    static func parse<T>(_ source: any ByteSource, _ body: (YAMLParser) -> T) -> T {
        if let bytes = (source as? MemoryBytes)?.bytes {
            return bytes.withUnsafeBufferPointer { buffer in
                withExtendedLifetime(YAMLParser(buffer)) { body($0) }
            }
        }
        return withExtendedLifetime(YAMLParser(reading: source)) { body($0) }
    }

    /// The next event; the caller must pass it to `yaml_event_delete`. Nil on error.
    func next() -> yaml_event_t? {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        return event
    }

    /// What libyaml reports after `next()` returned nil.
    struct Failure {
        var isReaderError: Bool
        var problem: String
        var context: String?
        /// For scanner and parser errors: 0-based line and column (characters).
        var line: Int
        var column: Int
        /// For reader errors (bad bytes): the byte offset.
        var offset: Int
    }

    var failure: Failure {
        Failure(
            isReaderError: parser.error == YAML_READER_ERROR,
            problem: parser.problem.map { String(cString: $0) } ?? "invalid YAML",
            context: parser.context.map { String(cString: $0) },
            line: Int(parser.problem_mark.line), column: Int(parser.problem_mark.column),
            offset: Int(parser.problem_offset))
    }
}
