@testable import SeedCompiler
import XCTest

final class OverlapTests: XCTestCase {
    /// Whatever the chunking and queue depth, the transform sees every item in order
    /// and the consumer every output in order, then the producer's result.
    func testItemsArriveInOrderThenTheResult() {
        for (chunk, depth) in [(1, 1), (3, 1), (256, 4), (5000, 2)] {
            var seen: [String] = []
            let result = Overlap.run(chunk: chunk, depth: depth, produce: { emit in
                for item in 0..<1000 { emit(item) }
                return "done"
            }, transform: { String($0) }, consume: { seen.append($0) })
            XCTAssertEqual(seen, (0..<1000).map(String.init), "chunk \(chunk), depth \(depth)")
            XCTAssertEqual(result, "done")
        }
        var none: [Int] = []
        XCTAssertEqual(Overlap.run(produce: { _ in 7 }, transform: { $0 + 1 }, consume: { none.append($0) }), 7)
        XCTAssertEqual(none, [])
    }
}
