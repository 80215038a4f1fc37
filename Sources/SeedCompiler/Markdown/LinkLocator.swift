/// Finds where link destinations are written. cmark 0.29 does not keep positions of
/// inline nodes, so each destination is searched in the source text from the start of
/// its block, moving forward so repeated identical links map to successive places.
struct LinkLocator {
    private let lines: [[Unicode.Scalar]]
    /// The next place to search from: line index and column index.
    private var cursor = (line: 0, column: 0)

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// The 1-based line and column of `destination`'s first character (for an empty
    /// destination, of its `()`); the block's start when it cannot be found.
    mutating func locate(_ destination: String, fromLine blockLine: Int) -> (Int, Int) {
        let target = Array(destination.unicodeScalars)
        let patterns: [(prefix: [Unicode.Scalar], skip: Int)] = target.isEmpty
            ? [(Array("]()".unicodeScalars), 1)]
            : [(Array("](".unicodeScalars) + target, 2), (Array("](<".unicodeScalars) + target, 3),
               (Array("<".unicodeScalars) + target, 1), (Array("]: ".unicodeScalars) + target, 3), (target, 0)]
        let startLine = max(blockLine - 1, 0)
        if cursor.line < startLine { cursor = (startLine, 0) }
        for (prefix, skip) in patterns {
            if let found = search(prefix, from: cursor) {
                cursor = (found.line, found.column + prefix.count)
                return (found.line + 1, found.column + skip + 1)
            }
        }
        return (blockLine, 1)
    }

    private func search(_ pattern: [Unicode.Scalar], from start: (line: Int, column: Int)) -> (line: Int, column: Int)? {
        var lineIndex = start.line
        var column = start.column
        while lineIndex < lines.count {
            let line = lines[lineIndex]
            if pattern.count <= line.count, column <= line.count - pattern.count {
                for c in column...(line.count - pattern.count) where line[c] == pattern[0] && Array(line[c..<c + pattern.count]) == pattern {
                    return (lineIndex, c)
                }
            }
            lineIndex += 1
            column = 0
        }
        return nil
    }
}
