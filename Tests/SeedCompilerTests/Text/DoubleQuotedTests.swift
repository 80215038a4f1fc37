import Foundation
@testable import SeedCompiler
import XCTest

final class DoubleQuotedTests: XCTestCase {
    func testEscapes() {
        XCTAssertEqual(DoubleQuoted.quote("plain text", .hexAndUnicode), "\"plain text\"")
        XCTAssertEqual(DoubleQuoted.quote("a\"b\\c\nd\re\tf", .hexAndUnicode), #""a\"b\\c\nd\re\tf""#)
        XCTAssertEqual(DoubleQuoted.quote("\u{0}\u{1B}\u{7F}", .hexAndUnicode), #""\x00\x1B\x7F""#)
        XCTAssertEqual(DoubleQuoted.quote("\u{0}\u{1B}\u{7F}", .unicodeOnly), #""\u0000\u001B\u007F""#)
        XCTAssertEqual(DoubleQuoted.quote("\u{85}|\u{2028}|\u{2029}|\u{FEFF}", .hexAndUnicode), #""\x85|\u2028|\u2029|\uFEFF""#)
        XCTAssertEqual(DoubleQuoted.quote("Médecins ✚ 🌀 \u{A0}\u{2027}\u{202A}", .unicodeOnly), "\"Médecins ✚ 🌀 \u{A0}\u{2027}\u{202A}\"")
        XCTAssertEqual(DoubleQuoted.quote("", .unicodeOnly), "\"\"")
    }

    /// Random text of every kind of character reads back exactly as JSON, on one line.
    /// The seed is in every failure message; `SEEDC_TEST_SEED=N` replays it.
    func testJSONRoundTripOfRandomText() throws {
        let seed = ProcessInfo.processInfo.environment["SEEDC_TEST_SEED"].flatMap { UInt64($0) } ?? 20_251_206
        var generator = SplitMix64(seed: seed)
        let pool: [Unicode.Scalar] = (0..<0x100).compactMap(Unicode.Scalar.init) + ["\u{2028}", "\u{2029}", "\u{FEFF}", "✚", "🌀", "é", "\u{10FFFF}"]
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<40, using: &generator) { text.unicodeScalars.append(pool.randomElement(using: &generator)!) }
            let literal = DoubleQuoted.json(text)
            XCTAssertFalse(literal.contains("\n") || literal.contains("\r") || literal.contains("\u{2028}"), "seed \(seed): \(literal)")
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
            XCTAssertEqual(decoded?.first?.unicodeScalars.elementsEqual(text.unicodeScalars), true, "seed \(seed): \(literal)")
        }
    }
}
