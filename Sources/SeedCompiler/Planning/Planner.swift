/// Builds a `SeedPlan` from validated records as they stream past: each record
/// becomes an encoded row (its seeded cells and value hash, `RowEncoder`) at once,
/// and the record itself is dropped. Tables come in dependency order, rows sorted by natural key,
/// so the plan depends on nothing but the content.
///
/// The encoded rows kept in memory stay under the spill's `memoryBudget`: past it,
/// the table holding the most moves its rows to the spill, when the caller gave one.
struct Planner {
    private struct Table {
        var schema: TableSchema
        /// The positions of the seeded columns among the declared ones; nil when all
        /// are seeded (a record's values are the row's cells as they are).
        var seeded: [Int]?
        var plan: TablePlan
    }

    private var tables: [Table]
    private let index: [String: Int]
    private let database: String?
    private var bytesInMemory = 0
    private let spill: (any RowSpill)?

    init(schema: Schema, spill: (any RowSpill)? = nil) {
        let deferred = TableOrder.deferred(in: schema)
        tables = TableOrder.sorted(schema).map { table in
            // App-owned columns never reach a statement or the row hash.
            let planned = { (column: ColumnSchema) in
                PlannedColumn(
                    name: column.name, storage: column.storage,
                    lookup: Lookup.of(column, in: schema), touchOnUpdate: column.touchOnUpdate, location: column.location,
                    references: column.reference.map { ($0.table, $0.column) },
                    deferred: deferred.contains(TableOrder.ColumnName(table: table.name, column: column.name)))
            }
            let plan = TablePlan(name: table.name, key: table.key, onConflict: table.onConflict, prune: table.prune,
                                 columns: table.seededColumns.map(planned),
                                 rows: PlannedRows(columns: table.seededColumns.count, keyIndexes: table.key.compactMap { name in table.seededColumns.firstIndex { $0.name == name } }, spill: spill),
                                 appOwnedColumns: table.columns.filter(\.appOwned).map(planned))
            let seeded = table.columns.indices.filter { table.columns[$0].isSeeded }
            return Table(schema: table, seeded: seeded.count == table.columns.count ? nil : seeded, plan: plan)
        }
        index = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.schema.name, $0) })
        database = schema.database
        self.spill = spill
    }

    /// What encoding a record's row takes (`RowEncoder`).
    var encoder: RowEncoder {
        RowEncoder(tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.schema.name, ($0.seeded, $0.plan.columns)) }))
    }

    /// Adds the row of a record of `table` (`RowEncoder.encode`).
    mutating func add(_ row: PlannedRows.EncodedRow, table: String) {
        guard let position = index[table] else { return }
        let before = tables[position].plan.rows.bytesInMemory
        tables[position].plan.rows.append(row)
        bytesInMemory += tables[position].plan.rows.bytesInMemory - before
        if let spill, bytesInMemory > spill.memoryBudget, spill.failure == nil, let largest = tables.indices.max(by: { tables[$0].plan.rows.bytesInMemory < tables[$1].plan.rows.bytesInMemory }) {
            bytesInMemory -= tables[largest].plan.rows.bytesInMemory
            tables[largest].plan.rows.moveToSpill()
            bytesInMemory += tables[largest].plan.rows.bytesInMemory
        }
    }

    /// The plan of every record added, each table's rows put in `orders[table]`: the
    /// positions they were added at, sorted by natural key (`RecordSetChecker`).
    mutating func plan(contentHash: String, inputs: InputSet, orders: [String: [Int32]]) -> SeedPlan {
        for position in tables.indices {
            tables[position].plan.rows.sort(by: orders[tables[position].schema.name] ?? [])
            let schema = tables[position].schema
            let references = ReferenceLevels.selfReferences(of: schema, seeded: schema.seededColumns)
            guard !references.isEmpty else { continue }
            let (order, levels) = ReferenceLevels.order(tables[position].plan.rows, references: references)
            tables[position].plan.rows.sort(by: order)
            tables[position].plan.levels = levels
        }
        return SeedPlan(contentHash: contentHash, stamp: inputs.stamp(contentHash), tables: tables.map(\.plan), database: database)
    }

}

/// Turns a validated record into its planned row's encoding: the per-record part of
/// planning, which needs nothing from the records before it (`RecordTyper`).
struct RowEncoder: Sendable {
    /// Per table: the positions of the seeded columns among the declared ones (nil
    /// when all are), and the planned columns.
    fileprivate let tables: [String: (seeded: [Int]?, columns: [PlannedColumn])]

    func encode(_ record: Record) -> PlannedRows.EncodedRow? {
        guard let (seeded, columns) = tables[record.table] else { return nil }
        let cells = seeded.map { $0.map { record.values[$0] } } ?? record.values
        return PlannedRows.encode(cells: cells, columns: columns)
    }
}
