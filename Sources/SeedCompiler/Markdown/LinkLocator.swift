import CCmarkGFM

/// Finds where the destination of each link or image node of a cmark document is
/// written in its source.
///
/// cmark-gfm 0.29 does not give reliable positions for inline nodes, but block nodes
/// carry reliable start and end lines. So each link is looked for within the lines of
/// its nearest block ancestor (a paragraph, heading or table cell), from a cursor that
/// moves past every destination found. Nodes come in the order the iterator leaves them,
/// which is the order of their destinations in the source, so repeated identical links
/// map to successive occurrences. In order of preference a destination is:
/// 1. an inline `](destination` or a bare/angle-bracket autolink written in the block;
/// 2. the destination of the first reference definition (`[label]: destination`) with
///    that URL, for reference links;
/// 3. the next inline destination in the block whatever its text, should the URL not
///    match the text as this type reads it;
/// 4. failing all, the start of the block.
/// Text inside the block's code spans is never taken for a destination.
struct LinkLocator {
    private let bytes: [UInt8]
    private let written: WrittenDestinations
    private var lines: LineTable
    /// Byte offset where the search for the next destination starts.
    private var cursor = 0
    /// The current block's bytes and its code spans, where no destination is.
    private var block: (range: Range<Int>, codeSpans: [Range<Int>]) = (0..<0, [])

    init(_ markdown: String) {
        bytes = Array(markdown.utf8)
        written = WrittenDestinations(bytes)
        lines = LineTable(bytes)
    }

    /// The position of `node`'s destination: 0-based line, 1-based start and end
    /// columns (end exclusive).
    mutating func locate(_ node: OpaquePointer, url: String) -> (line: Int, start: Int, end: Int) {
        let blockLines = Self.blockLines(of: node)
        let blockRange = lines.start(ofLine: blockLines.first)..<lines.start(ofLine: blockLines.last + 1)
        if block.range != blockRange {
            block = (blockRange, CodeSpans.ranges(in: bytes, blockRange))
        }
        let from = max(cursor, blockRange.lowerBound)
        let inline = written.inline[url] ?? []
        var found = firstOutsideCode(from: from) { Self.first(in: inline, from: $0, before: blockRange.upperBound) }
        if let text = Self.autolinkText(of: node, url: url) {
            let end = found?.lowerBound ?? blockRange.upperBound
            found = firstOutsideCode(from: from) { firstBare(text, from: $0, before: end) } ?? found
        }
        if found == nil, let definition = written.definitions[url] {
            return position(of: definition)
        }
        found = found ?? firstOutsideCode(from: from) { Self.first(in: written.allInline, from: $0, before: blockRange.upperBound) }
        guard let found else {
            return position(of: blockRange.lowerBound..<blockRange.lowerBound)
        }
        cursor = max(found.upperBound, found.lowerBound + 1)
        return position(of: found)
    }

    /// The first range `search` finds from `from` on that does not start in a code span
    /// of the current block.
    private func firstOutsideCode(from: Int, _ search: (Int) -> Range<Int>?) -> Range<Int>? {
        var from = from
        while let found = search(from) {
            let index = block.codeSpans.partitioningIndex { $0.upperBound > found.lowerBound }
            guard index < block.codeSpans.count, block.codeSpans[index].lowerBound <= found.lowerBound else { return found }
            from = block.codeSpans[index].upperBound
        }
        return nil
    }

    private mutating func position(of range: Range<Int>) -> (line: Int, start: Int, end: Int) {
        let (line, column) = lines.position(of: range.lowerBound)
        return (line, column, column + lines.scalarCount(range))
    }

    /// The 0-based first and last source lines of the nearest block ancestor that has
    /// a position (cmark lines are 1-based; a node without a position has line 0).
    private static func blockLines(of node: OpaquePointer) -> (first: Int, last: Int) {
        var current = cmark_node_parent(node)
        while let block = current {
            let type = cmark_node_get_type(block).rawValue
            let first = Int(cmark_node_get_start_line(block))
            if type & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK), first > 0 {
                return (first - 1, max(first, Int(cmark_node_get_end_line(block))) - 1)
            }
            current = cmark_node_parent(block)
        }
        return (0, Int.max - 1)
    }

    /// The first destination starting in `from..<end`.
    private static func first(in destinations: [Range<Int>], from: Int, before end: Int) -> Range<Int>? {
        let index = destinations.partitioningIndex { $0.lowerBound >= from }
        guard index < destinations.count, destinations[index].lowerBound < end else { return nil }
        return destinations[index]
    }

    /// For a link whose only child is a text equal to its URL (possibly without the
    /// `mailto:` or `http://` cmark adds), as autolinks are, that text as bytes.
    private static func autolinkText(of node: OpaquePointer, url: String) -> [UInt8]? {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(child).map({ String(cString: $0) }), !literal.isEmpty,
              url == literal || url == "mailto:" + literal || url == "http://" + literal
        else { return nil }
        return Array(literal.utf8)
    }

    /// The first occurrence of `text` in `from..<end` that is not the text of an inline
    /// link (followed by `](`).
    private func firstBare(_ text: [UInt8], from: Int, before end: Int) -> Range<Int>? {
        var start = from
        while start + text.count <= min(end, bytes.count) {
            if bytes[start] == text[0], bytes[start..<start + text.count].elementsEqual(text) {
                let after = start + text.count
                let isLinkText = after + 1 < bytes.count && bytes[after] == UInt8(ascii: "]") && bytes[after + 1] == UInt8(ascii: "(")
                if !isLinkText { return start..<after }
            }
            start += 1
        }
        return nil
    }
}

extension RandomAccessCollection where Index == Int {
    /// The index of the first element for which `predicate` holds, given that it holds
    /// for all elements after it (binary search); `endIndex` if none.
    fileprivate func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = low + (high - low) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
