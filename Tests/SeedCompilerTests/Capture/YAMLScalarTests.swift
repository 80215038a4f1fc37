@testable import SeedCompiler
import XCTest

/// Scalars are plain only where every YAML reader reads back the same text.
final class YAMLScalarTests: XCTestCase {
    func testWordsArePlain() {
        for plain in ["Red Cross", "Médecins Sans Frontières", "St. Andrew", "Marlene O'Connor", "shelter.im@example.org",
                      "https://chat.whatsapp.com/Example?x=1&y=%20#top", "Post updates 💧", "tags a,b"] {
            XCTAssertEqual(YAMLScalar.text(plain), plain)
        }
    }

    func testWhatOtherReadersRetypeIsQuoted() {
        for retyped in ["no", "Yes", "N", "off", "~", "null", "NULL", "true", "0755", "18.2180", "-76.80", "2025-11-01", "",
                        " padded", "padded ", "a: b", "ends:", "x #y", "-dash", "@at", "'quoted'", "\"dq\"", "[x]", "{x}",
                        "*alias", "&anchor", "!tag", "%directive", "|", ">", "?", "🌀 first", "tab\there", "nbsp\u{A0}here",
                        "zero\u{200B}width", "line\nbreak"] {
            XCTAssertTrue(YAMLScalar.text(retyped).hasPrefix("\""), retyped)
        }
    }

    func testFlowContextQuotesCommasAndColons() {
        XCTAssertEqual(YAMLScalar.text("a, b", in: .flow), "\"a, b\"")
        XCTAssertEqual(YAMLScalar.text("https://x.org", in: .flow), "\"https://x.org\"")
        XCTAssertEqual(YAMLScalar.text("plain words", in: .flow), "plain words")
    }

    func testEscapes() {
        XCTAssertEqual(YAMLScalar.quoted("It's \"DJ\"\\\n\t🌀\u{7}\u{2028}"), #""It's \"DJ\"\\\n\t🌀\x07\u2028""#)
    }
}
