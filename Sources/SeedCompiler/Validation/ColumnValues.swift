/// The values records have in the columns other checks ask about (the targets of
/// references, the columns routes take their values from): one set of strings per
/// column, filled as records stream past, so no check needs the records themselves.
struct ColumnValues {
    struct Column: Hashable {
        var table: String
        var column: String
    }

    /// The watched columns of each table, with their positions in it.
    private var watched: [String: [(position: Int, column: Column)]] = [:]
    private var values: [Column: Set<String>] = [:]

    init(_ columns: [Column], schema: Schema) {
        for column in Set(columns) {
            guard let position = schema.table(column.table)?.columns.firstIndex(where: { $0.name == column.column }) else { continue }
            watched[column.table, default: []].append((position, column))
            values[column] = []
        }
    }

    mutating func add(_ record: Record) {
        for (position, column) in watched[record.table] ?? [] {
            if let value = record.values[position].flatMap(Record.text) {
                values[column]!.insert(value)
            }
        }
    }

    /// The values seen so far of a watched column.
    subscript(column: Column) -> Set<String> {
        values[column] ?? []
    }
}
