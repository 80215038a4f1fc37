/// The values records have in the columns other checks ask about (the targets of
/// references, the columns routes take their values from): one set of strings per
/// column, filled as records stream past, so no check needs the records themselves.
struct ColumnValues {
    struct Column: Hashable {
        var table: String
        var column: String
    }

    /// The watched columns of each table.
    private var watched: [String: [String]] = [:]
    private var values: [Column: Set<String>] = [:]

    init(_ columns: [Column]) {
        for column in Set(columns) {
            watched[column.table, default: []].append(column.column)
            values[column] = []
        }
    }

    mutating func add(_ record: Record) {
        for column in watched[record.table] ?? [] {
            if let value = record.values[column].flatMap(Record.text) {
                values[Column(table: record.table, column: column)]!.insert(value)
            }
        }
    }

    /// The values seen so far of a watched column.
    subscript(column: Column) -> Set<String> {
        values[column] ?? []
    }
}
