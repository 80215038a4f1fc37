import XCTest
@testable import SeedCompiler

final class MarkdownRenderingTests: XCTestCase {
    func testParagraphEndsWithNewlineAsCmarkGivesIt() {
        XCTAssertEqual(Markdown.renderHTML("Hello *world*"), "<p>Hello <em>world</em></p>\n")
        XCTAssertEqual(Markdown.renderHTML(""), "")
    }

    func testTable() {
        let html = Markdown.renderHTML("| Sector | Lead |\n|:---|---:|\n| WASH | UNICEF |\n")
        XCTAssertEqual(html, """
            <table>
            <thead>
            <tr>
            <th align="left">Sector</th>
            <th align="right">Lead</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">WASH</td>
            <td align="right">UNICEF</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    func testStrikethrough() {
        XCTAssertEqual(Markdown.renderHTML("~~old~~ new"), "<p><del>old</del> new</p>\n")
    }

    func testAutolinks() {
        XCTAssertEqual(
            Markdown.renderHTML("See www.example.org, https://example.org/a?b=1 and info@example.org."),
            "<p>See <a href=\"http://www.example.org\">www.example.org</a>, <a href=\"https://example.org/a?b=1\">https://example.org/a?b=1</a> and <a href=\"mailto:info@example.org\">info@example.org</a>.</p>\n")
        XCTAssertEqual(Markdown.renderHTML("<https://example.org>"), "<p><a href=\"https://example.org\">https://example.org</a></p>\n")
    }

    func testRawHTMLIsOmitted() {
        XCTAssertEqual(Markdown.renderHTML("<script>alert(1)</script>\n"), "<!-- raw HTML omitted -->\n")
        XCTAssertEqual(Markdown.renderHTML("a <img src=x onerror=alert(1)> b"), "<p>a <!-- raw HTML omitted --> b</p>\n")
        XCTAssertFalse(Markdown.renderHTML("<div onclick=\"x()\">\n\nhi\n\n</div>\n").contains("onclick"))
    }

    func testUnsafeURLsAreDropped() {
        XCTAssertEqual(Markdown.renderHTML("[x](javascript:alert(1))"), "<p><a href=\"\">x</a></p>\n")
        XCTAssertEqual(Markdown.renderHTML("[x](JAVASCRIPT:alert(1))"), "<p><a href=\"\">x</a></p>\n")
        XCTAssertEqual(Markdown.renderHTML("[x](vbscript:msgbox)"), "<p><a href=\"\">x</a></p>\n")
        XCTAssertEqual(Markdown.renderHTML("[x](file:///etc/passwd)"), "<p><a href=\"\">x</a></p>\n")
        XCTAssertEqual(Markdown.renderHTML("[x](data:text/html;base64,PHNjcmlwdD4=)"), "<p><a href=\"\">x</a></p>\n")
        XCTAssertEqual(Markdown.renderHTML("<javascript:alert(1)>"), "<p><a href=\"\">javascript:alert(1)</a></p>\n")
        XCTAssertEqual(Markdown.renderHTML("![i](data:image/png;base64,iVBO)"), "<p><img src=\"data:image/png;base64,iVBO\" alt=\"i\" /></p>\n")
    }

    func testNonASCIIAndEmoji() {
        XCTAssertEqual(Markdown.renderHTML("# Café 🌍\n\nÉquipe **santé** ✅"), "<h1>Café 🌍</h1>\n<p>Équipe <strong>santé</strong> ✅</p>\n")
    }

    func testHTMLIsEscaped() {
        XCTAssertEqual(Markdown.renderHTML("a < b & \"c\""), "<p>a &lt; b &amp; &quot;c&quot;</p>\n")
    }

    func testNulByteIsReplaced() {
        XCTAssertEqual(Markdown.renderHTML("a\u{0}b"), "<p>a\u{FFFD}b</p>\n")
    }

    func testCoreRendererHasNoExtensions() {
        XCTAssertEqual(Markdown.renderHTML("~~x~~ www.example.org", extensions: []), "<p>~~x~~ www.example.org</p>\n")
    }

    func testConcurrentRenderingIsSafe() {
        let source = "| a |\n|---|\n| ~~b~~ www.example.org |\n"
        let expected = Markdown.renderHTML(source)
        DispatchQueue.concurrentPerform(iterations: 256) { _ in
            XCTAssertEqual(Markdown.renderHTML(source), expected)
        }
    }
}
