import Foundation

/// `seedc plan --format json`: the same changes as the text report, for a deploy bot
/// or a pull-request comment. Keys are arrays of the natural key's values (one item
/// for a one-column key); values are the database's text (`old`) and the content's
/// (`new`), uncut; secrets show as `<from env NAME>`, never as values.
extension ChangeReport {
    /// - Parameter pending: whether apply would change something (`seedc plan` exits 2).
    public static func json(_ changes: [TableChanges], pending: Bool) -> String {
        let tables = changes.filter { !$0.isEmpty || !$0.skipped.isEmpty }.map(table)
        let report: JSONTree = ["pending": .boolean(pending), "tables": .array(tables), "totals": totals(changes)]
        return report.text
    }

    private static func table(_ changes: TableChanges) -> JSONTree {
        let plan = changes.table
        let inserts = changes.inserts.map { index -> JSONTree in
            let row = plan.rows[index]
            let secrets = row.cells.compactMap { cell -> String? in
                if case let .secret(env)? = cell { return env }
                return nil
            }
            return ["key": .strings(row.key), "secrets_from_env": .strings(secrets)]
        }
        let updates = changes.updates.map { update -> JSONTree in
            let row = plan.rows[update.row]
            let columns = update.columns.map { change -> JSONTree in
                let cell = row.cells[change.column]
                let secret = if case .secret? = cell { true } else { false }
                return ["column": .string(plan.columns[change.column].name),
                        "old": .optional(secret ? hidden : change.old),
                        "new": .optional(cell.flatMap(newText))]
            }
            return ["key": .strings(row.key), "columns": .array(columns)]
        }
        let skipped = changes.skipped.map { skip -> JSONTree in
            ["key": .strings(plan.rows[skip.row].key), "variables": .strings(skip.variables)]
        }
        return [
            "table": .string(plan.name),
            "inserts": .array(inserts),
            "updates": .array(updates),
            "prunes": .array(changes.prunes.map { .strings(key(ledger: $0, columns: plan.key.count)) }),
            "skipped": .array(skipped),
            "totals": totals([changes]),
        ]
    }

    private static func totals(_ changes: [TableChanges]) -> JSONTree {
        let totals = ChangeTotals(changes)
        return ["inserts": .integer(totals.inserts), "updates": .integer(totals.updates),
                "prunes": .integer(totals.prunes), "skipped": .integer(totals.skipped)]
    }

    /// The key's values from its ledger form (a JSON array when it has several columns).
    private static func key(ledger: String, columns: Int) -> [String] {
        guard columns > 1, let values = try? JSONDecoder().decode([String].self, from: Data(ledger.utf8)) else { return [ledger] }
        return values
    }
}
