@testable import SeedCompiler
import XCTest

extension PlannedRows {
    /// Adds a row of these cells, one per planned column, as the planner does.
    mutating func append(cells: [FieldValue?], columns: [PlannedColumn]) {
        append(Self.encode(cells: cells, columns: columns))
    }
}

/// Planned rows are kept encoded; reading one gives back exactly what was added.
final class PlannedRowsTests: XCTestCase {
    func testEveryKindOfCellRoundTrips() {
        let cells: [FieldValue?] = [
            .value(.text("b-key")), nil, .value(.null), .value(.text(String(repeating: "é💧", count: 300))),
            .value(.integer(-42)), .value(.integer(.max)), .value(.real(-0.5)), .value(.real(.infinity)),
            .value(.boolean(true)), .value(.boolean(false)), .value(.date("2025-10-28")),
            .value(.timestamp("2025-10-28 12:00:00.000000")), .secret(env: "ADMIN_PASSWORD"), .now, .value(.text("")),
        ]
        let columns = cells.indices.map { PlannedColumn(name: "c\($0)", storage: .text, lookup: nil, touchOnUpdate: false) }
        var rows = PlannedRows(columns: cells.count, keyIndexes: [0])
        rows.append(cells: cells, columns: columns)
        var second = cells
        second[0] = .value(.text("a-key"))
        rows.append(cells: second, columns: columns)
        rows.sort(by: [1, 0])
        XCTAssertEqual(rows.map(\.key), [["a-key"], ["b-key"]])
        XCTAssertEqual(rows[1].cells, cells)
        XCTAssertEqual(rows[0].cells, second)
        XCTAssertEqual(rows[1].valueHash, RowHash.of(cells, columns: columns))
        XCTAssertNotEqual(rows[0].valueHash, rows[1].valueHash)
        // Sorting moved the shapes with the rows.
        // Shapes are read without decoding; rows alike share a number.
        XCTAssertEqual(rows.shape(at: 0).number, rows.shape(at: 1).number)
        XCTAssertEqual(rows.shape(at: 0).shape.values, [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14])
        XCTAssertEqual(rows.shape(at: 0).shape.now, [13])
        XCTAssertTrue(rows.shape(at: 0).shape.needsSecret)
        rows.append(cells: [.value(.text("c-key"))] + Array(repeating: nil, count: cells.count - 1), columns: columns)
        XCTAssertEqual(rows.shape(at: 2).number, 1)
        XCTAssertEqual(rows.shape(at: 2).shape, PlannedRows.Shape([.value(.text("c-key"))] + Array(repeating: nil, count: cells.count - 1)))
    }

    /// Renderers read rows in place: the ledger key and hash they write are the
    /// decoded row's, for keys of one text, of several values and of other types.
    func testRowsReadInPlaceGiveTheDecodedKeyTextAndHash() {
        let cells: [[FieldValue?]] = [
            [.value(.text("a\"b")), .value(.integer(7)), .value(.boolean(true)), .value(.date("2025-10-28")), .value(.real(1.5))],
            [.value(.text("é")), .value(.integer(-1)), .value(.boolean(false)), .value(.null), .now],
        ]
        let columns = (0..<5).map { PlannedColumn(name: "c\($0)", storage: .text, lookup: nil, touchOnUpdate: false) }
        for keyIndexes in [[0], [1], [2], [3], [4], [0, 1], [1, 2, 3], [3, 4]] {
            var rows = PlannedRows(columns: 5, keyIndexes: keyIndexes)
            for row in cells { rows.append(cells: row, columns: columns) }
            var scratch: [UInt8] = []
            rows.withRows(at: [1, 0]) { encoded in
                for (row, position) in [1, 0].enumerated() {
                    let decoded = rows[position]
                    XCTAssertEqual(encoded.withKeyText(row, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }, decoded.keyText, "key \(keyIndexes)")
                    XCTAssertEqual(encoded.withHashText(row) { String(decoding: $0, as: UTF8.self) }, decoded.valueHash)
                    XCTAssertEqual(encoded.decoded(row).cells, cells[position])
                }
            }
        }
    }
}

/// Natural keys are packed per table; their bytes order them, value by value.
final class TableKeysTests: XCTestCase {
    private func place(_ line: Int32) -> RecordPlace {
        RecordPlace(file: 0, start: (line, 1), end: (line, 2), item: line)
    }

    func testKeysOrderByTheirValuesBytesAndTiesKeepArrivalOrder() {
        let keys: [[String]] = [["b"], ["a", "z"], ["a"], ["a\u{0}"], ["a", "b"], [], ["é"], ["e\u{301}"], ["a", "b"], ["ab"]]
        var table = TableKeys()
        for (i, key) in keys.enumerated() { table.append(key, at: place(Int32(i))) }
        let order = table.order().map(Int.init)
        // Value by value: ["a"] < ["a", "b"] < ["a", "z"] < ["a\0"] < ["ab"]; the bytes of
        // "e\u{301}" come before those of "é" (no Unicode normalization, as in SQLite).
        XCTAssertEqual(order.map { keys[$0] }, [[], ["a"], ["a", "b"], ["a", "b"], ["a", "z"], ["a\u{0}"], ["ab"], ["b"], ["e\u{301}"], ["é"]])
        XCTAssertEqual(order[2...3], [4, 8], "the same key in arrival order")
        XCTAssertTrue(table.sameKey(4, 8))
        XCTAssertFalse(table.sameKey(6, 7))
        XCTAssertFalse(table.hasKey(5))
        for (i, key) in keys.enumerated() { XCTAssertEqual(table.values(of: i), key) }
        XCTAssertEqual(table.place(of: 3).start.line, 3)
    }
}
