/// Turns byte offsets of a UTF-8 text into 1-based line and column positions.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark. Columns count Unicode
/// scalars (every byte that does not continue a multi-byte sequence starts one).
struct LineTable {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    /// The last position computed on each line, so that a run of increasing offsets on
    /// one long line costs the distance between them rather than from the line start.
    private var lastPosition: [Int: (offset: Int, column: Int)] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { starts.append(index) }
        }
        lineStarts = starts
    }

    /// The byte offset where 0-based `line` starts; the end of the text for lines past the last.
    func start(ofLine line: Int) -> Int {
        line < lineStarts.count ? lineStarts[max(0, line)] : bytes.count
    }

    /// The 0-based line holding `offset` and the 1-based column of `offset` in it.
    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(0, offset), bytes.count)
        let line = lineIndex(of: offset)
        var (from, column) = (lineStarts[line], 1)
        if let last = lastPosition[line], last.offset <= offset { (from, column) = last }
        for byte in bytes[from..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        lastPosition[line] = (offset, column)
        return (line, column)
    }

    /// The number of scalars in `bytes[range]`.
    func scalarCount(_ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
    }

    private func lineIndex(of offset: Int) -> Int {
        var (low, high) = (0, lineStarts.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
