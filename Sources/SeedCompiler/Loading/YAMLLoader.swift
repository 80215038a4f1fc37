import CYAML

/// Loads YAML from bytes into `YAMLNode` trees by reading libyaml's events, so every
/// node keeps its start and end position and no scalar is typed by YAML 1.1 rules.
public enum YAMLLoader {
    /// Every complete document of the stream, and the problems found. Loading stops at
    /// the first syntax error or limit; documents completed before it are returned.
    /// - Parameter lineOffset: added to every reported line (front matter in a .md file).
    public static func loadStream(_ bytes: [UInt8], file: String, lineOffset: Int = 0, limits: YAMLLimits = .default) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        var builder = NodeBuilder(file: file, lineOffset: lineOffset, limits: limits)
        let parser = YAMLParser(bytes)
        while true {
            guard var event = parser.next() else {
                builder.diagnostics.append(LoaderFailure.diagnostic(parser.failure, bytes: bytes, file: file, lineOffset: lineOffset))
                break
            }
            let done = event.type == YAML_STREAM_END_EVENT
            let ok = builder.handle(&event)
            yaml_event_delete(&event)
            if done || !ok { break }
        }
        return (builder.documents, builder.diagnostics)
    }
}
