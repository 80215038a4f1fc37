@testable import SeedCompiler
import XCTest

final class DuplicateKeyTests: XCTestCase {
    /// Mappings that repeat the keys of the one before them are checked as quickly,
    /// and a duplicate is still found in any of them, at any depth.
    func testDuplicatesFoundAmongRepeatedMappings() {
        let yaml = """
        - {a: 1, b: 2}
        - {a: 1, b: 2}
        - {a: 1, a: 2}
        - {a: 1, b: {a: 1, a: 2}}
        - {b: 1, a: 2}
        - {a: 1, b: 2, a: 3}
        """
        let (_, diagnostics) = YAMLLoader.loadStream(Array(yaml.utf8), file: "t.yaml")
        XCTAssertEqual(diagnostics.map(\.id), [.duplicateKey, .duplicateKey, .duplicateKey])
        XCTAssertEqual(diagnostics.compactMap(\.location?.start.line), [3, 4, 6])
    }
}
