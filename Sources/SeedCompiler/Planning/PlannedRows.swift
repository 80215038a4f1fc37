/// A table's planned rows, stored compactly: each row's cells encoded one after
/// another in one byte buffer, with its value hash as 32 raw bytes. Reading a row
/// (`rows[i]`) decodes it into a `PlannedRow`; read it once per use, not per cell.
///
/// Rows are added in any order; `sort()` orders them by natural key, sorting only
/// (key, offset) pairs, never the rows themselves.
public struct PlannedRows: RandomAccessCollection, Sendable {
    private var bytes: [UInt8] = []
    /// Where each row starts in `bytes`, in row order.
    private var offsets: [Int] = []
    /// The natural key of each row while rows are being added (dropped by `sort`).
    private var keys: [[String]] = []
    /// Each row's shape, as a number into `shapes`, in row order.
    private var shapeNumbers: [Int] = []
    private var shapes: [Shape] = []
    private var shapeNumber: [Shape: Int] = [:]
    private let columns: Int
    private let keyIndexes: [Int]

    init(columns: Int, keyIndexes: [Int]) {
        self.columns = columns
        self.keyIndexes = keyIndexes
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count }

    public subscript(position: Int) -> PlannedRow {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = RowReader(bytes: buffer, offset: offsets[position])
            let hash = Hex.string(reader.take(32))
            let cells = (0..<columns).map { _ in reader.cell() }
            let key = keyIndexes.compactMap { cells[$0].flatMap(Record.text) }
            return PlannedRow(key: key, cells: cells, valueHash: hash)
        }
    }

    /// What a row sets, read without decoding it, and a number shared by the rows of
    /// the same shape (the first row of a shape gets the next number).
    public func shape(at position: Int) -> (number: Int, shape: Shape) {
        let number = shapeNumbers[position]
        return (number, shapes[number])
    }

    /// Adds a row: its cells, one per planned column, hashed as `RowHash` does.
    mutating func append(key: [String], cells: [FieldValue?], columns: [PlannedColumn]) {
        offsets.append(bytes.count)
        keys.append(key)
        let shape = Shape(cells)
        if let number = shapeNumber[shape] {
            shapeNumbers.append(number)
        } else {
            shapeNumber[shape] = shapes.count
            shapeNumbers.append(shapes.count)
            shapes.append(shape)
        }
        bytes.append(contentsOf: RowHash.digest(cells, columns: columns))
        for cell in cells { RowWriter.append(cell, to: &bytes) }
    }

    /// Orders the rows by natural key.
    mutating func sort() {
        let order = offsets.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        offsets = order.map { offsets[$0] }
        shapeNumbers = order.map { shapeNumbers[$0] }
        keys = []
    }
}

extension PlannedRows {
    /// The columns a row sets to a value and to the time of applying, and whether it
    /// needs a secret: what decides which statements and batch it goes in.
    public struct Shape: Hashable, Sendable {
        public var values: [Int]
        public var now: [Int]
        public var needsSecret: Bool

        init(_ cells: [FieldValue?]) {
            values = cells.indices.filter { if case .value? = cells[$0] { true } else { false } }
            now = cells.indices.filter { cells[$0] == .now }
            needsSecret = cells.contains { if case .secret? = $0 { true } else { false } }
        }
    }
}

/// The encoding of a cell: a tag byte, then for text a length and UTF-8 bytes, for
/// numbers 8 little-endian bytes.
private enum CellTag: UInt8 {
    case unset, null, text, integer, real, isFalse, isTrue, date, timestamp, secret, now
}

private enum RowWriter {
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
            case let .boolean(b): bytes.append((b ? CellTag.isTrue : .isFalse).rawValue)
            case let .integer(i): number(.integer, UInt64(bitPattern: i), to: &bytes)
            case let .real(d): number(.real, d.bitPattern, to: &bytes)
            }
        }
    }

    private static func text(_ tag: CellTag, _ s: String, to bytes: inout [UInt8]) {
        bytes.append(tag.rawValue)
        var length = s.utf8.count
        // LEB128: 7 bits at a time, the high bit set on all but the last byte.
        while length >= 0x80 {
            bytes.append(UInt8(length & 0x7F) | 0x80)
            length >>= 7
        }
        bytes.append(UInt8(length))
        bytes.append(contentsOf: s.utf8)
    }

    private static func number(_ tag: CellTag, _ bits: UInt64, to bytes: inout [UInt8]) {
        bytes.append(tag.rawValue)
        withUnsafeBytes(of: bits.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

private struct RowReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int

    mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8> {
        defer { offset += count }
        return UnsafeBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    private mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func cell() -> FieldValue? {
        switch CellTag(rawValue: byte())! {
        case .unset: return nil
        case .now: return .now
        case .secret: return .secret(env: text())
        case .null: return .value(.null)
        case .text: return .value(.text(text()))
        case .date: return .value(.date(text()))
        case .timestamp: return .value(.timestamp(text()))
        case .isFalse: return .value(.boolean(false))
        case .isTrue: return .value(.boolean(true))
        case .integer: return .value(.integer(Int64(bitPattern: number())))
        case .real: return .value(.real(Double(bitPattern: number())))
        }
    }

    private mutating func text() -> String {
        var length = 0
        var shift = 0
        while true {
            let next = byte()
            length |= Int(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        return String(decoding: take(length), as: UTF8.self)
    }

    private mutating func number() -> UInt64 {
        take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
