/// A markdown record split into its front matter and its body.
public struct FrontMatterDocument: Sendable {
    /// Always a mapping (empty front matter gives an empty one); a file whose front
    /// matter has errors gives no document.
    public var frontMatter: YAMLNode
    /// The markdown after the closing `---`, with CRLF turned into LF.
    public var body: String
    /// The 1-based line of the file where the body starts.
    public var bodyStartLine: Int
}

/// Splits markdown files: an optional UTF-8 BOM, a line `---`, YAML, a line `---` (or
/// `...`), then the body. The YAML is read with the same loader, with line numbers of
/// the file; the body must be UTF-8 without NUL bytes. Linear in the file's size.
public enum FrontMatter {
    public static func split(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> (FrontMatterDocument?, [Diagnostic]) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let lines = lineRanges(bytes, from: start)
        guard let first = lines.first, isDelimiter(bytes[first.content], "---") else {
            return (nil, [.error(.missingFrontMatter, "missing front matter: a record file starts with a line '---', then its fields in YAML, then a line '---'", at: .file(file))])
        }
        guard let closing = lines.dropFirst().firstIndex(where: { isDelimiter(bytes[$0.content], "---") || isDelimiter(bytes[$0.content], "...") }) else {
            return (nil, [.error(.unclosedFrontMatter, "the front matter opened here is never closed: add a line '---' after its fields", at: .file(file))])
        }
        let yaml = Array(bytes[first.next..<lines[closing].content.lowerBound])
        var (documents, diagnostics) = YAMLLoader.loadStream(yaml, file: file, lineOffset: 1, limits: limits)
        let fieldsStart = SourceLocation(file: file, start: SourcePosition(line: 2, column: 1))
        var frontMatter = YAMLNode(.mapping([]), location: fieldsStart)
        if let node = documents.first, !node.isNull {
            if node.mapping != nil {
                frontMatter = node
            } else if !diagnostics.hasErrors {
                diagnostics.append(.error(.frontMatterNotMapping, "front matter must be fields (name: value), found \(node.kindName)", at: node.location))
            }
        }
        let bodyStartLine = closing + 2
        let bodyBytes = bytes[lines[closing].next...]
        if let problem = BodyText.problem(in: bodyBytes, file: file, firstLine: bodyStartLine) {
            diagnostics.append(problem)
        }
        // A file whose fields cannot be read makes no record (no follow-on errors).
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let body = String(decoding: bodyBytes, as: UTF8.self).replacing("\r\n", with: "\n")
        return (FrontMatterDocument(frontMatter: frontMatter, body: body, bodyStartLine: bodyStartLine), diagnostics)
    }

    /// A line's content (without its line break) and where the next line starts.
    private struct Line {
        var content: Range<Int>
        var next: Int
    }

    private static func lineRanges(_ bytes: [UInt8], from start: Int) -> [Line] {
        var lines: [Line] = []
        var lineStart = start
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                let end = i > lineStart && bytes[i - 1] == 0x0D ? i - 1 : i
                lines.append(Line(content: lineStart..<end, next: i + 1))
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < bytes.count { lines.append(Line(content: lineStart..<bytes.count, next: bytes.count)) }
        return lines
    }

    /// `---` with nothing after it but spaces or tabs.
    private static func isDelimiter(_ line: ArraySlice<UInt8>, _ marker: String) -> Bool {
        let marker = Array(marker.utf8)
        guard line.starts(with: marker) else { return false }
        return line.dropFirst(marker.count).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}

/// Checks that a markdown body is text: UTF-8, no NUL.
enum BodyText {
    static func problem(in bytes: ArraySlice<UInt8>, file: String, firstLine: Int) -> Diagnostic? {
        var line = firstLine, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar):
                if scalar == "\0" {
                    return .error(.nulByte, "NUL byte in the file: a content file must be text", at: SourceLocation(file: file, start: SourcePosition(line: line, column: column)))
                }
                if scalar == "\n" { line += 1; column = 1 } else if scalar != "\r" { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return .error(.invalidUTF8, "invalid UTF-8: save the file as UTF-8", at: SourceLocation(file: file, start: SourcePosition(line: line, column: column)))
            }
        }
    }
}
