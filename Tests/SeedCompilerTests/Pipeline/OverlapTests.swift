@testable import SeedCompiler
import XCTest

final class OverlapTests: XCTestCase {
    /// Whatever the chunking and queue depth, the consumer sees every item in order,
    /// then the producer's result.
    func testItemsArriveInOrderThenTheResult() {
        for (chunk, depth) in [(1, 1), (3, 1), (256, 4), (5000, 2)] {
            var seen: [Int] = []
            let result = Overlap.run(chunk: chunk, depth: depth, produce: { emit in
                for item in 0..<1000 { emit(item) }
                return "done"
            }, consume: { seen.append($0) })
            XCTAssertEqual(seen, Array(0..<1000), "chunk \(chunk), depth \(depth)")
            XCTAssertEqual(result, "done")
        }
        var none: [Int] = []
        XCTAssertEqual(Overlap.run(produce: { _ in 7 }, consume: { none.append($0) }), 7)
        XCTAssertEqual(none, [])
    }
}
