/// Checks across records: natural keys are unique within a table, and every
/// reference names a record that exists.
enum RecordSetChecker {
    static func check(_ records: [Record], schema: Schema) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byTable: [String: [Record]] = [:]
        for record in records { byTable[record.table, default: []].append(record) }

        for (table, rows) in byTable {
            var firstByKey: [[String]: Record] = [:]
            for row in rows where !row.key.isEmpty {
                if let first = firstByKey[row.key] {
                    let key = row.key.joined(separator: ", ")
                    diagnostics.append(.error(.duplicateRecord, "\(row.label): \(table) already has a record with key \"\(key)\"", at: row.location, notes: [.note("first record with this key", at: first.location)]))
                } else {
                    firstByKey[row.key] = row
                }
            }
        }

        for table in schema.tables {
            for column in table.columns {
                guard let reference = column.reference, let target = schema.table(reference.table) else { continue }
                let targetColumn = target.column(reference.column) != nil ? reference.column : target.key.first ?? reference.column
                let existing = Set((byTable[target.name] ?? []).compactMap { $0.values[targetColumn].flatMap(Self.text) })
                for row in byTable[table.name] ?? [] {
                    guard let value = row.values[column.name].flatMap(Self.text), !existing.contains(value) else { continue }
                    let noun = target.name.hasSuffix("s") ? String(target.name.dropLast()) : target.name
                    diagnostics.append(.error(.unknownReference, "\(row.title).\(column.name): unknown \(noun) \"\(value)\"" + Suggestions.hint(for: value, among: existing.sorted()) + " (no \(target.name) record has \(targetColumn) \"\(value)\")", at: row.locations[column.name] ?? row.location))
                }
            }
        }
        return diagnostics
    }

    static func text(_ value: FieldValue) -> String? {
        if case let .value(v) = value { return v.text }
        return nil
    }
}
