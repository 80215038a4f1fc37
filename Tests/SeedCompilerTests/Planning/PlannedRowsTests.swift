@testable import SeedCompiler
import XCTest

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
        rows.append(key: ["b-key"], cells: cells, columns: columns)
        var second = cells
        second[0] = .value(.text("a-key"))
        rows.append(key: ["a-key"], cells: second, columns: columns)
        rows.sort()
        XCTAssertEqual(rows.map(\.key), [["a-key"], ["b-key"]])
        XCTAssertEqual(rows[1].cells, cells)
        XCTAssertEqual(rows[0].cells, second)
        XCTAssertEqual(rows[1].valueHash, RowHash.of(cells, columns: columns))
        XCTAssertNotEqual(rows[0].valueHash, rows[1].valueHash)
        // Shapes are read without decoding; rows alike share a number.
        XCTAssertEqual(rows.shape(at: 0).number, rows.shape(at: 1).number)
        XCTAssertEqual(rows.shape(at: 0).shape.values, [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14])
        XCTAssertEqual(rows.shape(at: 0).shape.now, [13])
        XCTAssertTrue(rows.shape(at: 0).shape.needsSecret)
        rows.append(key: ["c-key"], cells: [.value(.text("c-key"))] + Array(repeating: nil, count: cells.count - 1), columns: columns)
        XCTAssertEqual(rows.shape(at: 2).number, 1)
        XCTAssertEqual(rows.shape(at: 2).shape, PlannedRows.Shape([.value(.text("c-key"))] + Array(repeating: nil, count: cells.count - 1)))
    }
}
