/// A markdown record file split into its front matter and its body.
public struct FrontMatterDocument: Sendable {
    /// The front matter's fields: always a mapping, empty for an empty front matter.
    public var frontMatter: YAMLNode
    /// The markdown after the closing line, CRLF line endings turned into LF; a missing
    /// final newline stays missing.
    public var body: String
    /// The 1-based file line where the body begins (the line after the closing `---`).
    public var bodyStartLine: Int
}

/// Splits a markdown record file:
///
/// ```
/// ---
/// title: Health
/// ---
/// # Health …
/// ```
///
/// The file starts, after an optional UTF-8 byte order mark, with a line `---`; the front
/// matter runs to the next line `---` or `...` (see `FrontMatterLayout`).
public enum FrontMatter {
    /// The front matter and body of `bytes`, or nil with at least one error.
    ///
    /// Problems of the front matter's YAML come from `YAMLLoader`, with lines of this
    /// file. The body gets one error for its first invalid UTF-8 sequence and one for its
    /// first NUL byte. Empty front matter (`---` right after `---`, or only comments) is
    /// an empty mapping: a record with only its slug and body. Never traps, and runs in
    /// time linear in `bytes.count` besides the YAML loader's own.
    public static func split(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> (FrontMatterDocument?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let layout = FrontMatterLayout.locate(in: bytes, file: file, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let yaml = YAMLLoader.loadStream(Array(bytes[layout.yaml]), file: file, lineOffset: layout.yamlLineOffset, limits: limits)
        diagnostics += yaml.diagnostics
        let frontMatter = fields(of: yaml.documents, emptyAt: layout.opening, diagnostics: &diagnostics)
        let body = MarkdownBody.decode(bytes[layout.body], file: file, firstLine: layout.bodyStartLine)
        diagnostics += body.diagnostics
        guard let frontMatter, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (FrontMatterDocument(frontMatter: frontMatter, body: body.text, bodyStartLine: layout.bodyStartLine), diagnostics)
    }

    /// The one mapping the front matter must hold; nil after reporting anything else.
    private static func fields(of documents: [YAMLNode], emptyAt location: SourceLocation, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        guard let document = documents.first else { return YAMLNode(.mapping([]), location: location) }
        if documents.count > 1 {
            diagnostics.append(.error(.multipleDocuments, "front matter holds more than one YAML document: a line starting with '---' inside it begins another", at: documents[1].location))
            return nil
        }
        switch document.content {
        case .mapping:
            return document
        case .scalar("", .plain) where document.tag == nil:
            return YAMLNode(.mapping([]), location: location)
        case .scalar, .sequence:
            diagnostics.append(.error(.frontMatterNotMapping, "front matter must be fields (name: value), found \(document.kindName)", at: document.location))
            return nil
        }
    }
}
