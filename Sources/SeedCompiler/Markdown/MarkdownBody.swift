/// The text of a markdown body from the bytes of its file.
enum MarkdownBody {
    /// `bytes` as text with CRLF turned into LF, and an error at the first invalid UTF-8
    /// sequence and at the first NUL byte, if any (positions count lines from `firstLine`;
    /// an invalid sequence counts as one column, and is replaced by U+FFFD in the text).
    static func decode(_ bytes: ArraySlice<UInt8>, file: String, firstLine: Int) -> (text: String, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var invalidFound = false
        var nulFound = false
        var position = SourcePosition(line: firstLine, column: 1)
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        scan: while !(invalidFound && nulFound) {
            switch parser.parseScalar(from: &input) {
            case let .valid(encoded):
                let byte = encoded.first
                if byte == 0, !nulFound {
                    nulFound = true
                    diagnostics.append(.error(.nulByte, "NUL byte in the body; a text file has none", at: SourceLocation(file: file, start: position)))
                }
                if byte == UInt8(ascii: "\n") {
                    position = SourcePosition(line: position.line + 1, column: 1)
                } else {
                    position.column += 1
                }
            case .error:
                if !invalidFound {
                    invalidFound = true
                    diagnostics.append(.error(.invalidUTF8, "invalid UTF-8 in the body; save the file as UTF-8", at: SourceLocation(file: file, start: position)))
                }
                position.column += 1
            case .emptyInput:
                break scan
            }
        }
        return (String(decoding: withoutCarriageReturnsBeforeNewlines(bytes), as: UTF8.self), diagnostics)
    }

    private static func withoutCarriageReturnsBeforeNewlines(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") { continue }
            result.append(byte)
        }
        return result
    }
}
