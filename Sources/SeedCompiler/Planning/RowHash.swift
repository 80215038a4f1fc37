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
            update(&hasher, column.name)
            update(&hasher, text)
        }
        return hasher.finalize().map { byte in
            (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// The text with its length before it, so no two sequences of texts run together.
    private static func update(_ hasher: inout SHA256, _ text: String) {
        var length = UInt64(text.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
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
