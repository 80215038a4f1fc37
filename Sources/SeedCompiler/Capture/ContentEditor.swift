/// Inserts lines into a YAML file without changing any other byte: comments, key
/// order, quoting and blank lines stay. Insertion points come from the positions the
/// loader keeps on every node.
public enum ContentEditor {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var message: String
        public var location: SourceLocation?
        public var description: String { message }
    }

    /// Appends list items to `seed.records.<table>` (or, for an include file, to the
    /// top-level `<table>` list), creating the keys that are missing. `items` renders
    /// the items with their dash at the given indentation (spaces).
    /// - Parameter seedSection: true for content.yaml (`seed.records`), false for an
    ///   include file (`{table: [records]}` at the top).
    public static func appendRecords(table: String, to bytes: [UInt8], root: YAMLNode?, seedSection: Bool, items: (Int) -> String) throws -> [UInt8] {
        var lines = LineIndex(bytes)
        guard seedSection else {
            guard let root, !root.isNull else { return lines.append(YAMLScalar.text(table) + ":\n" + items(2)) }
            guard let pairs = try blockMapping(root, lines: lines, what: "the file", shape: "a mapping of table: [records]") else {
                throw Failure(message: "the file must be a mapping of table: [records]", location: root.location)
            }
            return try append(table: table, in: pairs, after: root, lines: &lines, items: items)
        }
        guard let seedPair = root?.mapping?.first(where: { $0.key.scalar == "seed" }),
              let seed = try blockMapping(seedPair.value, lines: lines, what: "seed", shape: "a mapping") else {
            throw Failure(message: "content.yaml has no seed section to add records to", location: root?.location)
        }
        let seedIndent = indentation(seed)
        guard let recordsPair = seed.first(where: { $0.key.scalar == "records" }) else {
            let text = pad(seedIndent) + "records:\n" + pad(seedIndent + 2) + YAMLScalar.text(table) + ":\n" + items(seedIndent + 4)
            return try lines.insert(afterNode: seedPair.value, text: text)
        }
        guard let records = try blockMapping(recordsPair.value, lines: lines, what: "seed.records", shape: "a mapping of table: [records]") else {
            return try lines.insert(afterLine: recordsPair.key.location.start.line, text: pad(seedIndent + 2) + YAMLScalar.text(table) + ":\n" + items(seedIndent + 4))
        }
        return try append(table: table, in: records, after: recordsPair.value, lines: &lines, items: items)
    }

    /// Adds (or with `replace`, replaces) `seed.tables` with `block`, which is indented
    /// for two spaces under `seed:`. Without a seed section, appends one.
    public static func insertTables(_ block: String, to bytes: [UInt8], root: YAMLNode?, replace: Bool) throws -> [UInt8] {
        var lines = LineIndex(bytes)
        guard let seedPair = root?.mapping?.first(where: { $0.key.scalar == "seed" }) else {
            return lines.append("seed:\n" + block)
        }
        guard let seed = try blockMapping(seedPair.value, lines: lines, what: "seed", shape: "a mapping") else {
            return try lines.insert(afterLine: seedPair.key.location.start.line, text: block)
        }
        if let tables = seed.first(where: { $0.key.scalar == "tables" }) {
            guard replace else {
                throw Failure(message: "content.yaml already has seed.tables; pass --force to replace it, or --print to see the scaffold", location: tables.key.location)
            }
            return try lines.replace(from: tables.key.location.start.line, through: lines.lastLine(of: tables.value), with: reindent(block, to: indentation(seed)))
        }
        return try lines.insert(afterNode: seedPair.value, text: reindent(block, to: indentation(seed)))
    }

    /// Adds `pattern` to `seed.include`: a new `include: [pattern]` first in the seed
    /// section, an item after a block list's last, or before a flow list's `]`.
    public static func addInclude(_ pattern: String, to bytes: [UInt8], root: YAMLNode?) throws -> [UInt8] {
        var lines = LineIndex(bytes)
        let item = YAMLScalar.text(pattern, in: .flow)
        guard let seedPair = root?.mapping?.first(where: { $0.key.scalar == "seed" }) else {
            throw Failure(message: "content.yaml has no seed section to add an include to", location: root?.location)
        }
        guard let seed = try blockMapping(seedPair.value, lines: lines, what: "seed", shape: "a mapping") else {
            return try lines.insert(afterLine: seedPair.key.location.start.line, text: pad(2) + "include: [\(item)]\n")
        }
        guard let include = seed.first(where: { $0.key.scalar == "include" }) else {
            return try lines.insert(afterLine: seedPair.key.location.start.line, text: pad(indentation(seed)) + "include: [\(item)]\n")
        }
        guard let items = include.value.sequence else {
            throw Failure(message: "seed.include is not a list; make it one and add \(pattern)", location: include.value.location)
        }
        if lines.byte(at: include.value.location.start) == UInt8(ascii: "[") {
            let end = include.value.location.end
            let close = SourcePosition(line: end.line, column: end.column - 1)
            guard lines.byte(at: close) == UInt8(ascii: "]") else {
                throw Failure(message: "cannot find the end of seed.include; add \(pattern) to it", location: include.value.location)
            }
            return lines.insert(at: close, text: (items.isEmpty ? "" : ", ") + item)
        }
        return try lines.insert(afterNode: include.value, text: pad(include.value.location.start.column - 1) + "- " + item + "\n")
    }

    /// Items for `table` in a block mapping of tables: after its list's last item, at
    /// the list's dash column; under its key when it has no value yet; or a new key
    /// after the mapping's last line.
    private static func append(table: String, in tables: [YAMLPair], after mapping: YAMLNode, lines: inout LineIndex, items: (Int) -> String) throws -> [UInt8] {
        guard let pair = tables.first(where: { $0.key.scalar == table }) else {
            let indent = indentation(tables)
            return try lines.insert(afterNode: mapping, text: pad(indent) + YAMLScalar.text(table) + ":\n" + items(indent + 2))
        }
        let list = pair.value
        if isEmpty(list) {
            return try lines.insert(afterLine: pair.key.location.start.line, text: items(pair.key.location.start.column - 1 + 2))
        }
        guard list.sequence != nil else {
            throw Failure(message: "the records of \(table) are not a list", location: list.location)
        }
        if lines.byte(at: list.location.start) == UInt8(ascii: "[") {
            throw Failure(message: "the records of \(table) are a flow list ([…]); capture cannot add lines to it: use --into FILE", location: list.location)
        }
        return try lines.insert(afterNode: list, text: items(list.location.start.column - 1))
    }

    /// The pairs of a block mapping; nil for an empty value (`key:` and nothing else),
    /// which lines can be added under. Anything else cannot take lines: an error.
    private static func blockMapping(_ node: YAMLNode, lines: LineIndex, what: String, shape: String) throws -> [YAMLPair]? {
        if isEmpty(node) { return nil }
        guard let pairs = node.mapping else {
            throw Failure(message: "\(what) must be \(shape), found \(node.kindName)", location: node.location)
        }
        if lines.byte(at: node.location.start) == UInt8(ascii: "{") {
            throw Failure(message: "\(what) is a flow mapping ({…}); lines cannot be added to it: write it in block style", location: node.location)
        }
        return pairs
    }

    /// A value written as nothing at all (`key:`), unlike `~` or `null`, which would
    /// have to be removed first.
    private static func isEmpty(_ node: YAMLNode) -> Bool {
        node.isNull && node.scalar == ""
    }

    /// The column (0-based) of a mapping's keys.
    private static func indentation(_ pairs: [YAMLPair]) -> Int {
        (pairs.first?.key.location.start.column ?? 1) - 1
    }

    private static func pad(_ count: Int) -> String { String(repeating: " ", count: count) }

    /// A block written for two spaces of indentation, moved to `indent`.
    private static func reindent(_ block: String, to indent: Int) -> String {
        guard indent != 2 else { return block }
        return block.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : pad(indent) + line.dropFirst(min(2, line.prefix { $0 == " " }.count))
        }.joined(separator: "\n")
    }
}

/// Byte offsets of the lines of a file.
struct LineIndex {
    let bytes: [UInt8]
    /// Offsets where lines start (line 1 at index 0).
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
    }

    /// The last line a node's text is on. A block collection's end mark is where the
    /// next token starts, so it is found through its last child; a block scalar ends
    /// at the start of the next line.
    func lastLine(of node: YAMLNode) -> Int {
        if let last = node.sequence?.last ?? node.mapping?.last?.value, byte(at: node.location.start) != UInt8(ascii: "["),
           byte(at: node.location.start) != UInt8(ascii: "{") {
            return lastLine(of: last)
        }
        let end = node.location.end
        return end.column == 1 && end.line > node.location.start.line ? end.line - 1 : end.line
    }

    func byte(at position: SourcePosition) -> UInt8? {
        guard let offset = offset(of: position), offset < bytes.count else { return nil }
        return bytes[offset]
    }

    /// The byte offset of a line and column (columns count characters).
    private func offset(of position: SourcePosition) -> Int? {
        guard position.line - 1 < starts.count else { return nil }
        var offset = starts[position.line - 1]
        var column = 1
        while column < position.column, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// `text` inserted just before the character at `position`.
    func insert(at position: SourcePosition, text: String) -> [UInt8] {
        let offset = min(offset(of: position) ?? bytes.count, bytes.count)
        return Array(bytes[..<offset]) + Array(text.utf8) + bytes[offset...]
    }

    mutating func insert(afterNode node: YAMLNode, text: String) throws -> [UInt8] {
        try insert(afterLine: lastLine(of: node), text: text)
    }

    /// `text` (whole lines) inserted at the start of the line after `line`.
    mutating func insert(afterLine line: Int, text: String) throws -> [UInt8] {
        let offset = line < starts.count ? starts[line] : bytes.count
        var prefix = Array(bytes[..<offset])
        if let last = prefix.last, last != 0x0A { prefix.append(0x0A) }
        return prefix + Array(text.utf8) + bytes[offset...]
    }

    /// Lines `first` through `last` replaced by `text`.
    mutating func replace(from first: Int, through last: Int, with text: String) throws -> [UInt8] {
        let start = starts[first - 1]
        let end = last < starts.count ? starts[last] : bytes.count
        return Array(bytes[..<start]) + Array(text.utf8) + bytes[end...]
    }

    /// `text` after the last line.
    func append(_ text: String) -> [UInt8] {
        var out = bytes
        if let last = out.last, last != 0x0A { out.append(0x0A) }
        return out + Array(text.utf8)
    }
}
