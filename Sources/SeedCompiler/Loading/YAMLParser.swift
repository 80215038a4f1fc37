import CYAML

/// Owns a libyaml parser over a byte buffer and hands out its events one at a time.
final class YAMLParser {
    private var parser = yaml_parser_t()
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        // libyaml reads from the buffer until the parser is deleted: keep our own copy.
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        buffer.deallocate()
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
