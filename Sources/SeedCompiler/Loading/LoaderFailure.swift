/// Turns libyaml's error report into a positioned diagnostic with a clearer message
/// for the common cases: bad bytes, NUL, tabs used as indentation.
enum LoaderFailure {
    /// - Parameters:
    ///   - readError: why reading the source failed, when that is what stopped libyaml.
    ///   - source: the file's bytes, read again (in pieces) only to place a bad byte or
    ///     look at the failing line.
    static func diagnostic(_ failure: YAMLParser.Failure, readError: SourceReadError?, source: any ByteSource, file: String, lineOffset: Int) -> Diagnostic {
        if let memory = (source as? MemoryBytes)?.bytes {
            return diagnostic(failure, readError: readError, bytes: { memory }, file: file, lineOffset: lineOffset)
        }
        return diagnostic(failure, readError: readError, bytes: { SourceBytes(source) }, file: file, lineOffset: lineOffset)
    }

    private static func diagnostic<Bytes: Sequence<UInt8>>(_ failure: YAMLParser.Failure, readError: SourceReadError?, bytes: () -> Bytes, file: String, lineOffset: Int) -> Diagnostic {
        if let readError {
            return .error(.unreadableFile, "cannot read \(file): \(readError.reason)", at: .file(file))
        }
        if failure.isReaderError {
            // libyaml's offset for reader errors can lag behind the bad byte; find it.
            let (offset, isNUL) = firstNonText(in: bytes()) ?? (failure.offset, false)
            let location = SourceLocation(file: file, start: position(ofByte: offset, in: bytes(), lineOffset: lineOffset))
            if isNUL {
                return .error(.nulByte, "NUL byte in the file: a content file must be text", at: location)
            }
            if failure.problem.contains("UTF-8") {
                return .error(.invalidUTF8, "invalid UTF-8 (\(failure.problem)): save the file as UTF-8", at: location)
            }
            return .error(.yamlSyntax, failure.problem, at: location)
        }
        let position = SourcePosition(line: failure.line + 1 + lineOffset, column: failure.column + 1)
        let location = SourceLocation(file: file, start: position)
        if let line = DiagnosticFormatter.sourceLine(bytes(), failure.line + 1) {
            let scalars = Array(line.unicodeScalars)
            let indentation = scalars.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") || (failure.column < scalars.count && scalars[failure.column] == "\t") {
                return .error(.tabIndentation, "tabs cannot be used for indentation in YAML; indent with spaces", at: location)
            }
        }
        let message = failure.context.map { "\(failure.problem) (\($0))" } ?? failure.problem
        return .error(.yamlSyntax, message, at: location)
    }

    /// Offset of the first NUL byte or byte that does not belong to valid UTF-8, and
    /// whether it is a NUL.
    static func firstNonText(in bytes: some Sequence<UInt8>) -> (offset: Int, isNUL: Bool)? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { return (offset, true) }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                // The decoder consumed the bad sequence; report where it began.
                return (offset, false)
            }
        }
    }

    /// Line and column (counting characters) of a byte offset; a BOM takes no column.
    static func position(ofByte offset: Int, in bytes: some Sequence<UInt8>, lineOffset: Int) -> SourcePosition {
        var line = 1, column = 1
        var afterCR = false
        func step(_ byte: UInt8) {
            defer { afterCR = byte == 0x0D }
            if byte == 0x0A, afterCR { return }
            if byte == 0x0A || byte == 0x0D {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        var iterator = bytes.makeIterator()
        var head: [UInt8] = []
        while head.count < 3, let byte = iterator.next() { head.append(byte) }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var index = head == bom ? 3 : 0
        for byte in head[index...] where index < offset {
            step(byte)
            index += 1
        }
        while index < offset, let byte = iterator.next() {
            step(byte)
            index += 1
        }
        return SourcePosition(line: line + lineOffset, column: column)
    }
}
