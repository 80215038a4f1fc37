import XCTest
@testable import SeedCompiler

final class MarkdownLinkTests: XCTestCase {
    /// The links of `markdown` as "destination@line:column-endColumn", body starting at file line 10.
    private func links(_ markdown: String) -> [String] {
        Markdown.links(in: markdown, file: "sectors/wash.md", firstLine: 10).map {
            XCTAssertEqual($0.location.file, "sectors/wash.md")
            XCTAssertEqual($0.location.start.line, $0.location.end.line)
            return "\($0.destination)@\($0.location.start.line):\($0.location.start.column)-\($0.location.end.column)"
        }
    }

    func testListItemLinkPointsAtDestination() {
        XCTAssertEqual(links("Dashboards:\n\n- [Protection Dashboard](/dashboards/protection)\n"), ["/dashboards/protection@12:26-48"])
    }

    func testColumnsCountCharactersAfterAccentsAndEmoji() {
        XCTAssertEqual(links("Équipe ✅ 👩🏽‍⚕️ [santé](/sectors/health) é [b](/b)"), [
            "/sectors/health@10:24-39",
            "/b@10:47-49",
        ])
    }

    func testRepeatedLinksMapToSuccessiveOccurrences() {
        XCTAssertEqual(links("[a](/x) and [a](/x)\n\n[a](/x)\n"), ["/x@10:5-7", "/x@10:17-19", "/x@12:5-7"])
    }

    func testLinksOnLaterLinesOfAParagraph() {
        XCTAssertEqual(links("first line\nsecond [a](/a)\nthird [b](/b) [a](/a)\n"), ["/a@11:12-14", "/b@12:11-13", "/a@12:19-21"])
    }

    func testReferenceLinksPointAtTheDefinition() {
        let markdown = "See [the map][map] and [Map] and [map][].\n\n[map]: /maps/flood \"Flood\"\n"
        XCTAssertEqual(links(markdown), Array(repeating: "/maps/flood@12:8-19", count: 3))
    }

    func testReferenceAndInlineLinkToTheSameURL() {
        XCTAssertEqual(links("[a][r] [b](/u)\n\n[r]: /u\n"), ["/u@10:12-14", "/u@12:6-8"])
    }

    func testLinksInHeadings() {
        XCTAssertEqual(links("# Title [a](/a)\n\nSetext [b](/b)\n---\n"), ["/a@10:13-15", "/b@12:12-14"])
    }

    func testPlaceholderAndEmptyDestinations() {
        XCTAssertEqual(links("[soon](#) [empty]() [angle](<>) [spaced]( )"), ["#@10:8-9", "@10:19-19", "@10:30-30", "@10:43-43"])
    }

    func testLinksInTables() {
        let markdown = "| Sector | Page |\n|---|---|\n| Santé | [health](/sectors/health) |\n| WASH | [wash](/sectors/wash) [wash](/sectors/wash) |\n"
        XCTAssertEqual(links(markdown), [
            "/sectors/health@12:20-35",
            "/sectors/wash@13:17-30",
            "/sectors/wash@13:39-52",
        ])
    }

    func testNestedListsAndBlockQuotes() {
        XCTAssertEqual(links("- a\n  - [b](/b)\n> quote [c](/c)\n"), ["/b@11:9-11", "/c@12:13-15"])
    }

    func testImagesAndImageInsideLink() {
        XCTAssertEqual(links("![logo](/img/logo.png) [![badge](/img/b.svg)](/status)"), [
            "/img/logo.png@10:9-22",
            "/img/b.svg@10:34-44",
            "/status@10:47-54",
        ])
    }

    func testAutolinks() {
        XCTAssertEqual(links("<https://example.org> www.example.org info@example.org <a@b.org>"), [
            "https://example.org@10:2-21",
            "http://www.example.org@10:23-38",
            "mailto:info@example.org@10:39-55",
            "mailto:a@b.org@10:57-64",
        ])
    }

    func testLinkTextThatIsAURLStillPointsAtDestination() {
        XCTAssertEqual(links("[https://a.org](https://a.org)"), ["https://a.org@10:17-30"])
    }

    func testDestinationsWithAnglesTitlesEscapesAndEntities() {
        XCTAssertEqual(links("[a](<my page.md> \"t\") [b](/a\\_b) [c](/x?a=1&amp;b=2)"), [
            "my page.md@10:6-16",
            "/a_b@10:27-32",
            "/x?a=1&b=2@10:38-52",
        ])
    }

    func testDestinationAfterLineBreak() {
        XCTAssertEqual(links("[a](\n/next)"), ["/next@11:1-6"])
    }

    func testCodeIsNotALink() {
        XCTAssertEqual(links("`[a](/no)`\n\n    [b](/no)\n"), [])
    }

    func testSameDestinationInACodeSpanBeforeTheLink() {
        XCTAssertEqual(links("Write `[x](/a)` or ``[`](/a)`` for [x](/a); `https://a.org` is https://a.org"), [
            "/a@10:40-42",
            "https://a.org@10:64-77",
        ])
        XCTAssertEqual(links("\\`[a](/a)` [b](/b)"), ["/a@10:7-9", "/b@10:16-18"])
        XCTAssertEqual(links("a ` b\n\n[c](/c) `\n"), ["/c@12:5-7"])
    }

    func testUnsafeDestinationsAreStillReported() {
        XCTAssertEqual(links("[x](javascript:alert(1))"), ["javascript:alert(1)@10:5-24"])
    }

    func testCRLFLines() {
        XCTAssertEqual(links("a\r\n\r\n[b](/b)\r\n"), ["/b@12:5-7"])
    }

    func testManyLinksInOneParagraphTakeLinearTime() {
        let count = 20_000
        let markdown = (0..<count).map { "[l\($0)](/p/\($0)) [r][d\($0 % 100)] www.x\($0).org" }.joined(separator: " ")
            + "\n\n" + (0..<100).map { "[d\($0)]: /d/\($0)" }.joined(separator: "\n")
        let found = Markdown.links(in: markdown, file: "f.md", firstLine: 1)
        XCTAssertEqual(found.count, 3 * count)
        XCTAssertEqual(found.filter { $0.location.start.line == 1 }.count, 2 * count)
    }

    /// Random markdown-like text: `links` never crashes and every position is in the text.
    func testRandomInputStaysInBounds() {
        var generator = SplitMix64(seed: 7)
        let pieces = ["[", "]", "(", ")", "<", ">", ":", "\\", "&amp;", " ", "\n", "\r\n", "\t", "!", "a", "é", "👍", "/x", "www.a.org", "a@b.org", "|", "-", "`", "> ", "# ", "http://h"]
        for _ in 0..<2_000 {
            let markdown = (0..<Int(generator.next() % 40)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let lines = markdown.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            for link in Markdown.links(in: markdown, file: "f.md", firstLine: 1) {
                let line = link.location.start.line
                XCTAssert(line >= 1 && line <= lines.count, "\(markdown.debugDescription): line \(line)")
                guard line >= 1 && line <= lines.count else { continue }
                XCTAssert(link.location.end.column - 1 <= lines[line - 1].unicodeScalars.count, "\(markdown.debugDescription): \(link)")
            }
        }
    }

    func testNoLinks() {
        XCTAssertEqual(links(""), [])
        XCTAssertEqual(links("just text ] ( ]: ]("), [])
    }
}

/// A small deterministic random number generator for reproducible generated inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
