/// Turns validated records into a `SeedPlan`: tables in dependency order, rows sorted
/// by natural key, so the plan depends on nothing but the content.
enum Planner {
    static func plan(records: [Record], schema: Schema, contentHash: String, inputs: InputSet) -> SeedPlan {
        var byTable: [String: [Record]] = [:]
        for record in records { byTable[record.table, default: []].append(record) }
        let tables = TableOrder.sorted(schema).map { table in
            let columns = table.columns.map { column in
                PlannedColumn(
                    name: column.name, storage: column.type.storage,
                    lookup: lookup(for: column, in: schema), touchOnUpdate: column.touchOnUpdate)
            }
            let rows = (byTable[table.name] ?? [])
                .map { record in PlannedRow(key: record.key, cells: table.columns.map { record.values[$0.name] }, columns: columns) }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            return TablePlan(name: table.name, key: table.key, onConflict: table.onConflict, prune: table.prune, columns: columns, rows: rows)
        }
        return SeedPlan(contentHash: contentHash, stamp: inputs.stamp(contentHash), tables: tables, database: schema.database)
    }

    /// A reference to a column the target table does not declare (a database id) is
    /// resolved at apply time through the target's natural key.
    private static func lookup(for column: ColumnSchema, in schema: Schema) -> Lookup? {
        guard let reference = column.reference, let target = schema.table(reference.table),
              target.column(reference.column) == nil, let key = target.key.first else { return nil }
        return Lookup(table: target.name, column: reference.column, keyColumn: key)
    }
}
