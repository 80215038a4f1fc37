/// seedc's own table in the target database, `seedc_ledger`:
///
/// | column       | type | holds                                                  |
/// |--------------|------|--------------------------------------------------------|
/// | `table_name` | TEXT | the content table                                       |
/// | `natural_key`| TEXT | the row's natural key (`PlannedRow.keyText`)             |
/// | `value_hash` | TEXT | SHA-256 of the record's values when seedc last wrote it |
///
/// primary key (`table_name`, `natural_key`). A row here means seedc owns that row:
/// it inserted it, or (an `on_conflict: update` table) it holds content values. One
/// more row, with empty table and key, holds the stamp of the last complete apply:
/// `seedc-1:<content sha256> <input set>` (`InputSet.stamp`). `seedc apply`, `sqlite.sql`, `postgres.sql` and
/// `seed_initial_data.py` all keep it the same way.
public enum Ledger {
    public static let table = NameRules.ledgerTable
    static let id = SQLIdentifier(table)
    static let tableName = SQLIdentifier("table_name")
    static let naturalKey = SQLIdentifier("natural_key")
    static let valueHash = SQLIdentifier("value_hash")
    static let columns = [tableName, naturalKey, valueHash]

    static let create = SQLStatement.createTable(
        table: id,
        columns: columns.map { .init(name: $0, storage: .text, notNull: true) },
        primaryKey: [tableName, naturalKey], unique: [])

    static let read = SQLStatement.selectText(table: id, columns: columns.map(text), match: [])

    private static func text(_ column: SQLIdentifier) -> SQLStatement.Selected {
        .value(column, .text)
    }

    /// The stamp row's hash.
    static let readStamp = SQLStatement.selectText(table: id, columns: [text(valueHash)], match: [
        .init(column: tableName, value: .value(.text(""))),
        .init(column: naturalKey, value: .value(.text(""))),
    ])

    /// Keeps the new hash of rows already listed.
    static let claimConflict = SQLStatement.Conflict(target: [tableName, naturalKey], update: [valueHash])
}
