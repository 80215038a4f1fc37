/// The natural keys a table holds when seedc starts on it, copied once into an indexed
/// temporary table, `seedc_keys`. The set-based batches of the scripts and of
/// `seed_initial_data.py` find missing rows (and, in SQLite, the rows to update) by
/// joining it: the app's tables have no index on their natural keys, and joining them
/// directly made SQLite build an automatic index over the whole table for every batch,
/// a cost that grew with the square of the table. Rows a run inserts are never looked
/// up again (content keys are unique), so the copy made before the first batch is
/// enough.
enum KeySnapshot {
    static let table = SQLIdentifier(NameRules.keySnapshotTable)
    static let index = SQLIdentifier(NameRules.keySnapshotIndex)
    /// SQLite's `rowid` of the table's row, for updates.
    static let row = SQLIdentifier(NameRules.keySnapshotRow)

    /// Before a table's batches: copy its keys and index them, and make the maps of the
    /// tables its rows look ids up in (`LookupMaps`).
    static func create(for table: TablePlan) -> [SQLStatement] {
        let key = table.key.map(SQLIdentifier.init)
        return [.createKeySnapshot(table: SQLIdentifier(table.name), key: key), .indexKeySnapshot(key: key)] + LookupMaps.create(for: table)
    }

    /// After a table's batches: the snapshot and the maps dropped.
    static func drop(for table: TablePlan) -> [SQLStatement] {
        [.dropKeySnapshot] + LookupMaps.drop(for: table)
    }

    /// After a table's rows: the snapshot and maps dropped, the table's sequences advanced.
    static func finish(for table: TablePlan) -> [SQLStatement] {
        drop(for: table) + Sequences.advance(for: table)
    }
}
