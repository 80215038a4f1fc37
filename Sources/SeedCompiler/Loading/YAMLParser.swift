import CYAML

/// Owns a libyaml parser over a byte buffer and hands out its events one at a time.
final class YAMLParser {
    private var parser = yaml_parser_t()

    /// Reads `bytes` in place, without a copy: libyaml reads from them until the parser
    /// is deleted, so use it only inside `parse`.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
    }

    /// Runs `body` with a parser over `bytes`, valid only inside it.
    static func parse<T>(_ bytes: [UInt8], _ body: (YAMLParser) -> T) -> T {
        bytes.withUnsafeBufferPointer { buffer in
            withExtendedLifetime(YAMLParser(buffer)) { body($0) }
        }
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
