/// Gathers raw records from the three places they can be written.
struct RecordCollector {
    private(set) var records: [RawRecord] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The body of every markdown record, for link checks.
    private(set) var markdownBodies: [(file: String, body: String, firstLine: Int)] = []
    /// The first file of each slug, per table.
    private var slugs: [String: [String: SourceLocation]] = [:]
    let schema: Schema

    init(schema: Schema) {
        self.schema = schema
    }

    /// `{table: [records]}`: the `seed.records` node or an include file's document.
    /// - Parameter publicFile: true for content.yaml, which the app serves: records of
    ///   private tables are an error there.
    mutating func collect(tablesNode node: YAMLNode, what: String, publicFile: Bool = false) {
        guard let pairs = node.mapping else {
            diagnostics.append(.error(.invalidSchema, "\(what) must be a mapping of table names to lists of records, found \(node.kindName)", at: node.location))
            return
        }
        for pair in pairs {
            guard let table = pair.key.scalar else { continue }
            guard let declared = schema.table(table) else {
                diagnostics.append(.error(.unknownTable, "unknown table \"\(table)\"" + Suggestions.hint(for: table, among: schema.tables.map(\.name)) + "; declare it under seed.tables", at: pair.key.location))
                continue
            }
            if pair.value.isNull { continue }
            guard let items = pair.value.sequence else {
                diagnostics.append(.error(.invalidSchema, "records of \(table) must be a list, found \(pair.value.kindName)", at: pair.value.location))
                continue
            }
            for (index, item) in items.enumerated() {
                let label = "\(table)[\(index)]"
                guard let fields = item.mapping else {
                    diagnostics.append(.error(.invalidSchema, "\(label) must be a mapping of column: value, found \(item.kindName)", at: item.location))
                    continue
                }
                if publicFile, declared.isPrivate {
                    diagnostics.append(privateRecord(label, in: declared, at: item.location))
                }
                records.append(RawRecord(
                    table: table, label: label, location: item.location,
                    fields: fields.compactMap { pair in
                        pair.key.scalar.map { RawRecord.Field(name: $0, nameLocation: pair.key.location, value: pair.value) }
                    }))
            }
        }
    }

    /// One markdown file of the collection of `table`: front matter fields, `slug`
    /// (the file name unless front matter sets it) and `body`.
    mutating func collect(markdown file: InputFile, table: String) {
        let (document, problems) = FrontMatter.split(file.bytes, file: file.path)
        diagnostics += problems
        guard let document else { return }
        var fields = (document.frontMatter.mapping ?? []).compactMap { pair in
            pair.key.scalar.map { RawRecord.Field(name: $0, nameLocation: pair.key.location, value: pair.value) }
        }
        let fileStart = SourceLocation.file(file.path)
        markdownBodies.append((file.path, document.body, document.bodyStartLine))
        if let given = fields.first(where: { $0.name == "slug" }), let slug = given.value.scalar {
            guard noteSlug(slug, table: table, at: given.value.location) else { return }
        } else {
            let stem = String(file.path.split(separator: "/").last!.dropLast(3))
            if !Slug.isValid(stem) {
                diagnostics.append(.error(.invalidSlug, "file name \"\(stem).md\" cannot be a slug (use letters, digits, - and _), or set `slug:` in its front matter", at: fileStart))
            }
            fields.append(.init(name: "slug", nameLocation: fileStart, value: YAMLNode(.scalar(stem, .plain), location: fileStart)))
            guard noteSlug(stem, table: table, at: fileStart) else { return }
        }
        let bodyStart = SourceLocation(file: file.path, start: SourcePosition(line: document.bodyStartLine, column: 1))
        fields.append(.init(name: "body", nameLocation: bodyStart, value: YAMLNode(.scalar(document.body, .literal), location: bodyStart)))
        records.append(RawRecord(table: table, label: file.path, location: fileStart, fields: fields, implicitFields: ["slug", "body"]))
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
