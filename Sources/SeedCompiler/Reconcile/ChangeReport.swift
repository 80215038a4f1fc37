/// The text `seedc plan` prints: per table, `+ key` for each insert, `~ key: column:
/// old -> new` for each overwritten column, `- key` for each prune, then the counts.
/// Secrets show as `<from env NAME>`, never as values.
public enum ChangeReport {
    public static func text(_ changes: [TableChanges]) -> String {
        var out = ""
        for table in changes where !table.isEmpty || !table.skipped.isEmpty {
            let plan = table.table
            out += "\(plan.name):\n"
            for index in table.inserts {
                let row = plan.rows[index]
                let secrets = row.cells.compactMap { cell -> String? in
                    if case let .secret(env)? = cell { return "<from env \(env)>" }
                    return nil
                }
                out += "  + \(show(row.keyText))" + (secrets.isEmpty ? "" : " (password \(secrets.joined(separator: ", ")))") + "\n"
            }
            for update in table.updates {
                let row = plan.rows[update.row]
                for change in update.columns {
                    let new = row.cells[change.column].map(display) ?? "NULL"
                    out += "  ~ \(show(row.keyText)): \(plan.columns[change.column].name): \(change.old.map(show) ?? "NULL") -> \(new)\n"
                }
            }
            for key in table.prunes { out += "  - \(show(key))\n" }
            for skipped in table.skipped {
                out += "  ! \(show(plan.rows[skipped.row].keyText)): skipped, set \(skipped.variables.joined(separator: ", "))\n"
            }
        }
        return out + summary(changes) + "\n"
    }

    /// `3 to insert, 1 to update, 0 to prune`.
    public static func summary(_ changes: [TableChanges]) -> String {
        summary(ChangeTotals(changes), verbs: ("to insert", "to update", "to prune"))
    }

    /// `3 inserted, 1 updated, 0 pruned`: what apply did.
    public static func summary(_ applied: [AppliedTable]) -> String {
        summary(ChangeTotals(applied), verbs: ("inserted", "updated", "pruned"))
    }

    private static func summary(_ totals: ChangeTotals, verbs: (insert: String, update: String, prune: String)) -> String {
        "\(totals.inserts) \(verbs.insert), \(totals.updates) \(verbs.update), \(totals.prunes) \(verbs.prune)"
            + (totals.skipped > 0 ? ", \(totals.skipped) skipped" : "")
    }

    private static func display(_ cell: FieldValue) -> String {
        if case let .value(value) = cell { return value.text.map(show) ?? "NULL" }
        return newText(cell) ?? "NULL"
    }

    /// The value a cell writes, as text; a secret as its variable, never its value.
    static func newText(_ cell: FieldValue) -> String? {
        switch cell {
        case let .value(value): value.text
        case let .secret(env): "<from env \(env)>"
        case .now: "<now>"
        }
    }

    /// What stands for a database value that must not be shown (a password hash).
    static let hidden = "<hidden>"

    /// A value on one line: quoted, with newlines and control characters escaped, and
    /// long text cut.
    public static func show(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars.prefix(80) {
            switch scalar {
            case "\n": scalars.append(contentsOf: "\\n".unicodeScalars)
            case "\r": scalars.append(contentsOf: "\\r".unicodeScalars)
            case "\t": scalars.append(contentsOf: "\\t".unicodeScalars)
            case "\"": scalars.append(contentsOf: "\\\"".unicodeScalars)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    scalars.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
                } else {
                    scalars.append(scalar)
                }
            }
        }
        return "\"" + String(scalars) + (text.unicodeScalars.count > 80 ? "…" : "") + "\""
    }
}

/// Rows to insert, update, prune and skip, summed over tables.
struct ChangeTotals {
    var inserts: Int
    var updates: Int
    var prunes: Int
    var skipped: Int

    init(_ changes: [TableChanges]) {
        inserts = changes.map(\.inserts.count).reduce(0, +)
        updates = changes.map(\.updates.count).reduce(0, +)
        prunes = changes.map(\.prunes.count).reduce(0, +)
        skipped = changes.map(\.skipped.count).reduce(0, +)
    }

    init(_ applied: [AppliedTable]) {
        inserts = applied.map(\.inserted).reduce(0, +)
        updates = applied.map(\.updated).reduce(0, +)
        prunes = applied.map(\.pruned).reduce(0, +)
        skipped = applied.map(\.skipped.count).reduce(0, +)
    }
}
