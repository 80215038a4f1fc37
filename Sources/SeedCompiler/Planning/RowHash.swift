import Crypto

/// The value hash the ledger keeps per row: SHA-256 over each set column's name and
/// typed value. A secret counts as the name of its variable, never its value, and
/// `now` as itself, so the hash depends on the content alone.
enum RowHash {
    static func of(_ cells: [FieldValue?], columns: [PlannedColumn]) -> String {
        Hex.string(digest(cells, columns: columns))
    }

    /// The hash as its 32 bytes. The row's bytes are laid out in one buffer on the
    /// stack, sized for the row, and hashed at once: one hasher call per row.
    static func digest(_ cells: [FieldValue?], columns: [PlannedColumn]) -> SHA256.Digest {
        // By index: a column is read where it is, not copied whole per cell.
        let count = min(cells.count, columns.count)
        var capacity = 0
        for index in 0..<count where cells[index] != nil {
            capacity += 2 * 8 + columns[index].name.utf8.count + 4 + maxTextBytes(cells[index]!)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(capacity, 1)) { buffer in
            var writer = Writer(base: buffer.baseAddress!)
            for index in 0..<count where cells[index] != nil {
                writer.append("", columns[index].name)
                switch cells[index]! {
                case let .value(value):
                    let (tag, text) = encoded(value)
                    writer.append(tag, text)
                case let .secret(env): writer.append("env:", env)
                case .now: writer.append("now", "")
                }
            }
            return SHA256.hash(data: UnsafeRawBufferPointer(start: buffer.baseAddress, count: writer.count))
        }
    }

    /// Writes `tag` then `text`, with their length before them, so no two sequences of
    /// texts run together.
    private struct Writer {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func append(_ tag: StaticString, _ text: String) {
            var text = text
            UnsafeMutableRawPointer(base + count).storeBytes(of: UInt64(tag.utf8CodeUnitCount + text.utf8.count).littleEndian, as: UInt64.self)
            count += 8
            copy(UnsafeBufferPointer(start: tag.utf8Start, count: tag.utf8CodeUnitCount))
            text.withUTF8 { copy($0) }
        }

        private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let start = bytes.baseAddress else { return }
            (base + count).initialize(from: start, count: bytes.count)
            count += bytes.count
        }
    }

    /// The most bytes a cell's text takes (`encoded`): an integer's decimal digits and
    /// a double's shortest form are bounded.
    private static func maxTextBytes(_ cell: FieldValue) -> Int {
        switch cell {
        case let .value(.text(s)), let .value(.date(s)), let .value(.timestamp(s)), let .value(.decimal(s)), let .secret(s): s.utf8.count
        case let .value(.binary(bytes)): 2 * bytes.count
        case .value(.integer): 20
        case .value(.real): 32
        case .value(.boolean): 1
        case .value(.null), .now: 0
        }
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
        case let .binary(bytes): ("x", Hex.string(bytes))
        case let .decimal(s): ("m", s)
        }
    }
}
