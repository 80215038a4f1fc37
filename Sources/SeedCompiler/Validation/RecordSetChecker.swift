/// Checks across records as they stream past, keeping only what the checks need:
/// natural keys are unique within a table (the keys, packed per table in `TableKeys`,
/// sorted once every record is in: the same order then orders the plan's rows), and
/// every reference names a record that exists (checked against `ColumnValues` at
/// once, or, for a value not seen yet, once every record is in).
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

    private var keys: [String: TableKeys] = [:]
    /// The files records came from, numbered for `RecordPlace`.
    private var files: [String] = []
    private var fileNumbers: [String: Int32] = [:]
    /// Each table's records sorted by key (by ordinal), once `finish` has run.
    private(set) var orders: [String: [Int32]] = [:]
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
        keys[record.table, default: TableKeys()].append(record.key, at: place(of: record))
        for reference in references[record.table] ?? [] {
            guard let value = record.values[reference.position].flatMap(Record.text), !values[reference.target].contains(value) else { continue }
            pending.append(Pending(reference: reference, value: value, field: "\(record.title).\(reference.column)", location: record.locations[reference.position] ?? record.location))
        }
    }

    private mutating func place(of record: Record) -> RecordPlace {
        let location = record.location
        let file = fileNumbers[location.file] ?? {
            files.append(location.file)
            fileNumbers[location.file] = Int32(files.count - 1)
            return Int32(files.count - 1)
        }()
        return RecordPlace(file: file, start: (Int32(location.start.line), Int32(location.start.column)),
                           end: (Int32(location.end.line), Int32(location.end.column)), item: record.ordinal.map { Int32($0) } ?? -1)
    }

    private func location(_ place: RecordPlace) -> SourceLocation {
        SourceLocation(file: files[Int(place.file)], start: SourcePosition(line: Int(place.start.line), column: Int(place.start.column)),
                       end: SourcePosition(line: Int(place.end.line), column: Int(place.end.column)))
    }

    private func label(_ place: RecordPlace, table: String) -> String {
        Record.label(table: table, ordinal: place.item < 0 ? nil : Int(place.item), file: files[Int(place.file)])
    }

    /// Sorts each table's keys, reporting every record whose key an earlier record
    /// has, and checks the references still unknown once every record is in.
    mutating func finish(values: ColumnValues) {
        for (table, tableKeys) in keys {
            let order = tableKeys.order()
            // The same keys are next to each other, the first record of them first.
            var first = 0
            for i in order.indices.dropFirst() {
                let ordinal = Int(order[i])
                guard tableKeys.hasKey(ordinal), tableKeys.sameKey(Int(order[first]), ordinal) else {
                    first = i
                    continue
                }
                let (place, firstPlace) = (tableKeys.place(of: ordinal), tableKeys.place(of: Int(order[first])))
                let key = tableKeys.values(of: ordinal).joined(separator: ", ")
                diagnostics.append(.error(.duplicateRecord, "\(label(place, table: table)): \(table) already has a record with key \"\(key)\"", at: location(place), notes: [.note("first record with this key", at: location(firstPlace))]))
            }
            orders[table] = order
        }
        keys = [:]
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
