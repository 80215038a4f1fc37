/// Where a table's rows look up the ids of rows of other tables by natural key: before
/// the table's batches, each such table is copied, key and id, into an indexed
/// temporary table (`seedc_ids_1`, …), and the batches' lookups read it. A lookup is then
/// one join for a whole batch (a probe per row made PostgreSQL plan and run a subquery
/// per row), indexed even where the app's table has no index on its natural key (a key
/// `seedc init` guessed). A key held by several rows names the lowest id. Tables are written after the tables they reference, and the
/// second pass after every table, so each copy holds every row the run has written;
/// only a table's lookups into itself (a tree) read the table, which its earlier
/// batches have just filled. `seedc plan` and the single rows of `seed_initial_data.py`
/// read the tables directly.
enum LookupMaps {
    /// The other tables `table`'s rows look ids up in, each once, in column order.
    static func targets(of table: TablePlan) -> [Lookup] {
        var seen: [Lookup] = []
        for column in table.columns {
            guard let lookup = column.lookup, lookup.table != table.name, !seen.contains(lookup) else { continue }
            seen.append(lookup)
        }
        return seen
    }

    static let keyColumn = SQLIdentifier("k"), idColumn = SQLIdentifier("id")

    static func name(_ index: Int) -> SQLIdentifier {
        SQLIdentifier(NameRules.lookupMapPrefix + String(index + 1))
    }

    /// Before a table's batches: the maps made and indexed.
    static func create(for table: TablePlan) -> [SQLStatement] {
        targets(of: table).enumerated().flatMap { index, lookup -> [SQLStatement] in
            [.createLookupMap(name: name(index), table: SQLIdentifier(lookup.table), key: SQLIdentifier(lookup.keyColumn), id: SQLIdentifier(lookup.column)),
             .indexLookupMap(name: name(index))]
        }
    }

    /// After a table's batches.
    static func drop(for table: TablePlan) -> [SQLStatement] {
        targets(of: table).indices.map { .dropLookupMap(name: name($0)) }
    }

    /// A batch's value of `column`: the other row's natural key where a map will turn
    /// it into the id (`mapped`), else the value (through a direct lookup, for a table's
    /// lookups into itself).
    static func cell(_ value: SQLExpression, column: PlannedColumn, in table: TablePlan) -> SQLExpression {
        guard let lookup = column.lookup, targets(of: table).contains(lookup) else {
            return StatementBuilder.wrapLookup(value, column: column)
        }
        return value
    }

    /// The columns of a batch (`columns`, indexes into the table's) read through maps.
    static func mapped(_ columns: [Int], of table: TablePlan) -> [SQLStatement.MappedColumn] {
        let targets = targets(of: table)
        return columns.enumerated().compactMap { position, column in
            guard let lookup = table.columns[column].lookup, let index = targets.firstIndex(of: lookup) else { return nil }
            return SQLStatement.MappedColumn(position: position, map: name(index))
        }
    }
}
