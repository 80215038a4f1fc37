import Crypto

/// The value hash the ledger keeps per row: SHA-256 over each set column's name and
/// typed value. A secret counts as the name of its variable, never its value, and
/// `now` as itself, so the hash depends on the content alone.
enum RowHash {
    static func of(_ cells: [FieldValue?], columns: [PlannedColumn]) -> String {
        Hex.string(digest(cells, columns: columns))
    }

    /// The hash as its 32 bytes. The row's bytes are laid out in one buffer and hashed
    /// at once: one hasher call per row, not three per cell.
    static func digest(_ cells: [FieldValue?], columns: [PlannedColumn]) -> SHA256.Digest {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        for (cell, column) in zip(cells, columns) {
            guard let cell else { continue }
            append("", column.name, to: &bytes)
            switch cell {
            case let .value(value):
                let (tag, text) = encoded(value)
                append(tag, text, to: &bytes)
            case let .secret(env): append("env:", env, to: &bytes)
            case .now: append("now", "", to: &bytes)
            }
        }
        return SHA256.hash(data: bytes)
    }

    /// `tag` then `text`, with their length before them, so no two sequences of texts
    /// run together.
    private static func append(_ tag: StaticString, _ text: String, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(tag.utf8CodeUnitCount + text.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount))
        // Copied from the string's contiguous UTF-8 at once, not byte by byte.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
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
