/// Rows of a table that references itself (a category tree, an employee's manager),
/// put parents first: each row's level is one more than the highest level of the rows
/// it references (0 for a root), and rows go by level, in key order within a level. A
/// batch then never holds a row together with, or before, a row it references, so every
/// path finds the parent already there, whatever the database checks and when.
enum ReferenceLevels {
    /// The columns (by index among the planned columns) that reference the table's own
    /// rows, each with the column whose values they hold.
    static func selfReferences(of table: TableSchema, seeded columns: [ColumnSchema]) -> [(from: Int, to: Int)] {
        columns.indices.compactMap { index in
            guard let reference = columns[index].reference, reference.table == table.name else { return nil }
            // A column not declared (a database id) is reached through the table's key.
            let target = columns.contains { $0.name == reference.column } ? reference.column : table.key.first
            return columns.firstIndex { $0.name == target }.map { (index, $0) }
        }
    }

    /// The new order of `rows` (positions in their current order) and each row's level
    /// in that order.
    static func order(_ rows: PlannedRows, references: [(from: Int, to: Int)]) -> (order: [Int32], levels: [Int32]) {
        let targets = Set(references.map(\.to))
        var rowOf: [Int: [String: Int]] = [:]
        var parents = [[Int]](repeating: [], count: rows.count)
        var pending: [(row: Int, column: Int, value: String)] = []
        for start in stride(from: 0, to: rows.count, by: 1000) {
            let positions = Array(start..<min(start + 1000, rows.count))
            for (offset, row) in rows.rows(at: positions).enumerated() {
                let position = positions[offset]
                for column in targets {
                    if let value = text(row.cells[column]), rowOf[column, default: [:]][value] == nil { rowOf[column, default: [:]][value] = position }
                }
                for reference in references {
                    if let value = text(row.cells[reference.from]) { pending.append((position, reference.to, value)) }
                }
            }
        }
        for (row, column, value) in pending {
            if let parent = rowOf[column]?[value], parent != row { parents[row].append(parent) }
        }
        var levels = [Int32](repeating: -1, count: rows.count)
        for root in 0..<rows.count where levels[root] < 0 {
            // Depth first without recursion; a row met again on its own path (a cycle of
            // rows) counts as a root there.
            var path: [(row: Int, next: Int)] = [(root, 0)]
            var onPath: Set<Int> = [root]
            while let (row, next) = path.last {
                if next < parents[row].count {
                    path[path.count - 1].next += 1
                    let parent = parents[row][next]
                    if levels[parent] < 0, !onPath.contains(parent) {
                        path.append((parent, 0))
                        onPath.insert(parent)
                    }
                    continue
                }
                levels[row] = parents[row].map { levels[$0] >= 0 ? levels[$0] + 1 : 0 }.max() ?? 0
                onPath.remove(row)
                path.removeLast()
            }
        }
        let order = rows.indices.sorted { (levels[$0], $0) < (levels[$1], $1) }
        return (order.map(Int32.init), order.map { levels[$0] })
    }

    private static func text(_ cell: FieldValue?) -> String? {
        guard case let .value(value)? = cell else { return nil }
        return value.text
    }
}
