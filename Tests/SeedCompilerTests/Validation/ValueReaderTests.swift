@testable import SeedCompiler
import XCTest

final class ValueReaderTests: XCTestCase {
    private func read(_ text: String, _ type: ColumnType) -> Value? {
        try? ValueReader.read(text, as: type).get()
    }

    func testTextIsNeverGuessed() {
        XCTAssertEqual(read("no", .text), .text("no"))
        XCTAssertEqual(read("0755", .text), .text("0755"))
        XCTAssertEqual(read("5w", .text), .text("5w"))
        XCTAssertEqual(read("1:20", .text), .text("1:20"))
    }

    func testBooleanTakesOnlyTrueAndFalse() {
        XCTAssertEqual(read("true", .boolean), .boolean(true))
        XCTAssertEqual(read("false", .boolean), .boolean(false))
        XCTAssertNil(read("yes", .boolean))
        XCTAssertNil(read("1", .boolean))
    }

    func testNumbers() {
        XCTAssertEqual(read("-42", .integer), .integer(-42))
        XCTAssertNil(read("4.2", .integer))
        XCTAssertNil(read("0x10", .integer))
        XCTAssertEqual(read("18.0265", .real), .real(18.0265))
        XCTAssertNil(read(".inf", .real))
    }

    func testDatesStayCalendarDates() {
        XCTAssertEqual(read("2025-11-16", .date), .date("2025-11-16"))
        XCTAssertNil(read("2025-02-30", .date))
        XCTAssertEqual(read("2024-02-29", .date), .date("2024-02-29"))
        XCTAssertNil(read("2025-11-16T10:00", .date))
    }

    func testTimestampsInSQLAlchemyFormat() {
        XCTAssertEqual(read("2025-11-16", .datetime), .timestamp("2025-11-16 00:00:00.000000"))
        XCTAssertEqual(read("2025-11-16 09:30", .datetime), .timestamp("2025-11-16 09:30:00.000000"))
        XCTAssertEqual(read("2025-11-16T09:30:05.25", .datetime), .timestamp("2025-11-16 09:30:05.250000"))
        XCTAssertEqual(read("2025-12-31T23:30:00-05:00", .datetime), .timestamp("2026-01-01 04:30:00.000000"))
        XCTAssertEqual(read("2025-03-01T01:00:00+02:00", .datetime), .timestamp("2025-02-28 23:00:00.000000"))
        XCTAssertNil(read("2025-11-16 25:00", .datetime))
        XCTAssertNil(read("16/11/2025", .datetime))
    }

    func testEmailAndURL() {
        XCTAssertNotNil(read("a.b@example.org", .email))
        XCTAssertNil(read("a.b@example", .email))
        XCTAssertNil(read("a b@example.org", .email))
        XCTAssertNotNil(read("https://chat.whatsapp.com/x", .url))
        XCTAssertNotNil(read("/sectors/health", .url))
        XCTAssertNil(read("javascript:alert(1)", .url))
        XCTAssertNil(read("//evil.example", .url))
    }

    /// One `@`, text before it, a dotted domain after it, and no white space of any
    /// script (the ASCII fast path and the Unicode one agree).
    func testEmailShape() {
        XCTAssertNotNil(read("é@exämple.org", .email))
        XCTAssertNil(read("a@b@example.org", .email))
        XCTAssertNil(read("@example.org", .email))
        XCTAssertNil(read("a@.example.org", .email))
        XCTAssertNil(read("a@example.org.", .email))
        XCTAssertNil(read("a@exa\tmple.org", .email))
        XCTAssertNil(read("a@example.org\u{A0}", .email))
        XCTAssertNil(read("ä\u{2003}b@example.org", .email))
    }

    func testNulIsRefused() {
        XCTAssertNil(read("a\0b", .text))
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.closest(to: "Helth", among: ["Health", "Shelter"]), "Health")
        XCTAssertEqual(Suggestions.closest(to: "Food security", among: ["Food Security", "Health"]), "Food Security")
        XCTAssertEqual(Suggestions.closest(to: "food-security", among: ["Food Security"]), "Food Security")
        XCTAssertNil(Suggestions.closest(to: "Logistics", among: ["Health", "WASH"]))
    }
}
