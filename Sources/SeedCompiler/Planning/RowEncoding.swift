/// How `PlannedRows` stores a row: its value hash as 32 raw bytes, then one cell per
/// column, each a tag byte and, for text, a LEB128 length and UTF-8 bytes, for
/// numbers 8 little-endian bytes.
enum CellTag: UInt8 {
    case unset, null, text, integer, real, isFalse, isTrue, date, timestamp, secret, now, binary, decimal
}

enum RowWriter {
    static func append(_ cell: FieldValue?, to bytes: inout [UInt8]) {
        switch cell {
        case nil: bytes.append(CellTag.unset.rawValue)
        case .now?: bytes.append(CellTag.now.rawValue)
        case let .secret(env)?: text(.secret, env, to: &bytes)
        case let .value(value)?:
            switch value {
            case .null: bytes.append(CellTag.null.rawValue)
            case let .text(s): text(.text, s, to: &bytes)
            case let .date(s): text(.date, s, to: &bytes)
            case let .timestamp(s): text(.timestamp, s, to: &bytes)
            case let .decimal(s): text(.decimal, s, to: &bytes)
            case let .binary(data):
                bytes.append(CellTag.binary.rawValue)
                length(data.count, to: &bytes)
                bytes.append(contentsOf: data)
            case let .boolean(b): bytes.append((b ? CellTag.isTrue : .isFalse).rawValue)
            case let .integer(i): number(.integer, UInt64(bitPattern: i), to: &bytes)
            case let .real(d): number(.real, d.bitPattern, to: &bytes)
            }
        }
    }

    private static func text(_ tag: CellTag, _ s: String, to bytes: inout [UInt8]) {
        bytes.append(tag.rawValue)
        length(s.utf8.count, to: &bytes)
        bytes.append(contentsOf: s.utf8)
    }

    /// LEB128: 7 bits at a time, the high bit set on all but the last byte.
    private static func length(_ count: Int, to bytes: inout [UInt8]) {
        var length = count
        while length >= 0x80 {
            bytes.append(UInt8(length & 0x7F) | 0x80)
            length >>= 7
        }
        bytes.append(UInt8(length))
    }

    private static func number(_ tag: CellTag, _ bits: UInt64, to bytes: inout [UInt8]) {
        bytes.append(tag.rawValue)
        withUnsafeBytes(of: bits.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// One encoded cell, read in place: its bytes are borrowed from the row, so reading
/// it makes no String.
struct EncodedCell {
    let tag: CellTag
    /// The UTF-8 bytes of text, dates, timestamps and a secret's variable name; a
    /// number's 8 little-endian bytes; empty otherwise.
    let payload: UnsafeBufferPointer<UInt8>

    /// Reads the cell starting at `offset` and moves `offset` past it.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) {
        tag = CellTag(rawValue: bytes[offset])!
        offset += 1
        var length = 0
        switch tag {
        case .text, .date, .timestamp, .secret, .binary, .decimal:
            var shift = 0
            while true {
                let next = bytes[offset]
                offset += 1
                length |= Int(next & 0x7F) << shift
                if next < 0x80 { break }
                shift += 7
            }
        case .integer, .real: length = 8
        case .unset, .null, .isFalse, .isTrue, .now: length = 0
        }
        payload = UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
        offset += length
    }

    private var bits: UInt64 {
        payload.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The value the cell sets; nil where it sets none (unset, a secret, the time of
    /// applying).
    var value: BorrowedValue? {
        switch tag {
        case .unset, .secret, .now: nil
        case .null: .null
        case .text: .text(payload)
        case .date: .date(payload)
        case .timestamp: .timestamp(payload)
        case .binary: .binary(payload)
        case .decimal: .decimal(payload)
        case .isFalse: .boolean(false)
        case .isTrue: .boolean(true)
        case .integer: .integer(Int64(bitPattern: bits))
        case .real: .real(Double(bitPattern: bits))
        }
    }

    /// The cell as a `FieldValue` (its Strings made).
    var field: FieldValue? {
        switch tag {
        case .unset: nil
        case .now: .now
        case .secret: .secret(env: String(decoding: payload, as: UTF8.self))
        default: value.map { .value($0.owned) }
        }
    }
}

/// The rows of a batch read in place (`PlannedRows.withRows(at:)`): each row's value
/// hash and cells as views of their encoded bytes, valid only inside that call.
struct EncodedRows {
    let count: Int
    private let columns: Int
    private let keyIndexes: [Int]
    /// Where each row starts (its hash).
    private let starts: [UnsafePointer<UInt8>]
    /// Every row's cells, `columns` per row.
    private let cells: [EncodedCell]

    /// - Parameter rows: each row's encoded bytes (from its start; the end may lie past the row).
    init(_ rows: [UnsafeBufferPointer<UInt8>], columns: Int, keyIndexes: [Int]) {
        count = rows.count
        self.columns = columns
        self.keyIndexes = keyIndexes
        starts = rows.map { $0.baseAddress! }
        var cells: [EncodedCell] = []
        cells.reserveCapacity(rows.count * columns)
        for row in rows {
            var offset = 32
            for _ in 0..<columns { cells.append(EncodedCell(row, at: &offset)) }
        }
        self.cells = cells
    }

    subscript(row: Int, column: Int) -> EncodedCell {
        cells[row * columns + column]
    }

    /// The row's value hash, as the lower-case hexadecimal text the ledger keeps.
    func withHashText<T>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Hex.withText(of: UnsafeBufferPointer(start: starts[row], count: 32), body)
    }

    /// The row's natural key as the ledger keeps it (`PlannedRow.keyText`): the text
    /// of a one-column key, or a JSON array of the texts. `scratch` is reused for the
    /// text that must be made.
    func withKeyText<T>(_ row: Int, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if keyIndexes.count == 1, case let .text(bytes)? = self[row, keyIndexes[0]].value { return body(bytes) }
        // The key's values but NULL and those with no value (`now`, secrets).
        func value(_ index: Int) -> BorrowedValue? {
            switch self[row, index].value {
            case nil, .null?: nil
            case let value?: value
            }
        }
        let single = keyIndexes.count(where: { value($0) != nil }) == 1
        scratch.removeAll(keepingCapacity: true)
        if !single { scratch.append(UInt8(ascii: "[")) }
        for index in keyIndexes {
            guard let value = value(index) else { continue }
            if !single, scratch.count > 1 { scratch.append(UInt8(ascii: ",")) }  // after a value
            value.withText { text in
                if single { scratch.append(contentsOf: text) } else { DoubleQuoted.quote(text, .unicodeOnly, into: &scratch) }
            }
        }
        if !single { scratch.append(UInt8(ascii: "]")) }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The row decoded, its Strings made.
    func decoded(_ row: Int) -> PlannedRow {
        let cells = (0..<columns).map { self[row, $0].field }
        let key = keyIndexes.compactMap { cells[$0].flatMap(Record.text) }
        return PlannedRow(key: key, cells: cells, valueHash: withHashText(row) { String(decoding: $0, as: UTF8.self) })
    }
}
