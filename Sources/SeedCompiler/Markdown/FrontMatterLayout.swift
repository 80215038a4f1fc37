/// Where the front matter and the body of a markdown record file are, found from the
/// delimiter lines alone, before either part is read.
///
/// The file starts, after an optional UTF-8 byte order mark, with a line `---`; the front
/// matter runs to the next line `---` or `...`. Delimiter lines may carry trailing spaces,
/// tabs and a CR. Lines end at LF (a CR before it belongs to the line).
struct FrontMatterLayout: Equatable {
    /// The opening `---`.
    var opening: SourceLocation
    /// The bytes between the delimiter lines: the YAML.
    var yaml: Range<Int>
    /// The file line of the opening delimiter, so the YAML's line 1 is file line this + 1.
    var yamlLineOffset: Int
    /// The bytes after the closing line, to the end of the file.
    var body: Range<Int>
    /// The 1-based file line where the body begins (the line after the closing one).
    var bodyStartLine: Int

    /// The layout of `bytes`, or nil after reporting a missing or unclosed front matter.
    static func locate(in bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> FrontMatterLayout? {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var lines = LineReader(bytes, from: bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0)
        guard let opening = lines.next(), isDelimiter(bytes[opening.content], closing: false) else {
            diagnostics.append(.error(.missingFrontMatter, "missing front matter: a record file starts with a line '---', then its fields in YAML, then a line '---'", at: .file(file)))
            return nil
        }
        let openingLocation = SourceLocation(file: file, start: SourcePosition(line: opening.number, column: 1), end: SourcePosition(line: opening.number, column: 4))
        while let line = lines.next() {
            if isDelimiter(bytes[line.content], closing: true) {
                return FrontMatterLayout(
                    opening: openingLocation, yaml: opening.end..<line.start, yamlLineOffset: opening.number,
                    body: line.end..<bytes.count, bodyStartLine: line.number + 1)
            }
        }
        diagnostics.append(.error(.unclosedFrontMatter, "the front matter opened here is never closed: add a line '---' after its fields", at: openingLocation))
        return nil
    }

    /// True for `---` (or, closing, `...`) followed only by spaces, tabs and CRs.
    private static func isDelimiter(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        let marker = line.prefix(3)
        guard marker.elementsEqual("---".utf8) || (closing && marker.elementsEqual("...".utf8)) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}

/// The lines of a byte array, split at LF.
private struct LineReader {
    struct Line {
        /// The 1-based line number.
        var number: Int
        /// The line's bytes without its LF.
        var content: Range<Int>
        /// Where the line starts, and where the next one does.
        var start: Int
        var end: Int
    }

    private let bytes: [UInt8]
    private var offset: Int
    private var number = 0

    init(_ bytes: [UInt8], from offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func next() -> Line? {
        guard offset < bytes.count else { return nil }
        let start = offset
        let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
        offset = newline.map { $0 + 1 } ?? bytes.count
        number += 1
        return Line(number: number, content: start..<(newline ?? bytes.count), start: start, end: offset)
    }
}
