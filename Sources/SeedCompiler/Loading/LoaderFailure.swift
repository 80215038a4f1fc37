/// Turns libyaml's error report into a positioned diagnostic with a clearer message
/// for the common cases: bad bytes, NUL, tabs used as indentation.
enum LoaderFailure {
    static func diagnostic(_ failure: YAMLParser.Failure, bytes: [UInt8], file: String, lineOffset: Int) -> Diagnostic {
        if failure.isReaderError {
            // libyaml's offset for reader errors can lag behind the bad byte; find it.
            let offset = firstNonText(in: bytes) ?? failure.offset
            let location = SourceLocation(file: file, start: position(ofByte: offset, in: bytes, lineOffset: lineOffset))
            if offset < bytes.count, bytes[offset] == 0 {
                return .error(.nulByte, "NUL byte in the file: a content file must be text", at: location)
            }
            if failure.problem.contains("UTF-8") {
                return .error(.invalidUTF8, "invalid UTF-8 (\(failure.problem)): save the file as UTF-8", at: location)
            }
            return .error(.yamlSyntax, failure.problem, at: location)
        }
        let position = SourcePosition(line: failure.line + 1 + lineOffset, column: failure.column + 1)
        let location = SourceLocation(file: file, start: position)
        if let line = DiagnosticFormatter.sourceLine(bytes, failure.line + 1) {
            let scalars = Array(line.unicodeScalars)
            let indentation = scalars.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") || (failure.column < scalars.count && scalars[failure.column] == "\t") {
                return .error(.tabIndentation, "tabs cannot be used for indentation in YAML; indent with spaces", at: location)
            }
        }
        let message = failure.context.map { "\(failure.problem) (\($0))" } ?? failure.problem
        return .error(.yamlSyntax, message, at: location)
    }

    /// Offset of the first NUL byte or byte that does not belong to valid UTF-8.
    static func firstNonText(in bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { return offset }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                // The decoder consumed the bad sequence; report where it began.
                return offset
            }
        }
    }

    /// Line and column (counting characters) of a byte offset; a BOM takes no column.
    static func position(ofByte offset: Int, in bytes: [UInt8], lineOffset: Int) -> SourcePosition {
        var line = 1, column = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < min(offset, bytes.count) {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line + lineOffset, column: column)
    }
}
