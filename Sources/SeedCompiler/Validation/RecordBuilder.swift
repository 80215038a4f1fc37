/// Types the raw records of one table by its columns: unknown fields, required
/// columns, types, `enum`, `max`, `pattern`, secrets, defaults and rendered html. One
/// builder serves every record of its table; diagnostics accumulate.
struct RecordBuilder {
    /// A column and what typing its values needs, made once per column: a class, so
    /// taking it per value costs one reference instead of a copy of every field.
    private final class Rule {
        let column: ColumnSchema
        /// The column's `pattern`, compiled once (the schema reader refused bad ones).
        let pattern: Regex<AnyRegexOutput>?

        init(_ column: ColumnSchema) {
            self.column = column
            pattern = column.pattern.flatMap { try? Regex($0) }
        }
    }

    let table: TableSchema
    private let rules: [Rule]
    /// Each column's position, by name.
    private let positions: [String: Int]
    /// Fields that are not columns but feed an html column (`from: body`).
    private let sourceFields: Set<String>
    /// The key columns' positions.
    private let keyPositions: [Int]
    /// Per record, reused: the field given for each column, and each field's column.
    private var given: [Int?]
    private var fieldPositions: [Int?] = []
    /// The previous record's field names, in order, with their columns: records of a
    /// table mostly repeat them, and comparing a name costs less than hashing it.
    private var lastFields: [(name: String, position: Int?)] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(table: TableSchema) {
        self.table = table
        rules = table.columns.map(Rule.init)
        let positions = Dictionary(table.columns.enumerated().map { ($1.name, $0) }) { first, _ in first }
        self.positions = positions
        sourceFields = Set(table.columns.compactMap(\.from))
        keyPositions = table.key.compactMap { positions[$0] }
        given = Array(repeating: nil, count: table.columns.count)
    }

    mutating func build(_ raw: RawRecord) -> Record {
        let count = rules.count
        var values = Self.unset(FieldValue.self, count: count)
        var locations = Self.unset(SourceLocation.self, count: count)
        // Messages name the record by its key as written; made only when one is.
        func title() -> String { Self.title(raw, key: table.key) }
        // The other fields (not columns) by name: few records have any.
        var others: [String: Int] = [:]
        given.withUnsafeMutableBufferPointer { $0.update(repeating: nil) }
        fieldPositions.removeAll(keepingCapacity: true)
        for index in raw.fields.indices {
            let name = raw.fields[index].name
            let position = columnPosition(of: name, at: index)
            fieldPositions.append(position)
            let first = position.map { given[$0] } ?? (others.isEmpty ? nil : others[name])
            if let first {
                // A key repeated in YAML is the loader's `duplicate-key`, reported once
                // there; here only a front matter key that the file itself sets.
                if raw.implicitFields.contains(name) {
                    diagnostics.append(.error(.duplicateKey, "\(title()): \"\(name)\" is set by the file itself; remove it from the front matter", at: raw.fields[first].nameLocation))
                }
                continue
            }
            if let position { given[position] = index } else { others[name] = index }
        }

        for index in raw.fields.indices {
            guard let position = fieldPositions[index] else {
                let name = raw.fields[index].name
                if others[name] == index, !sourceFields.contains(name), !raw.implicitFields.contains(name) {
                    let hint = Suggestions.hint(for: name, among: table.columns.map(\.name))
                    diagnostics.append(.error(.unknownField, "\(title()): unknown field \"\(name)\"\(hint); \(table.name) has \(table.columns.map(\.name).joined(separator: ", "))", at: raw.fields[index].nameLocation))
                }
                continue
            }
            guard given[position] == index else { continue }
            let rule = rules[position]
            if rule.column.appOwned {
                diagnostics.append(.error(.appOwnedField, "\(title()).\(rule.column.name) is app_owned: the app writes it and seedc never does; remove the value", at: raw.fields[index].nameLocation))
                continue
            }
            if rule.column.type == .unsupported {
                diagnostics.append(.error(.typeMismatch, "\(title()).\(rule.column.name) is unsupported: seedc cannot carry its values exactly; remove the value", at: raw.fields[index].nameLocation))
                continue
            }
            if let from = rule.column.from {
                diagnostics.append(.error(.unknownField, "\(title()).\(rule.column.name) is rendered from \"\(from)\"; write the markdown in \(from) instead", at: raw.fields[index].nameLocation))
                continue
            }
            locations[position] = raw.fields[index].value.location
            values[position] = read(raw.fields[index].value, rule: rule, of: raw)
        }

        for position in 0..<count where values[position] == nil {
            let rule = rules[position]
            if let from = rule.column.from, let source = (positions[from].flatMap { given[$0] } ?? others[from]).map({ raw.fields[$0].value }) {
                locations[position] = source.location
                if let markdown = source.scalar, !source.isNull {
                    values[position] = .value(.text(Markdown.renderHTML(markdown)))
                } else if !source.isNull {
                    diagnostics.append(.error(.typeMismatch, "\(title()).\(from): expected markdown text, found \(source.kindName)", at: source.location))
                }
                continue
            }
            if given[position] != nil { continue }
            switch rule.column.defaultValue {
            case let .value(value)?: values[position] = .value(value)
            case .now?: values[position] = .now
            case nil:
                if rule.column.required {
                    diagnostics.append(.error(.missingRequired, "\(title()): missing required field \"\(rule.column.name)\"", at: raw.location))
                }
            }
        }
        let typedKey = keyPositions.compactMap { values[$0].flatMap(Record.text) }
        return Record(table: raw.table, ordinal: raw.ordinal, location: raw.location, values: values, locations: locations,
                      key: typedKey.count == table.key.count ? typedKey : [])
    }

    /// `count` nils, made in place (cheaper than `Array(repeating:count:)`, which copies
    /// its value into each element).
    private static func unset<T>(_: T.Type, count: Int) -> [T?] {
        [T?](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: nil)
            initialized = count
        }
    }

    /// The column of the field named `name`, the `index`th of its record.
    private mutating func columnPosition(of name: String, at index: Int) -> Int? {
        if index < lastFields.count, lastFields[index].name == name { return lastFields[index].position }
        let position = positions[name]
        if index < lastFields.count { lastFields[index] = (name, position) } else { lastFields.append((name, position)) }
        return position
    }

    /// How messages name a record before it is typed: by its key as written.
    private static func title(_ raw: RawRecord, key names: [String]) -> String {
        let written = names.compactMap { name in raw.fields.first { $0.name == name }?.value.scalar }
        return Record.title(label: raw.label, key: written.count == names.count ? written : [])
    }

    private mutating func read(_ node: YAMLNode, rule: Rule, of raw: RawRecord) -> FieldValue? {
        let at = node.location
        // Only messages need it: made when one is.
        func name() -> String { "\(Self.title(raw, key: table.key)).\(rule.column.name)" }
        if rule.column.type == .password {
            if let env = node["env"], let variable = env.scalar, node.mapping?.count == 1 {
                guard Self.isEnvironmentName(variable) else {
                    diagnostics.append(.error(.typeMismatch, "\(name()): \"\(variable)\" is not an environment variable name (letters, digits and _, not starting with a digit)", at: env.location))
                    return nil
                }
                return .secret(env: variable)
            }
            if node.scalar != nil, !node.isNull {
                diagnostics.append(.error(.plaintextPassword, "\(name()): a password must never be written in content (content.yaml is served to anyone); write {env: NAME} and set NAME where the app runs", at: at))
            } else {
                diagnostics.append(.error(.typeMismatch, "\(name()): a password column takes {env: NAME}", at: at))
            }
            return nil
        }
        let value: Value
        switch ValueReader.read(node, as: rule.column) {
        case let .success(read): value = read
        case let .failure(problem):
            diagnostics.append(.error(problem.id, "\(name()): \(problem.message)", at: at))
            return nil
        }
        if value == .null {
            if rule.column.required { diagnostics.append(.error(.missingRequired, "\(name()) is required and cannot be null", at: at)) }
            return .value(value)
        }
        if let text = value.text {
            if let values = rule.column.enumValues, !values.contains(text) {
                diagnostics.append(.error(.notInEnum, "\(name()): \"\(text)\" is not one of \(values.joined(separator: ", "))" + Suggestions.hint(for: text, among: values), at: at))
            }
            // No more characters than UTF-8 bytes: most values need no count.
            if let max = rule.column.maxLength, text.utf8.count > max, text.unicodeScalars.count > max {
                diagnostics.append(.error(.tooLong, "\(name()) is \(text.unicodeScalars.count) characters long, more than its max of \(max)", at: at))
            }
            if rule.column.pattern != nil, let regex = rule.pattern, (try? regex.wholeMatch(in: text)) == nil {
                diagnostics.append(.error(.patternMismatch, "\(name()): \"\(text)\" does not match the pattern \(rule.column.pattern!)", at: at))
            }
        }
        return .value(value)
    }

    static func isEnvironmentName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
