/// Reads records, one at a time, from the three places they can be written, and
/// checks the structure around them. It keeps no records: each is handed back as a
/// `RawRecord` for typing.
struct RecordCollector {
    private(set) var diagnostics: [Diagnostic] = []
    /// The first file of each slug, per table.
    private var slugs: [String: [String: SourceLocation]] = [:]
    let schema: Schema
    /// The tables whose records content.yaml may not hold (`isPrivate`), found once.
    private let privateTables: Set<String>

    init(schema: Schema) {
        self.schema = schema
        privateTables = Set(schema.tables.filter(\.isPrivate).map(\.name))
    }

    /// `{table: [records]}`, the `seed.records` node or an include file's document, as
    /// loaded with its records detached (`YAMLLoader.load`): its tables and lists.
    mutating func check(tablesNode node: YAMLNode, what: String) {
        guard let pairs = node.mapping else {
            diagnostics.append(.error(.invalidSchema, "\(what) must be a mapping of table names to lists of records, found \(node.kindName)", at: node.location))
            return
        }
        for pair in pairs {
            guard let table = pair.key.scalar else { continue }
            guard schema.table(table) != nil else {
                diagnostics.append(.error(.unknownTable, "unknown table \"\(table)\"" + Suggestions.hint(for: table, among: schema.tables.map(\.name)) + "; declare it under seed.tables", at: pair.key.location))
                continue
            }
            if !pair.value.isNull, pair.value.sequence == nil {
                diagnostics.append(.error(.invalidSchema, "records of \(table) must be a list, found \(pair.value.kindName)", at: pair.value.location))
            }
        }
    }

    /// One item of a table's list. Nil for the items of undeclared tables (`check`
    /// reports the table once) and for items that are not mappings.
    /// - Parameter publicFile: true for content.yaml, which the app serves: records of
    ///   private tables are an error there.
    mutating func record(_ item: DetachedRecord, publicFile: Bool) -> RawRecord? {
        guard let table = item.table?.scalar, schema.tables.contains(where: { $0.name == table }) else { return nil }
        // Only messages need it: made when one is.
        func label() -> String { Record.label(table: table, ordinal: item.index, file: "") }
        guard let fields = item.node.mapping else {
            diagnostics.append(.error(.invalidSchema, "\(label()) must be a mapping of column: value, found \(item.node.kindName)", at: item.node.location))
            return nil
        }
        if publicFile, privateTables.contains(table), let declared = schema.table(table) {
            diagnostics.append(privateRecord(label(), in: declared, at: item.node.location))
        }
        var raw = RawRecord(table: table, ordinal: item.index, location: item.node.location, fields: [])
        raw.fields.reserveCapacity(fields.count)
        for pair in fields {
            if let name = pair.key.scalar { raw.fields.append(.init(name: name, nameLocation: pair.key.location, value: pair.value)) }
        }
        return raw
    }

    /// One markdown file of the collection of `table`: front matter fields, `slug`
    /// (the file name unless front matter sets it) and `body`, and the body with the
    /// line it starts on, for link checks (also when the file makes no record because
    /// another has its slug).
    mutating func record(markdown file: InputFile, table: String) -> (record: RawRecord?, body: String, firstLine: Int)? {
        let bytes: [UInt8]
        do {
            bytes = try file.source.readAll()
        } catch {
            diagnostics.append(InputReadError(path: file.path, reason: error.reason).diagnostic)
            return nil
        }
        let (document, problems) = FrontMatter.split(bytes, file: file.path)
        diagnostics += problems
        guard let document else { return nil }
        var fields = (document.frontMatter.mapping ?? []).compactMap { pair in
            pair.key.scalar.map { RawRecord.Field(name: $0, nameLocation: pair.key.location, value: pair.value) }
        }
        let fileStart = SourceLocation.file(file.path)
        if let given = fields.first(where: { $0.name == "slug" }), let slug = given.value.scalar {
            guard noteSlug(slug, table: table, at: given.value.location) else { return (nil, document.body, document.bodyStartLine) }
        } else {
            let stem = String(file.path.split(separator: "/").last!.dropLast(3))
            if !Slug.isValid(stem) {
                diagnostics.append(.error(.invalidSlug, "file name \"\(stem).md\" cannot be a slug (use letters, digits, - and _), or set `slug:` in its front matter", at: fileStart))
            }
            fields.append(.init(name: "slug", nameLocation: fileStart, value: YAMLNode(.scalar(stem, .plain), location: fileStart)))
            guard noteSlug(stem, table: table, at: fileStart) else { return (nil, document.body, document.bodyStartLine) }
        }
        let bodyStart = SourceLocation(file: file.path, start: SourcePosition(line: document.bodyStartLine, column: 1))
        fields.append(.init(name: "body", nameLocation: bodyStart, value: YAMLNode(.scalar(document.body, .literal), location: bodyStart)))
        let record = RawRecord(table: table, ordinal: nil, location: fileStart, fields: fields, implicitFields: ["slug", "body"])
        return (record, document.body, document.bodyStartLine)
    }
}

extension RecordCollector {
    /// A record of a private table found in content.yaml, with where it belongs.
    private func privateRecord(_ label: String, in table: TableSchema, at location: SourceLocation) -> Diagnostic {
        let why = table.declaredPrivate == true ? "private: true" : "it has a password column"
        let file = TableSchema.recordsFile(for: table.name)
        return .error(.privateRecordInPublicFile, "\(label): \(table.name) is a private table (\(why)) and content.yaml is served to anyone; its records cannot be written here", at: location, notes: [
            .note("move the record to \(file) (a file `\(table.name): [records]`) and add it to seed.include, e.g. `include: [records/*.yaml]`", at: nil),
        ])
    }

    /// Remembers a file's slug; false (and an error) when another file has it, in
    /// which case the file makes no record, so it is not reported twice.
    private mutating func noteSlug(_ slug: String, table: String, at location: SourceLocation) -> Bool {
        if let first = slugs[table]?[slug] {
            diagnostics.append(.error(.duplicateSlug, "two \(table) files have the slug \"\(slug)\"; each page needs its own", at: location, notes: [.note("the first has it here", at: first)]))
            return false
        }
        slugs[table, default: [:]][slug] = location
        return true
    }
}

enum Slug {
    static func isValid(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
