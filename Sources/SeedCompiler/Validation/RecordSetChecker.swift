/// Checks across records as they stream past, keeping only what the checks need:
/// natural keys are unique within a table (the keys seen, per table), and every
/// reference names a record that exists (checked against `ColumnValues` at once, or,
/// for a value not seen yet, once every record is in).
struct RecordSetChecker {
    private struct Reference {
        var column: String
        /// The column's position in its table.
        var position: Int
        var target: ColumnValues.Column
    }

    /// A reference whose value no record had when it was read.
    private struct Pending {
        var reference: Reference
        var value: String
        /// `contacts[3] (Ann, WFP).sector`: how the message names the field.
        var field: String
        var location: SourceLocation
    }

    private var firstByKey: [String: [[String]: SourceLocation]] = [:]
    private let references: [String: [Reference]]
    private var pending: [Pending] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(schema: Schema) {
        var references: [String: [Reference]] = [:]
        for table in schema.tables {
            for (position, column) in table.columns.enumerated() {
                guard let reference = column.reference, let target = schema.table(reference.table) else { continue }
                let targetColumn = target.column(reference.column) != nil ? reference.column : target.key.first ?? reference.column
                references[table.name, default: []].append(Reference(column: column.name, position: position, target: .init(table: target.name, column: targetColumn)))
            }
        }
        self.references = references
    }

    /// The columns whose values references need.
    var referencedColumns: [ColumnValues.Column] {
        references.values.flatMap { $0.map(\.target) }
    }

    /// Checks one record's key and references; `values` must already hold the
    /// record itself (a record may refer to its own table).
    mutating func add(_ record: Record, values: ColumnValues) {
        if !record.key.isEmpty {
            let key = record.key
            if let first = firstByKey[record.table]?[key] {
                diagnostics.append(.error(.duplicateRecord, "\(record.label): \(record.table) already has a record with key \"\(record.key.joined(separator: ", "))\"", at: record.location, notes: [.note("first record with this key", at: first)]))
            } else {
                firstByKey[record.table, default: [:]][key] = record.location
            }
        }
        for reference in references[record.table] ?? [] {
            guard let value = record.values[reference.position].flatMap(Record.text), !values[reference.target].contains(value) else { continue }
            pending.append(Pending(reference: reference, value: value, field: "\(record.title).\(reference.column)", location: record.locations[reference.position] ?? record.location))
        }
    }

    /// The references still unknown once every record is in.
    mutating func finish(values: ColumnValues) {
        for unresolved in pending {
            let existing = values[unresolved.reference.target]
            guard !existing.contains(unresolved.value) else { continue }
            let (target, column, value) = (unresolved.reference.target.table, unresolved.reference.target.column, unresolved.value)
            let noun = target.hasSuffix("s") ? String(target.dropLast()) : target
            diagnostics.append(.error(.unknownReference, "\(unresolved.field): unknown \(noun) \"\(value)\"" + Suggestions.hint(for: value, among: existing.sorted()) + " (no \(target) record has \(column) \"\(value)\")", at: unresolved.location))
        }
        pending = []
    }
}
