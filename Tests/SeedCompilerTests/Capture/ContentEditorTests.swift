@testable import SeedCompiler
import XCTest

/// Lines inserted at the places the loader's positions give, every other byte kept.
final class ContentEditorTests: XCTestCase {
    private func append(_ table: String, to text: String, seedSection: Bool = true) throws -> String {
        let bytes = Array(text.utf8)
        let root = ContentDocument.loadSingle(InputFile(path: "content.yaml", bytes: bytes)).0
        let edited = try ContentEditor.appendRecords(table: table, to: bytes, root: root, seedSection: seedSection) { indent in
            String(repeating: " ", count: indent) + "- k: new\n"
        }
        return String(decoding: edited, as: UTF8.self)
    }

    private func failure(_ table: String, in text: String, seedSection: Bool = true) -> String {
        do {
            return "no error: " + (try append(table, to: text, seedSection: seedSection))
        } catch {
            return "\(error)"
        }
    }

    func testRecordsGoAfterTheLastItemAtItsIndentation() throws {
        let original = """
        # comment
        seed:   # the seed
          tables: {t: {key: k, columns: {k: text}}}
          records:
            t:
              - k: a   # first

              - k: 'b'
            u:
            - k: indentless
            # trailing comment
            other: [x]
        tail: 1
        """
        XCTAssertEqual(try append("t", to: original), original.replacingOccurrences(of: "      - k: 'b'\n", with: "      - k: 'b'\n      - k: new\n"))
        XCTAssertEqual(try append("u", to: original), original.replacingOccurrences(of: "    - k: indentless\n", with: "    - k: indentless\n    - k: new\n"))
        XCTAssertEqual(try append("new", to: original), original.replacingOccurrences(of: "    other: [x]\n", with: "    other: [x]\n    new:\n      - k: new\n"))
        XCTAssertTrue(failure("other", in: original).contains("flow list ([…]); capture cannot add lines to it: use --into FILE"))
    }

    func testMissingKeysAreCreated() throws {
        XCTAssertEqual(try append("t", to: "seed:\n    tables: {}\nx: 1\n"), "seed:\n    tables: {}\n    records:\n      t:\n        - k: new\nx: 1\n")
        XCTAssertEqual(try append("t", to: "seed:\n  records:   # none yet\nx: 1\n"), "seed:\n  records:   # none yet\n    t:\n      - k: new\nx: 1\n")
        XCTAssertEqual(try append("t", to: "seed:\n  records:\n    t:\n  # c\n"), "seed:\n  records:\n    t:\n      - k: new\n  # c\n")
    }

    func testIncludeFiles() throws {
        XCTAssertEqual(try append("t", to: "", seedSection: false), "t:\n  - k: new\n")
        XCTAssertEqual(try append("on", to: "", seedSection: false), "\"on\":\n  - k: new\n")
        XCTAssertEqual(try append("t", to: "# records\nt:\n  - k: a\n", seedSection: false), "# records\nt:\n  - k: a\n  - k: new\n")
        XCTAssertEqual(try append("u", to: "t:\n  - k: a", seedSection: false), "t:\n  - k: a\nu:\n  - k: new\n")
        XCTAssertTrue(failure("t", in: "{t: [{k: a}]}\n", seedSection: false).contains("flow mapping"))
    }

    func testWhatCannotTakeLinesIsRefused() {
        XCTAssertTrue(failure("t", in: "seed: {records: {}}\n").contains("seed is a flow mapping"))
        XCTAssertTrue(failure("t", in: "seed:\n  records: {t: []}\n").contains("seed.records is a flow mapping"))
        XCTAssertTrue(failure("t", in: "seed:\n  records: ~\n").contains("seed.records must be a mapping"))
        XCTAssertTrue(failure("t", in: "seed:\n  records:\n    t: x\n").contains("the records of t are not a list"))
        XCTAssertTrue(failure("t", in: "title: x\n").contains("no seed section"))
    }

    func testTablesGoUnderSeedOrAtTheEnd() throws {
        func insert(_ text: String, replace: Bool = false) throws -> String {
            let bytes = Array(text.utf8)
            let root = ContentDocument.loadSingle(InputFile(path: "c", bytes: bytes)).0
            return String(decoding: try ContentEditor.insertTables("  tables:\n    t: {}\n", to: bytes, root: root, replace: replace), as: UTF8.self)
        }
        XCTAssertEqual(try insert("title: Hub\n# end"), "title: Hub\n# end\nseed:\n  tables:\n    t: {}\n")
        XCTAssertEqual(try insert(""), "seed:\n  tables:\n    t: {}\n")
        XCTAssertEqual(try insert("seed:   # here\nx: 1\n"), "seed:   # here\n  tables:\n    t: {}\nx: 1\n")
        XCTAssertEqual(try insert("seed:\n    include: [a]\nx: 1\n"), "seed:\n    include: [a]\n    tables:\n      t: {}\nx: 1\n")
        let existing = "seed:\n    include: [a]\n    tables:\n      old: {}\n      older:\n        key: k\n    records: {}\nafter: 1\n"
        XCTAssertThrowsError(try insert(existing)) { XCTAssertTrue("\($0)".contains("--force"), "\($0)") }
        XCTAssertEqual(try insert(existing, replace: true), "seed:\n    include: [a]\n    tables:\n      t: {}\n    records: {}\nafter: 1\n")
        XCTAssertThrowsError(try insert("seed: {include: [a]}\n")) { XCTAssertTrue("\($0)".contains("flow mapping"), "\($0)") }
        XCTAssertThrowsError(try insert("seed: null\n")) { XCTAssertTrue("\($0)".contains("seed must be a mapping"), "\($0)") }
    }
}
