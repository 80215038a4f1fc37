/// Types the raw records of one table by its columns: unknown fields, required
/// columns, types, `enum`, `max`, `pattern`, secrets, defaults and rendered html. One
/// builder serves every record of its table; diagnostics accumulate.
struct RecordBuilder {
    let table: TableSchema
    /// Each column's position, by name.
    private let positions: [String: Int]
    /// Fields that are not columns but feed an html column (`from: body`).
    private let sourceFields: Set<String>
    /// The key columns' positions.
    private let keyPositions: [Int]
    /// Each column's `pattern`, compiled once (the schema reader refused bad ones).
    private let patterns: [Regex<AnyRegexOutput>?]
    private(set) var diagnostics: [Diagnostic] = []

    init(table: TableSchema) {
        self.table = table
        let positions = Dictionary(table.columns.enumerated().map { ($1.name, $0) }) { first, _ in first }
        self.positions = positions
        sourceFields = Set(table.columns.compactMap(\.from))
        keyPositions = table.key.compactMap { positions[$0] }
        patterns = table.columns.map { column in column.pattern.flatMap { try? Regex($0) } }
    }

    mutating func build(_ raw: RawRecord) -> Record {
        let count = table.columns.count
        var record = Record(table: raw.table, label: raw.label, location: raw.location,
                            values: Array(repeating: nil, count: count), locations: Array(repeating: nil, count: count), key: [])
        // The field given for each column, and the other fields by name.
        var given = [Int?](repeating: nil, count: count)
        var others: [String: Int] = [:]
        record.key = keyText(raw)
        for (index, field) in raw.fields.enumerated() {
            let first = positions[field.name].flatMap { given[$0] } ?? others[field.name]
            if let first {
                // A key repeated in YAML is the loader's `duplicate-key`, reported once
                // there; here only a front matter key that the file itself sets.
                if raw.implicitFields.contains(field.name) {
                    diagnostics.append(.error(.duplicateKey, "\(record.title): \"\(field.name)\" is set by the file itself; remove it from the front matter", at: raw.fields[first].nameLocation))
                }
                continue
            }
            if let position = positions[field.name] { given[position] = index } else { others[field.name] = index }
        }

        for (index, field) in raw.fields.enumerated() {
            guard let position = positions[field.name] else {
                if others[field.name] == index, !sourceFields.contains(field.name), !raw.implicitFields.contains(field.name) {
                    let hint = Suggestions.hint(for: field.name, among: table.columns.map(\.name))
                    diagnostics.append(.error(.unknownField, "\(record.title): unknown field \"\(field.name)\"\(hint); \(table.name) has \(table.columns.map(\.name).joined(separator: ", "))", at: field.nameLocation))
                }
                continue
            }
            guard given[position] == index else { continue }
            let column = table.columns[position]
            if column.appOwned {
                diagnostics.append(.error(.appOwnedField, "\(record.title).\(column.name) is app_owned: the app writes it and seedc never does; remove the value", at: field.nameLocation))
                continue
            }
            if column.from != nil {
                diagnostics.append(.error(.unknownField, "\(record.title).\(column.name) is rendered from \"\(column.from!)\"; write the markdown in \(column.from!) instead", at: field.nameLocation))
                continue
            }
            record.locations[position] = field.value.location
            record.values[position] = read(field.value, column: column, position: position, record: record)
        }

        for (position, column) in table.columns.enumerated() where record.values[position] == nil {
            if let from = column.from, let source = (positions[from].flatMap { given[$0] } ?? others[from]).map({ raw.fields[$0].value }) {
                record.locations[position] = source.location
                if let markdown = source.scalar, !source.isNull {
                    record.values[position] = .value(.text(Markdown.renderHTML(markdown)))
                } else if !source.isNull {
                    diagnostics.append(.error(.typeMismatch, "\(record.title).\(from): expected markdown text, found \(source.kindName)", at: source.location))
                }
                continue
            }
            if given[position] != nil { continue }
            switch column.defaultValue {
            case let .value(value)?: record.values[position] = .value(value)
            case .now?: record.values[position] = .now
            case nil:
                if column.required {
                    diagnostics.append(.error(.missingRequired, "\(record.title): missing required field \"\(column.name)\"", at: raw.location))
                }
            }
        }
        let typedKey = keyPositions.compactMap { record.values[$0].flatMap(Record.text) }
        record.key = typedKey.count == table.key.count ? typedKey : []
        return record
    }

    /// The key as written (for messages before the record is typed).
    private func keyText(_ raw: RawRecord) -> [String] {
        let written = table.key.compactMap { name in raw.fields.first { $0.name == name }?.value.scalar }
        return written.count == table.key.count ? written : []
    }

    private mutating func read(_ node: YAMLNode, column: ColumnSchema, position: Int, record: Record) -> FieldValue? {
        let at = node.location
        // Only messages need it: made when one is.
        var name: String { "\(record.title).\(column.name)" }
        if column.type == .password {
            if let env = node["env"], let variable = env.scalar, node.mapping?.count == 1 {
                guard Self.isEnvironmentName(variable) else {
                    diagnostics.append(.error(.typeMismatch, "\(name): \"\(variable)\" is not an environment variable name (letters, digits and _, not starting with a digit)", at: env.location))
                    return nil
                }
                return .secret(env: variable)
            }
            if node.scalar != nil, !node.isNull {
                diagnostics.append(.error(.plaintextPassword, "\(name): a password must never be written in content (content.yaml is served to anyone); write {env: NAME} and set NAME where the app runs", at: at))
            } else {
                diagnostics.append(.error(.typeMismatch, "\(name): a password column takes {env: NAME}", at: at))
            }
            return nil
        }
        let value: Value
        switch ValueReader.read(node, as: column) {
        case let .success(read): value = read
        case let .failure(problem):
            diagnostics.append(.error(problem.id, "\(name): \(problem.message)", at: at))
            return nil
        }
        if value == .null {
            if column.required { diagnostics.append(.error(.missingRequired, "\(name) is required and cannot be null", at: at)) }
            return .value(value)
        }
        if let text = value.text {
            if let values = column.enumValues, !values.contains(text) {
                diagnostics.append(.error(.notInEnum, "\(name): \"\(text)\" is not one of \(values.joined(separator: ", "))" + Suggestions.hint(for: text, among: values), at: at))
            }
            if let max = column.maxLength, text.unicodeScalars.count > max {
                diagnostics.append(.error(.tooLong, "\(name) is \(text.unicodeScalars.count) characters long, more than its max of \(max)", at: at))
            }
            if let regex = patterns[position], (try? regex.wholeMatch(in: text)) == nil {
                diagnostics.append(.error(.patternMismatch, "\(name): \"\(text)\" does not match the pattern \(column.pattern!)", at: at))
            }
        }
        return .value(value)
    }

    static func isEnvironmentName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
