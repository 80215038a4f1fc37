/// A table's planned rows, stored compactly: each row's cells encoded one after
/// another in one byte buffer, with its value hash as 32 raw bytes. Reading a row
/// (`rows[i]`) decodes it into a `PlannedRow`; renderers read batches in place
/// (`withRows(at:)`), making no String per cell.
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
        withRows(at: [position]) { $0.decoded(0) }
    }

    /// The rows at `positions` (a batch), decoded.
    public func rows(at positions: [Int]) -> [PlannedRow] {
        withRows(at: positions) { rows in (0..<rows.count).map(rows.decoded) }
    }

    /// Runs `body` with the rows at `positions` (a batch) read in place: rows in
    /// memory where they are, spilled rows read back into one buffer. Spilled rows
    /// that lie close together in the spill, as rows of content written in key order
    /// do, are read back with one read, not one each.
    func withRows<T>(at positions: [Int], _ body: (EncodedRows) throws -> T) rethrows -> T {
        if positions.allSatisfy({ offsets[$0] >= spilledCount }) {
            return try bytes.withUnsafeBufferPointer { buffer in
                try body(EncodedRows(positions.map { UnsafeBufferPointer(rebasing: buffer[(offsets[$0] - spilledCount)...]) },
                                 columns: columns, keyIndexes: keyIndexes))
            }
        }
        let (read, starts) = readBack(positions)
        return try read.withUnsafeBufferPointer { buffer in
            try body(EncodedRows(starts.map { UnsafeBufferPointer(rebasing: buffer[$0...]) }, columns: columns, keyIndexes: keyIndexes))
        }
    }

    /// The bytes of the rows at `positions`, some spilled, in one buffer, and where
    /// each starts in it: one read for rows of one piece close together, else one
    /// read per row (a row that cannot be read back reads as its `placeholder`).
    private func readBack(_ positions: [Int]) -> (bytes: [UInt8], starts: [Int]) {
        let first = positions.min { offsets[$0] < offsets[$1] }!
        let last = positions.max { offsets[$0] < offsets[$1] }!
        let start = offsets[first], span = offsets[last] + Int(lengths[last]) - start
        if start < spilledCount, offsets[last] < spilledCount, span <= Self.readSpan {
            let piece = self.piece(holding: start)
            let end = piece + 1 < pieces.count ? pieces[piece + 1].start : spilledCount
            var window = [UInt8](repeating: 0, count: span)
            if offsets[last] < end, window.withUnsafeMutableBytes({ spill!.read(at: pieces[piece].spillOffset + start - pieces[piece].start, into: $0) }) {
                return (window, positions.map { offsets[$0] - start })
            }
        }
        var all: [UInt8] = []
        var starts: [Int] = []
        for position in positions {
            starts.append(all.count)
            all += rowBytes(at: position)
        }
        return (all, starts)
    }

    /// The most bytes `withRows(at:)` reads back at once.
    static let readSpan = 4 << 20

    /// The spilled piece holding the byte at `offset` (pieces hold whole rows).
    private func piece(holding offset: Int) -> Int {
        var (low, high) = (0, pieces.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if pieces[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The encoded bytes of one row: copied when in memory, read back when spilled
    /// (its `placeholder` when that fails).
    private func rowBytes(at position: Int) -> [UInt8] {
        let (offset, length) = (offsets[position], Int(lengths[position]))
        if offset >= spilledCount {
            return Array(bytes[(offset - spilledCount)..<(offset - spilledCount + length)])
        }
        let piece = pieces[piece(holding: offset)]
        var row = [UInt8](repeating: 0, count: length)
        let at = piece.spillOffset + offset - piece.start
        if row.withUnsafeMutableBytes({ spill?.read(at: at, into: $0) }) != true {
            row = placeholder(for: position)
        }
        return row
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

    /// A row encoded for `append`: made on any thread, appended in order.
    struct EncodedRow: Sendable {
        fileprivate var bytes: [UInt8]
        fileprivate var shape: Shape
    }

    /// Encodes a row: its cells, one per planned column, hashed as `RowHash` does.
    static func encode(cells: [FieldValue?], columns: [PlannedColumn]) -> EncodedRow {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + 16 * cells.count)
        bytes.append(contentsOf: RowHash.digest(cells, columns: columns))
        for cell in cells { RowWriter.append(cell, to: &bytes) }
        return EncodedRow(bytes: bytes, shape: Shape(cells))
    }

    /// Adds a row (`encode`).
    mutating func append(_ row: EncodedRow) {
        offsets.append(spilledCount + bytes.count)
        lengths.append(Int32(row.bytes.count))
        if let number = shapeNumber[row.shape] {
            shapeNumbers.append(Int32(number))
        } else {
            shapeNumber[row.shape] = shapes.count
            shapeNumbers.append(Int32(shapes.count))
            shapes.append(row.shape)
        }
        bytes.append(contentsOf: row.bytes)
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
