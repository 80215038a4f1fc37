import Crypto

/// The value hash the ledger keeps per row: SHA-256 over each set column's name and
/// typed value. A secret counts as the name of its variable, never its value, and
/// `now` as itself, so the hash depends on the content alone.
enum RowHash {
    static func of(_ cells: [FieldValue?], columns: [PlannedColumn]) -> String {
        Hex.string(digest(cells, columns: columns))
    }

    /// The hash as its 32 bytes.
    static func digest(_ cells: [FieldValue?], columns: [PlannedColumn]) -> SHA256.Digest {
        var hasher = SHA256()
        for (cell, column) in zip(cells, columns) {
            guard let cell else { continue }
            update(&hasher, "", column.name)
            switch cell {
            case let .value(value):
                let (tag, text) = encoded(value)
                update(&hasher, tag, text)
            case let .secret(env): update(&hasher, "env:", env)
            case .now: update(&hasher, "now", "")
            }
        }
        return hasher.finalize()
    }

    /// `tag` then `text`, with their length before them, so no two sequences of texts
    /// run together. Hashed as they are, never joined into a new string.
    private static func update(_ hasher: inout SHA256, _ tag: StaticString, _ text: String) {
        var length = UInt64(tag.utf8CodeUnitCount + text.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount))
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// The value as a type tag and text, so `1` and `"1"` hash apart.
    private static func encoded(_ value: Value) -> (StaticString, String) {
        switch value {
        case .null: ("n", "")
        case let .text(s): ("t", s)
        case let .integer(i): ("i", String(i))
        case let .real(d): ("r", String(d))
        case let .boolean(b): ("b", b ? "1" : "0")
        case let .date(s): ("d", s)
        case let .timestamp(s): ("s", s)
        }
    }
}
