import SeedDatabase
import XCTest

final class BcryptTests: XCTestCase {
    func testHashesVerifyAndDiffer() throws {
        let first = try Bcrypt.hash("correct horse ✓", cost: 4)
        let second = try Bcrypt.hash("correct horse ✓", cost: 4)
        XCTAssertTrue(first.hasPrefix("$2b$04$"))
        XCTAssertEqual(first.count, 60)
        XCTAssertNotEqual(first, second, "each hash has its own salt")
        XCTAssertTrue(Bcrypt.verify("correct horse ✓", hash: first))
        XCTAssertFalse(Bcrypt.verify("correct horse", hash: first))
    }

    func testDefaultCostIsTwelve() throws {
        XCTAssertTrue(try Bcrypt.hash("x").hasPrefix("$2b$12$"))
    }
}
