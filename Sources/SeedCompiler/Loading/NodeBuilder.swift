import CYAML

/// Builds nodes from libyaml events with an explicit stack (no recursion, so depth is
/// bounded by `YAMLLimits` and not by the call stack), resolves aliases and checks
/// mapping keys.
///
/// With a `recordPath`, the items of every list at `path.table` (the records) are not
/// kept in the tree: each is handed out as a `DetachedRecord` once complete, so a
/// file of records never exists as one tree. The lists stay, empty but with their span.
/// With `skipRecords` as well, records are not even built, only counted: a first
/// reading of content.yaml, for its schema, before its records are streamed.
struct NodeBuilder {
    /// A list or mapping being built. Its items grow in place (`stack[top].items`),
    /// so no item is copied on the way into its collection.
    private struct Open {
        var isMapping: Bool
        /// A list's items.
        var items: [YAMLNode] = []
        /// A mapping's pairs, and the key waiting for its value.
        var pairs: [YAMLPair] = []
        var key: YAMLNode?
        var start: SourcePosition
        var tag: String?
        var anchor: String?
        /// Nodes in this collection so far, aliases expanded, itself included (what an
        /// alias of it brings in).
        var size = 1
        /// A list of records: its items are handed out, not kept.
        var holdsRecords = false
        /// For a list of records, the key naming their table.
        var table: YAMLNode?
        /// Items handed out as records (a list of records only).
        var detached = 0
    }

    let file: String
    let lineOffset: Int
    let limits: YAMLLimits
    /// The mapping keys leading to the tables of records (`[]`: the document is
    /// `{table: [records]}`; `["seed", "records"]`: content.yaml), or nil to keep all.
    let recordPath: [String]?
    /// Records are counted and passed over, not built (see the type's comment).
    let skipRecords: Bool
    var documents: [YAMLNode] = []
    var diagnostics: [Diagnostic] = []
    /// Records completed since the caller last took them.
    var records: [DetachedRecord] = []
    /// Records passed over with `skipRecords`.
    private(set) var skipped = 0
    /// With `skipRecords`: stop at the first record, the document as read so far
    /// (`partialDocument`) its only one.
    var stopAtRecords = false
    /// Whether reading stopped at the first record (`stopAtRecords`).
    private(set) var stopped = false
    /// How deep inside a record being passed over the events are (0: not in one).
    private var skipping = 0
    /// Anchors inside records passed over: an alias of one elsewhere reads as an
    /// empty value on this reading instead of failing.
    private var skippedAnchors: Set<String> = []
    private var stack: [Open] = []
    /// The pairs of the last mapping closed at each depth: room reserved for the next
    /// one there (records of a table tend to have the same fields).
    private var pairsAtDepth: [Int] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var root: YAMLNode?
    /// The keys of the last mapping found to have no duplicate: the records of a table
    /// mostly repeat them, and then need one comparison per key.
    private var distinctKeys: [String] = []
    /// Nodes brought in by aliases in this document so far.
    private var expanded = 0

    init(file: String, lineOffset: Int, limits: YAMLLimits, recordPath: [String]? = nil, skipRecords: Bool = false) {
        self.file = file
        self.lineOffset = lineOffset
        self.limits = limits
        self.recordPath = recordPath
        self.skipRecords = skipRecords
    }

    /// Handles one event; false when loading must stop (a limit was reached).
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        if skipRecords, pass(over: event) {
            guard stopAtRecords, skipped > 0 else { return true }
            stopped = true
            documents.append(partialDocument(endingAt: position(event.start_mark)))
            return false
        }
        let start = position(event.start_mark)
        let end = position(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            root = nil
            anchors = [:]
            expanded = 0
        case YAML_DOCUMENT_END_EVENT:
            documents.append(root ?? YAMLNode(.scalar("", .plain), location: SourceLocation(file: file, start: start, end: end)))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let length = Int(scalar.length)
            let location = SourceLocation(file: file, start: start, end: end)
            guard length <= limits.maxScalarLength else {
                diagnostics.append(.error(.scalarLimit, "this value is \(length) bytes long, more than the limit of \(limits.maxScalarLength) bytes", at: location))
                return false
            }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: length), as: UTF8.self)
            return complete(YAMLNode(.scalar(text, style(scalar.style)), tag: string(scalar.tag), location: location), size: 1, anchor: string(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            let location = SourceLocation(file: file, start: start, end: end)
            if anchors[name] == nil, skippedAnchors.contains(name) {
                return complete(YAMLNode(.scalar("", .plain), location: location), size: 1, anchor: nil)
            }
            guard let (node, size) = anchors[name] else {
                diagnostics.append(.error(.yamlSyntax, "unknown alias *\(name): no anchor &\(name) before it", at: location))
                return false
            }
            return complete(node, size: size, anchor: nil, aliasAt: location)
        case YAML_SEQUENCE_START_EVENT:
            return openCollection(mapping: false, at: start, end: end, tag: string(event.data.sequence_start.tag), anchor: string(event.data.sequence_start.anchor))
        case YAML_MAPPING_START_EVENT:
            return openCollection(mapping: true, at: start, end: end, tag: string(event.data.mapping_start.tag), anchor: string(event.data.mapping_start.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closing = stack.popLast() else { return true }
            let location = SourceLocation(file: file, start: closing.start, end: end)
            let node: YAMLNode
            if closing.isMapping {
                checkKeys(closing.pairs)
                pairsAtDepth[stack.count] = closing.pairs.count
                node = YAMLNode(.mapping(closing.pairs), tag: closing.tag, location: location)
            } else {
                node = YAMLNode(.sequence(closing.items), tag: closing.tag, location: location)
            }
            return complete(consume node, size: closing.size, anchor: closing.anchor)
        default:
            break
        }
        return true
    }

    private mutating func openCollection(mapping: Bool, at start: SourcePosition, end: SourcePosition, tag: String?, anchor: String?) -> Bool {
        guard stack.count < limits.maxDepth else {
            diagnostics.append(.error(.depthLimit, "nesting deeper than \(limits.maxDepth) levels", at: SourceLocation(file: file, start: start, end: end)))
            return false
        }
        var opened = Open(isMapping: mapping, start: start, tag: tag, anchor: anchor)
        if mapping {
            while pairsAtDepth.count <= stack.count { pairsAtDepth.append(0) }
            opened.pairs.reserveCapacity(pairsAtDepth[stack.count])
        } else if isRecordList(below: stack.count) {
            // The keys leading here stay as they are until the list is complete.
            opened.holdsRecords = true
            opened.table = stack.last?.key
        }
        stack.append(opened)
        return true
    }

    /// Adds a finished node to its parent (or makes it the document's root).
    /// - Parameter aliasAt: where the alias is, when the node is an anchor's, reused.
    private mutating func complete(_ node: consuming YAMLNode, size: Int, anchor: String?, aliasAt: SourceLocation? = nil) -> Bool {
        if let aliasAt, !countExpansion(size, at: aliasAt) { return false }
        if let anchor { anchors[anchor] = (copy node, size) }
        let top = stack.count - 1
        guard top >= 0 else {
            root = consume node
            return true
        }
        stack[top].size += size
        if stack[top].holdsRecords {
            records.append(DetachedRecord(document: documents.count, table: stack[top].table, index: stack[top].detached, node: consume node))
            stack[top].detached += 1
        } else if !stack[top].isMapping {
            stack[top].items.append(consume node)
        } else if let key = stack[top].key.take() {
            stack[top].pairs.append(YAMLPair(key: key, value: consume node))
        } else {
            if node.scalar == nil {
                diagnostics.append(.error(.nonScalarKey, "a mapping key must be a plain value, not \(node.kindName)", at: node.location))
            }
            stack[top].key = consume node
        }
        return true
    }

    /// The document as far as it is read: every open collection closed where it stands
    /// (a key still waiting for its value left out).
    private func partialDocument(endingAt end: SourcePosition) -> YAMLNode {
        var child: YAMLNode?
        for open in stack.reversed() {
            let location = SourceLocation(file: file, start: open.start, end: end)
            if open.isMapping {
                var pairs = open.pairs
                if let key = open.key, let child { pairs.append(YAMLPair(key: key, value: child)) }
                child = YAMLNode(.mapping(pairs), tag: open.tag, location: location)
            } else {
                var items = open.items
                if let child { items.append(child) }
                child = YAMLNode(.sequence(items), tag: open.tag, location: location)
            }
        }
        return child ?? YAMLNode(.scalar("", .plain), location: SourceLocation(file: file, start: end))
    }

    /// Whether a list opened above the first `depth` open collections holds records:
    /// those are mappings at `recordPath`'s keys, then at a table's.
    private func isRecordList(below depth: Int) -> Bool {
        guard let path = recordPath, depth == path.count + 1, stack[depth - 1].key != nil else { return false }
        for (frame, name) in zip(stack, path) {
            guard let key = frame.key, key.scalar == name else { return false }
        }
        return true
    }

    /// With `skipRecords`: true for an event inside a record, or starting one, which
    /// is then counted and passed over.
    private mutating func pass(over event: yaml_event_t) -> Bool {
        let anchor: UnsafeMutablePointer<yaml_char_t>?
        switch event.type {
        case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard skipping > 0 else { return false }
            skipping -= 1
            return true
        case YAML_ALIAS_EVENT: anchor = nil
        default: return false
        }
        if skipping == 0 {
            guard stack.last?.holdsRecords == true else { return false }
            skipped += 1
        }
        if let name = string(anchor) { skippedAnchors.insert(name) }
        if event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT { skipping += 1 }
        return true
    }

    /// Adds the nodes an alias brings in (its anchor's, nested aliases expanded) to the
    /// document's total; false past the limit.
    private mutating func countExpansion(_ size: Int, at location: SourceLocation) -> Bool {
        expanded += size
        guard expanded <= limits.maxAliasExpansion else {
            diagnostics.append(.error(.aliasLimit, "aliases in this document expand to more than \(limits.maxAliasExpansion) values; refusing to expand them further", at: location))
            return false
        }
        return true
    }

    /// Duplicate keys are reported at the second occurrence, with a note at the first.
    private mutating func checkKeys(_ pairs: [YAMLPair]) {
        guard pairs.count > 1 else { return }
        // Keys equal one by one to a list of distinct keys are distinct.
        // (Read in place: a pair copied costs a retain of each of its texts.)
        if pairs.count == distinctKeys.count, pairs.indices.allSatisfy({ index in
            if case let .scalar(key, _) = pairs[index].key.content { key == distinctKeys[index] } else { false }
        }) { return }
        let reported = diagnostics.count
        defer {
            if diagnostics.count == reported { distinctKeys = pairs.compactMap(\.key.scalar) }
        }
        // A record's few keys are compared pairwise: cheaper than hashing each one.
        if pairs.count <= 32 {
            for (index, pair) in pairs.enumerated().dropFirst() {
                guard let key = pair.key.scalar, let earlier = pairs[..<index].first(where: { $0.key.scalar == key }) else { continue }
                duplicateKey(key, at: pair.key.location, first: earlier.key.location)
            }
            return
        }
        var first: [String: SourceLocation] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            if let earlier = first[key] {
                duplicateKey(key, at: pair.key.location, first: earlier)
            } else {
                first[key] = pair.key.location
            }
        }
    }

    private mutating func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) {
        diagnostics.append(.error(.duplicateKey, "duplicate key \"\(key)\" in this mapping", at: location, notes: [.note("first defined here", at: first)]))
    }

    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}

/// One record of a list of records, handed out by `NodeBuilder` as soon as it is
/// complete instead of being kept in the tree.
struct DetachedRecord: Sendable {
    /// The document of the stream it is in (0 for the first).
    var document: Int
    /// The key naming the table (a scalar unless the content is broken).
    var table: YAMLNode?
    /// Its position in the table's list.
    var index: Int
    var node: YAMLNode
}
