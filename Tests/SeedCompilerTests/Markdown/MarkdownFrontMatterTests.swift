import Foundation
import XCTest
@testable import SeedCompiler

/// The splitting of record files by their delimiter lines, and the body checks: none of
/// this reads YAML, so it holds whatever the YAML loader does.
final class MarkdownFrontMatterTests: XCTestCase {
    private func layout(_ text: String) -> (FrontMatterLayout?, [Diagnostic]) {
        layout(Array(text.utf8))
    }

    private func layout(_ bytes: [UInt8]) -> (FrontMatterLayout?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let layout = FrontMatterLayout.locate(in: bytes, file: "sectors/x.md", diagnostics: &diagnostics)
        XCTAssertEqual(layout == nil, diagnostics.count == 1)
        return (layout, diagnostics)
    }

    private func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func testLayout() throws {
        let bytes = Array("---\ntitle: Health\nicon: 🏥\n---\n# Health\n\nText.\n".utf8)
        let found = try XCTUnwrap(layout(bytes).0)
        XCTAssertEqual(text(bytes, found.yaml), "title: Health\nicon: 🏥\n")
        XCTAssertEqual(found.yamlLineOffset, 1)
        XCTAssertEqual(text(bytes, found.body), "# Health\n\nText.\n")
        XCTAssertEqual(found.bodyStartLine, 5)
        XCTAssertEqual(found.opening, SourceLocation(file: "sectors/x.md", start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 4)))
    }

    func testDelimitersMayHaveTrailingBlanksAndCloseWithDots() throws {
        let bytes = Array("--- \t\na: 1\n... \n body".utf8)
        let found = try XCTUnwrap(layout(bytes).0)
        XCTAssertEqual(text(bytes, found.yaml), "a: 1\n")
        XCTAssertEqual(text(bytes, found.body), " body")
        XCTAssertEqual(found.bodyStartLine, 4)
    }

    func testEmptyFrontMatterAndEmptyBody() throws {
        let bytes = Array("---\n---".utf8)
        let found = try XCTUnwrap(layout(bytes).0)
        XCTAssertTrue(found.yaml.isEmpty)
        XCTAssertTrue(found.body.isEmpty)
        XCTAssertEqual(found.bodyStartLine, 3)
    }

    func testCRLF() throws {
        let bytes = Array("---\r\na: 1\r\n---\r\nline 1\r\nline 2\r\n".utf8)
        let found = try XCTUnwrap(layout(bytes).0)
        XCTAssertEqual(text(bytes, found.yaml), "a: 1\r\n")
        XCTAssertEqual(found.bodyStartLine, 4)
        XCTAssertEqual(MarkdownBody.decode(bytes[found.body], file: "f", firstLine: 4).text, "line 1\nline 2\n")
    }

    func testByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\na: 1\n---\nbody\n".utf8)
        let found = try XCTUnwrap(layout(bytes).0)
        XCTAssertEqual(text(bytes, found.yaml), "a: 1\n")
        XCTAssertEqual(found.yamlLineOffset, 1)
        XCTAssertEqual(found.bodyStartLine, 4)
    }

    func testMissingFrontMatter() {
        for text in ["", "# Title\n", "--- a: 1\n---\n", " ---\n---\n", "----\n---\n", "...\n---\n", "\n---\na: 1\n---\n", "\u{FEFF}\u{FEFF}---\n---\n"] {
            let (found, diagnostics) = layout(text)
            XCTAssertNil(found, text.debugDescription)
            XCTAssertEqual(diagnostics, [.error(.missingFrontMatter, "missing front matter: a record file starts with a line '---', then its fields in YAML, then a line '---'", at: .file("sectors/x.md"))], text.debugDescription)
        }
    }

    func testUnclosedFrontMatter() {
        let opening = SourceLocation(file: "sectors/x.md", start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 4))
        for text in ["---", "---\n", "---\ntitle: x\n", "\u{FEFF}---\r\ntitle: x\r\n-- -\r\n", "---\na: 1\n--- x\n"] {
            let (found, diagnostics) = layout(text)
            XCTAssertNil(found, text.debugDescription)
            XCTAssertEqual(diagnostics, [.error(.unclosedFrontMatter, "the front matter opened here is never closed: add a line '---' after its fields", at: opening)], text.debugDescription)
        }
    }

    func testSplitReportsMissingAndUnclosedFrontMatter() {
        XCTAssertEqual(FrontMatter.split(Array("# Title\n".utf8), file: "a.md").1.map(\.id), [.missingFrontMatter])
        XCTAssertEqual(FrontMatter.split(Array("---\ntitle: x\n".utf8), file: "a.md").1.map(\.id), [.unclosedFrontMatter])
    }

    func testBodyInvalidUTF8AndNulArePositioned() {
        let bytes = Array("---\na: 1\n---\nok\nSanté \u{0} x ".utf8) + [0xFF, 0x41, 0xC3]
        let diagnostics = FrontMatter.split(bytes, file: "a.md").1.filter { $0.id == .invalidUTF8 || $0.id == .nulByte }
        XCTAssertEqual(diagnostics, [
            .error(.nulByte, "NUL byte in the body; a text file has none", at: SourceLocation(file: "a.md", start: SourcePosition(line: 5, column: 7))),
            .error(.invalidUTF8, "invalid UTF-8 in the body; save the file as UTF-8", at: SourceLocation(file: "a.md", start: SourcePosition(line: 5, column: 11))),
        ])
    }

    func testBodyKeepsMissingFinalNewlineAndLoneCR() {
        XCTAssertEqual(MarkdownBody.decode(ArraySlice("a\r\nb\rc".utf8), file: "f", firstLine: 1).text, "a\nb\rc")
        XCTAssertEqual(MarkdownBody.decode(ArraySlice("".utf8), file: "f", firstLine: 1).diagnostics, [])
    }

    func testFixtureFiles() throws {
        let root = try SharedFixtures.url("imhub")
        for (folder, bodyStartLine) in [("sectors", 5), ("announcements", 8)] {
            let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).filter { $0.hasSuffix(".md") }.sorted()
            XCTAssertGreaterThan(files.count, 1)
            for name in files {
                let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name)))
                let (found, diagnostics) = layout(bytes)
                if name == "README.md" {
                    XCTAssertEqual(diagnostics.map(\.id), [.missingFrontMatter], name)
                    continue
                }
                let body = try XCTUnwrap(found, name).body
                XCTAssertEqual(found?.bodyStartLine, bodyStartLine, name)
                let decoded = MarkdownBody.decode(bytes[body], file: name, firstLine: bodyStartLine)
                XCTAssertEqual(decoded.diagnostics, [], name)
                XCTAssertEqual(decoded.text.hasSuffix("\n"), name != "2025-11-17-damage-assessment-volunteers.md", name)
            }
        }
    }

    func testFixtureBodyLinksPointAtFileLines() throws {
        let root = try SharedFixtures.url("imhub")
        let expected = [
            "sectors/protection.md": ["#@10:27-28", "#@11:27-28", "/dashboards/protection@12:26-48"],
            "announcements/2025-11-17-damage-assessment-volunteers.md": ["https://signup.com/client/invitation2/secure/01891666064/true#/invitation@11:207-280"],
        ]
        for (path, links) in expected {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent(path)))
            let found = try XCTUnwrap(layout(bytes).0, path)
            let body = MarkdownBody.decode(bytes[found.body], file: path, firstLine: found.bodyStartLine).text
            let located = Markdown.links(in: body, file: path, firstLine: found.bodyStartLine).map {
                "\($0.destination)@\($0.location.start.line):\($0.location.start.column)-\($0.location.end.column)"
            }
            XCTAssertEqual(located, links, path)
        }
    }

    /// Random bytes made of delimiter-like pieces: no trap, and a layout that fits the input.
    func testRandomBytesNeverTrap() {
        var generator = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = ["---", "...", "\n", "\r\n", "\r", " ", "\t", "a: 1", "-", ".", "\u{FEFF}", "é"].map { Array($0.utf8) } + [[0], [0xFF], [0xC3], [0xEF, 0xBB]]
        for _ in 0..<5_000 {
            let bytes = (0..<Int(generator.next() % 24)).flatMap { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            let (found, _) = layout(bytes)
            if let found {
                XCTAssertLessThanOrEqual(found.yaml.upperBound, found.body.lowerBound)
                XCTAssertEqual(found.body.upperBound, bytes.count)
            }
            _ = FrontMatter.split(bytes, file: "fuzz.md")
        }
    }

    func testLargeInputsTakeLinearTime() {
        let unclosed = Array("---\n".utf8) + Array(repeating: Array("--- x\n".utf8), count: 100_000).joined()
        XCTAssertEqual(layout(unclosed).1.map(\.id), [.unclosedFrontMatter])
        let body = Array("---\n---\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1_000_000) + [0xFF]
        let decoded = MarkdownBody.decode(body[8...], file: "f", firstLine: 3)
        XCTAssertEqual(decoded.diagnostics.map(\.location?.start), [SourcePosition(line: 3, column: 1_000_001)])
    }
}
