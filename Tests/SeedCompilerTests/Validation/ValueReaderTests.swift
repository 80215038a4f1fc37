@testable import SeedCompiler
import XCTest

final class ValueReaderTests: XCTestCase {
    private func read(_ text: String, _ type: ColumnType) throws -> Value {
        try ValueReader.read(text, as: type).get()
    }

    /// The diagnostic id of the refusal, or nil when the text is read.
    private func refusal(_ text: String, _ type: ColumnType) -> DiagnosticID? {
        guard case let .failure(problem) = ValueReader.read(text, as: type) else { return nil }
        return problem.id
    }

    func testTextIsNeverGuessed() throws {
        XCTAssertEqual(try read("no", .text), .text("no"))
        XCTAssertEqual(try read("0755", .text), .text("0755"))
        XCTAssertEqual(try read("5w", .text), .text("5w"))
        XCTAssertEqual(try read("1:20", .text), .text("1:20"))
    }

    func testBooleanTakesOnlyTrueAndFalse() throws {
        XCTAssertEqual(try read("true", .boolean), .boolean(true))
        XCTAssertEqual(try read("false", .boolean), .boolean(false))
        XCTAssertEqual(refusal("yes", .boolean), .typeMismatch)
        XCTAssertEqual(refusal("1", .boolean), .typeMismatch)
    }

    func testNumbers() throws {
        XCTAssertEqual(try read("-42", .integer), .integer(-42))
        XCTAssertEqual(refusal("4.2", .integer), .typeMismatch)
        XCTAssertEqual(refusal("0x10", .integer), .typeMismatch)
        XCTAssertEqual(try read("18.0265", .real), .real(18.0265))
        XCTAssertEqual(refusal(".inf", .real), .typeMismatch)
    }

    func testDatesStayCalendarDates() throws {
        XCTAssertEqual(try read("2025-11-16", .date), .date("2025-11-16"))
        XCTAssertEqual(refusal("2025-02-30", .date), .typeMismatch)
        XCTAssertEqual(try read("2024-02-29", .date), .date("2024-02-29"))
        XCTAssertEqual(refusal("2025-11-16T10:00", .date), .typeMismatch)
    }

    func testTimestampsInSQLAlchemyFormat() throws {
        XCTAssertEqual(try read("2025-11-16", .datetime), .timestamp("2025-11-16 00:00:00.000000"))
        XCTAssertEqual(try read("2025-11-16 09:30", .datetime), .timestamp("2025-11-16 09:30:00.000000"))
        XCTAssertEqual(try read("2025-11-16T09:30:05.25", .datetime), .timestamp("2025-11-16 09:30:05.250000"))
        XCTAssertEqual(try read("2025-12-31T23:30:00-05:00", .datetime), .timestamp("2026-01-01 04:30:00.000000"))
        XCTAssertEqual(try read("2025-03-01T01:00:00+02:00", .datetime), .timestamp("2025-02-28 23:00:00.000000"))
        XCTAssertEqual(refusal("2025-11-16 25:00", .datetime), .typeMismatch)
        XCTAssertEqual(refusal("16/11/2025", .datetime), .typeMismatch)
    }

    func testEmailAndURL() throws {
        XCTAssertNoThrow(try read("a.b@example.org", .email))
        XCTAssertEqual(refusal("a.b@example", .email), .typeMismatch)
        XCTAssertEqual(refusal("a b@example.org", .email), .typeMismatch)
        XCTAssertNoThrow(try read("https://chat.whatsapp.com/x", .url))
        XCTAssertNoThrow(try read("/sectors/health", .url))
        XCTAssertEqual(refusal("javascript:alert(1)", .url), .typeMismatch)
        XCTAssertEqual(refusal("//evil.example", .url), .typeMismatch)
    }

    /// One `@`, text before it, a dotted domain after it, and no white space of any
    /// script (the ASCII fast path and the Unicode one agree).
    func testEmailShape() throws {
        XCTAssertNoThrow(try read("é@exämple.org", .email))
        XCTAssertEqual(refusal("a@b@example.org", .email), .typeMismatch)
        XCTAssertEqual(refusal("@example.org", .email), .typeMismatch)
        XCTAssertEqual(refusal("a@.example.org", .email), .typeMismatch)
        XCTAssertEqual(refusal("a@example.org.", .email), .typeMismatch)
        XCTAssertEqual(refusal("a@exa\tmple.org", .email), .typeMismatch)
        XCTAssertEqual(refusal("a@example.org\u{A0}", .email), .typeMismatch)
        XCTAssertEqual(refusal("ä\u{2003}b@example.org", .email), .typeMismatch)
    }

    func testNulIsRefused() {
        XCTAssertEqual(refusal("a\0b", .text), .typeMismatch)
        guard case let .failure(problem) = ValueReader.read("a\0b", as: .integer) else { return XCTFail("NUL read as an integer") }
        XCTAssertEqual(problem.message, "text cannot contain a NUL character")
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.closest(to: "Helth", among: ["Health", "Shelter"]), "Health")
        XCTAssertEqual(Suggestions.closest(to: "Food security", among: ["Food Security", "Health"]), "Food Security")
        XCTAssertEqual(Suggestions.closest(to: "food-security", among: ["Food Security"]), "Food Security")
        XCTAssertNil(Suggestions.closest(to: "Logistics", among: ["Health", "WASH"]))
    }
}
