import Crypto

/// The value hash the ledger keeps per row: SHA-256 over each set column's name and
/// typed value. A secret counts as the name of its variable, never its value, and
/// `now` as itself, so the hash depends on the content alone.
enum RowHash {
    static func of(_ cells: [FieldValue?], columns: [PlannedColumn]) -> String {
        var hasher = SHA256()
        for (cell, column) in zip(cells, columns) {
            guard let cell else { continue }
            let text: String = switch cell {
            case let .value(value): Self.encoded(value)
            case let .secret(env): "env:" + env
            case .now: "now"
            }
            hasher.update(data: Array("\(column.name.utf8.count):\(column.name)\(text.utf8.count):\(text)".utf8))
        }
        return hasher.finalize().map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// The value with its type, so `1` and `"1"` hash apart.
    private static func encoded(_ value: Value) -> String {
        switch value {
        case .null: "n"
        case let .text(s): "t" + s
        case let .integer(i): "i" + String(i)
        case let .real(d): "r" + String(d)
        case let .boolean(b): b ? "b1" : "b0"
        case let .date(s): "d" + s
        case let .timestamp(s): "s" + s
        }
    }
}
