/// A table's planned rows, stored compactly: each row's cells encoded one after
/// another in one byte buffer, with its value hash as 32 raw bytes. Reading a row
/// (`rows[i]`) decodes it into a `PlannedRow`; read it once per use, not per cell.
/// Past the planner's memory budget the buffer moves, whole, to a `RowSpill`, and
/// rows in it are read back from there one at a time.
///
/// Rows are added in any order; `sort(by:)` puts them in natural key order, as the
/// validation stage found it (`TableKeys`), moving only offsets, never the rows.
public struct PlannedRows: RandomAccessCollection, Sendable {
    /// The rows not spilled: the bytes from `spilledCount` on.
    private var bytes: [UInt8] = []
    /// Where each row starts among all the bytes appended (spilled or not), in row order.
    private var offsets: [Int] = []
    private var lengths: [Int32] = []
    /// How many of the bytes appended went to the spill, and where each piece went.
    private var spilledCount = 0
    private var pieces: [(start: Int, spillOffset: Int)] = []
    private let spill: (any RowSpill)?
    /// Each row's shape, as a number into `shapes`, in row order.
    private var shapeNumbers: [Int32] = []
    private var shapes: [Shape] = []
    private var shapeNumber: [Shape: Int] = [:]
    private let columns: Int
    private let keyIndexes: [Int]

    init(columns: Int, keyIndexes: [Int], spill: (any RowSpill)? = nil) {
        self.columns = columns
        self.keyIndexes = keyIndexes
        self.spill = spill
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { offsets.count }

    public subscript(position: Int) -> PlannedRow {
        withBytes(of: position, decode)
    }

    /// The rows at `positions` (a batch), decoded. Spilled rows that lie close together
    /// in the spill, as rows of content written in key order do, are read back with
    /// one read, not one each.
    public func rows(at positions: [Int]) -> [PlannedRow] {
        guard spill != nil, positions.count > 1, let first = positions.min(by: { offsets[$0] < offsets[$1] }),
              offsets[first] < spilledCount else { return positions.map { self[$0] } }
        let piece = self.piece(holding: offsets[first])
        let end = piece + 1 < pieces.count ? pieces[piece + 1].start : spilledCount
        let last = positions.max { offsets[$0] < offsets[$1] }!
        let span = offsets[last] + Int(lengths[last]) - offsets[first]
        // Rows of another piece, or far apart: one read each.
        guard offsets[last] < end, span <= Self.readSpan else { return positions.map { self[$0] } }
        var window = [UInt8](repeating: 0, count: span)
        let start = offsets[first]
        guard window.withUnsafeMutableBytes({ spill!.read(at: pieces[piece].spillOffset + start - pieces[piece].start, into: $0) }) else {
            return positions.map { self[$0] }
        }
        return window.withUnsafeBufferPointer { buffer in
            positions.map { position in
                decode(UnsafeBufferPointer(rebasing: buffer[(offsets[position] - start)...]))
            }
        }
    }

    /// The most bytes `rows(at:)` reads back at once.
    static let readSpan = 4 << 20

    private func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> PlannedRow {
        var reader = RowReader(bytes: buffer, offset: 0)
        let hash = Hex.string(reader.take(32))
        let cells = (0..<columns).map { _ in reader.cell() }
        let key = keyIndexes.compactMap { cells[$0].flatMap(Record.text) }
        return PlannedRow(key: key, cells: cells, valueHash: hash)
    }

    /// The spilled piece holding the byte at `offset` (pieces hold whole rows).
    private func piece(holding offset: Int) -> Int {
        var (low, high) = (0, pieces.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if pieces[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Runs `body` with the encoded bytes of one row: in place when in memory, read
    /// back when spilled (all zeros when that fails: no cells, a zero hash).
    private func withBytes<T>(of position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let (offset, length) = (offsets[position], Int(lengths[position]))
        if offset >= spilledCount {
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(offset - spilledCount)...])) }
        }
        let piece = pieces[piece(holding: offset)]
        var row = [UInt8](repeating: 0, count: length)
        let at = piece.spillOffset + offset - piece.start
        if row.withUnsafeMutableBytes({ spill?.read(at: at, into: $0) }) != true {
            row = placeholder(for: position)
        }
        return row.withUnsafeBufferPointer(body)
    }

    /// What a row that could not be read back reads as: nulls where it sets values, of
    /// its shape, so whatever is made from it is well-formed (and then thrown away:
    /// the spill keeps the failure for the caller).
    private func placeholder(for position: Int) -> [UInt8] {
        let shape = shapes[Int(shapeNumbers[position])]
        var row = [UInt8](repeating: 0, count: 32)
        for column in 0..<columns {
            RowWriter.append(shape.values.contains(column) ? .value(.null) : shape.now.contains(column) ? .now : nil, to: &row)
        }
        return row
    }

    /// Why the spill failed, if it did (`SeedPlan.spillFailure`).
    var spillFailure: String? { spill?.failure }

    /// The bytes kept in memory.
    var bytesInMemory: Int { bytes.count }

    /// Moves the rows in memory to the spill (when there is one and the write works).
    mutating func moveToSpill() {
        guard let spill, !bytes.isEmpty, let at = bytes.withUnsafeBytes({ spill.append($0) }) else { return }
        pieces.append((spilledCount, at))
        spilledCount += bytes.count
        bytes = []
    }

    /// What a row sets, read without decoding it, and a number shared by the rows of
    /// the same shape (the first row of a shape gets the next number).
    public func shape(at position: Int) -> (number: Int, shape: Shape) {
        let number = Int(shapeNumbers[position])
        return (number, shapes[number])
    }

    /// Adds a row: its cells, one per planned column, hashed as `RowHash` does.
    mutating func append(cells: [FieldValue?], columns: [PlannedColumn]) {
        let start = bytes.count
        offsets.append(spilledCount + start)
        defer { lengths.append(Int32(bytes.count - start)) }
        let shape = Shape(cells)
        if let number = shapeNumber[shape] {
            shapeNumbers.append(Int32(number))
        } else {
            shapeNumber[shape] = shapes.count
            shapeNumbers.append(Int32(shapes.count))
            shapes.append(shape)
        }
        bytes.append(contentsOf: RowHash.digest(cells, columns: columns))
        for cell in cells { RowWriter.append(cell, to: &bytes) }
    }

    /// Puts the rows in `order` (the positions they were added at, by natural key).
    mutating func sort(by order: [Int32]) {
        precondition(order.count == offsets.count, "one position per row")
        offsets = order.map { offsets[Int($0)] }
        lengths = order.map { lengths[Int($0)] }
        shapeNumbers = order.map { shapeNumbers[Int($0)] }
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
