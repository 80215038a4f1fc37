import Foundation
import XCTest
@testable import SeedCompiler

/// `FrontMatter.split` with its YAML read: these need the real `YAMLLoader.loadStream`.
final class MarkdownFrontMatterYAMLTests: XCTestCase {
    private func split(_ text: String, file: String = "sectors/x.md") -> (FrontMatterDocument?, [Diagnostic]) {
        FrontMatter.split(Array(text.utf8), file: file)
    }

    func testFieldsBodyAndFileLines() throws {
        let (document, diagnostics) = split("---\ntitle: Health\nicon: \"🏥\"\n---\n# Health\n\nSee [WASH](/sectors/wash).\n")
        XCTAssertEqual(diagnostics, [])
        let found = try XCTUnwrap(document)
        XCTAssertEqual(found.frontMatter["title"]?.scalar, "Health")
        XCTAssertEqual(found.frontMatter["icon"]?.scalar, "🏥")
        XCTAssertEqual(found.frontMatter.mapping?.first?.key.location.start, SourcePosition(line: 2, column: 1))
        XCTAssertEqual(found.frontMatter["icon"]?.location.start.line, 3)
        XCTAssertEqual(found.body, "# Health\n\nSee [WASH](/sectors/wash).\n")
        XCTAssertEqual(found.bodyStartLine, 5)
        let link = Markdown.links(in: found.body, file: "sectors/x.md", firstLine: found.bodyStartLine)
        XCTAssertEqual(link.map(\.location.start), [SourcePosition(line: 7, column: 12)])
    }

    func testCRLFAndByteOrderMark() throws {
        let (document, diagnostics) = FrontMatter.split([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: x\r\n---\r\nbody\r\n".utf8), file: "a.md")
        XCTAssertEqual(diagnostics, [])
        let found = try XCTUnwrap(document)
        XCTAssertEqual(found.frontMatter["title"]?.scalar, "x")
        XCTAssertEqual(found.frontMatter["title"]?.location.start.line, 2)
        XCTAssertEqual(found.body, "body\n")
        XCTAssertEqual(found.bodyStartLine, 4)
    }

    func testEmptyFrontMatterIsAnEmptyMapping() throws {
        for text in ["---\n---\nbody", "---\n# only a comment\n\n---\nbody"] {
            let (document, diagnostics) = split(text)
            XCTAssertEqual(diagnostics, [], text)
            XCTAssertEqual(try XCTUnwrap(document, text).frontMatter.mapping?.count, 0, text)
            XCTAssertEqual(document?.body, "body")
        }
    }

    func testFrontMatterMustBeAMapping() {
        for (text, kind) in [("---\njust text\n---\n", "a scalar"), ("---\n- a\n- b\n---\n", "a list")] {
            let (document, diagnostics) = split(text)
            XCTAssertNil(document)
            XCTAssertEqual(diagnostics.map(\.id), [.frontMatterNotMapping], text)
            XCTAssertEqual(diagnostics.first?.message, "front matter must be fields (name: value), found \(kind)")
            XCTAssertEqual(diagnostics.first?.location?.start.line, 2)
        }
    }

    func testYAMLErrorsPointAtFileLines() {
        let (document, diagnostics) = split("---\ntitle: ok\nbad: [unclosed\n---\nbody\n")
        XCTAssertNil(document)
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertTrue(diagnostics.allSatisfy { ($0.location?.start.line ?? 0) >= 3 }, "\(diagnostics)")
    }

    func testSecondDocumentInsideFrontMatter() {
        let (document, diagnostics) = split("---\na: 1\n--- second\n---\nbody\n")
        XCTAssertNil(document)
        XCTAssertEqual(diagnostics.map(\.id), [.multipleDocuments])
        XCTAssertEqual(diagnostics.first?.location?.start.line, 3)
    }

    func testFixtureFiles() throws {
        let root = try SharedFixtures.url("imhub")
        for (folder, bodyStartLine) in [("sectors", 5), ("announcements", 8)] {
            let directory = root.appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
            for name in files {
                let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
                let (document, diagnostics) = FrontMatter.split(bytes, file: "\(folder)/\(name)")
                XCTAssertEqual(diagnostics, [], name)
                let found = try XCTUnwrap(document, name)
                XCTAssertNotNil(found.frontMatter["title"]?.scalar, name)
                XCTAssertEqual(found.bodyStartLine, bodyStartLine, name)
                XCTAssertEqual(found.body.hasSuffix("\n"), name != "2025-11-17-damage-assessment-volunteers.md", name)
                let text = String(decoding: bytes, as: UTF8.self)
                XCTAssertTrue(text.hasSuffix(found.body), name)
            }
        }
    }
}
