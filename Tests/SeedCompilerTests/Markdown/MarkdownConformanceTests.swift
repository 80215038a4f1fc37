import Foundation
import XCTest
@testable import SeedCompiler

/// The 649 examples of the CommonMark 0.29 spec, rendered with the core renderer (no
/// extensions). Safe mode makes some differ by design: raw HTML becomes
/// `<!-- raw HTML omitted -->` and unsafe URLs an empty `href`/`src`: exactly the
/// examples in `safeModeExamples` may differ, and only that way. Every other
/// difference fails, and so does an excused example that no longer differs.
final class MarkdownConformanceTests: XCTestCase {
    /// The ids of the spec examples that differ by safe mode alone (70): the HTML
    /// blocks section (118-160) and raw HTML or unsafe URLs elsewhere.
    static let safeModeExamples: [Int] = Array(118...160) + [
        170, 278, 279, 307, 317, 344, 474, 475, 476, 488, 491, 520, 532, 609, 610, 611, 612, 613, 619, 621, 624, 625, 626, 627, 628, 639, 640,
    ]

    private struct Example: Decodable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
    }

    func testSpecExamples() throws {
        let data = try Data(contentsOf: SharedFixtures.url("commonmark/spec-0.29.json"))
        let examples = try JSONDecoder().decode([Example].self, from: data)
        var identical = 0
        var safeModeDifferences: [Int] = []
        for example in examples {
            let html = Markdown.renderHTML(example.markdown, extensions: [])
            if html == example.html {
                identical += 1
            } else if Self.differsBySafeMode(html, expected: example.html) {
                safeModeDifferences.append(example.example)
            } else {
                XCTFail("example \(example.example) (\(example.section)):\n\(example.markdown)\nexpected:\n\(example.html)\ngot:\n\(html)")
            }
        }
        print("commonmark-0.29: \(examples.count) examples, \(identical) identical, \(safeModeDifferences.count) differ by safe mode")
        XCTAssertEqual(examples.count, 649)
        XCTAssertEqual(safeModeDifferences, Self.safeModeExamples)
        XCTAssertEqual(safeModeDifferences.count, 70)
        XCTAssertEqual(identical, 649 - 70)
    }

    /// Every link of every example points at its destination as written: the text there
    /// is the URL (without the `mailto:` or `http://` of autolinks), unless the source
    /// writes it with backslash escapes or entity references.
    func testSpecExampleLinksPointAtTheirDestinations() throws {
        let data = try Data(contentsOf: SharedFixtures.url("commonmark/spec-0.29.json"))
        var checked = 0
        for example in try JSONDecoder().decode([Example].self, from: data) {
            let lines = example.markdown.split(omittingEmptySubsequences: false) { $0 == "\n" }.map { Array($0.unicodeScalars) }
            for link in Markdown.links(in: example.markdown, file: "spec.md", firstLine: 1) {
                let (start, end) = (link.location.start, link.location.end)
                guard start.line >= 1, start.line <= lines.count, start.column >= 1, start.column <= end.column, end.column - 1 <= lines[start.line - 1].count else {
                    XCTFail("example \(example.example): \(link) is outside the text")
                    continue
                }
                let line = lines[start.line - 1]
                if line.contains("\\") || line.contains("&") { continue }
                let text = String(String.UnicodeScalarView(line[(start.column - 1)..<(end.column - 1)]))
                XCTAssert([text, "mailto:" + text, "http://" + text].contains(link.destination), "example \(example.example): \(link.destination) at \(start.line):\(start.column) reads \(text.debugDescription)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// True when `html` differs from `expected` only where safe mode acts: raw HTML in
    /// `expected` omitted from `html`, or a URL `expected` keeps left empty in `html`.
    private static func differsBySafeMode(_ html: String, expected: String) -> Bool {
        let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]
        let rawHTMLOmitted = html.contains("<!-- raw HTML omitted -->")
        let urlBlanked = (html.contains("href=\"\"") || html.contains("src=\"\""))
            && unsafeSchemes.contains { expected.lowercased().contains("=\"\($0)") }
        return rawHTMLOmitted || urlBlanked
    }
}
