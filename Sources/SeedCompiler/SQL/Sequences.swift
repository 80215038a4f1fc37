/// After explicit values go into a column a PostgreSQL sequence fills (`SERIAL`,
/// identity), the sequence must be past them, or the app's next insert collides with a
/// seeded row. After a table's rows, each of its integer key columns (and a column named
/// `id`) moves its sequence, if it has one, to the greater of where it is and the
/// column's highest value: never back. SQLite needs nothing: an `AUTOINCREMENT` table's
/// `sqlite_sequence` follows explicit values by itself.
enum Sequences {
    static func advance(for table: TablePlan) -> [SQLStatement] {
        table.columns
            .filter { $0.storage == .integer && $0.lookup == nil && (table.key.contains($0.name) || $0.name == "id") }
            .map { .advanceSequence(table: SQLIdentifier(table.name), column: SQLIdentifier($0.name)) }
    }
}
