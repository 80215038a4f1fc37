@testable import SeedCompiler
import XCTest

/// Large input files are read in pieces (libyaml's read handler, the content hash,
/// the lines under diagnostics), never held whole. Whatever the size of the pieces,
/// the results must be those of the same bytes read whole.
final class InputPiecesTests: XCTestCase {
    /// Bytes handed out at most `size` at a time, failing at `failAt` when set: a file
    /// read in pieces, as the CLI's `FileBytes` does with `pread`.
    struct Pieces: ByteSource {
        var bytes: [UInt8]
        var size: Int
        var failAt: Int?

        func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(SourceReadError) -> Int {
            if let failAt, offset >= failAt { throw SourceReadError(reason: "Input/output error") }
            let count = max(0, min(size, buffer.count, bytes.count - offset))
            for i in 0..<count { buffer[i] = bytes[offset + i] }
            return count
        }
    }

    /// The content of `OneReadingTests`: a table, its routes and records, one with a
    /// character of two bytes.
    private static let content = "title: Pieces\nseed:\n" + OneReadingTests.tables + OneReadingTests.records

    private func compile(_ source: any ByteSource) -> Compilation {
        let document = ContentDocument(InputFile(path: "content.yaml", source: source))
        return SeedPipeline.compile(ContentInput(document: document, files: []))
    }

    private func outputs(_ result: Compilation) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: result.outputs.map { ($0.path, $0.bytes) })
    }

    func testContentReadInPiecesCompilesAsReadWhole() throws {
        let bytes = Array(Self.content.utf8)
        let whole = compile(MemoryBytes(bytes: bytes))
        XCTAssertEqual(whole.diagnostics, [])
        XCTAssertEqual(whole.plan?.tables.first?.rows.count, 2)
        for size in [1, 2, 3, 7, 64, 1 << 16] {
            let pieces = compile(Pieces(bytes: bytes, size: size))
            XCTAssertEqual(pieces.diagnostics, [], "pieces of \(size)")
            XCTAssertEqual(pieces.plan?.contentHash, whole.plan?.contentHash, "pieces of \(size)")
            XCTAssertEqual(outputs(pieces), outputs(whole), "pieces of \(size)")
        }
    }

    func testContentHashIgnoresBOMAndCRLFWhereverThePiecesEnd() throws {
        let lf = Array("a: 1\nb: \"x\r y\"\n\nc: 3\r".utf8)
        let crlf = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: \"x\r y\"\r\n\r\nc: 3\r".utf8)
        let expected = try ContentHash.of([InputFile(path: "f.yaml", bytes: lf)])
        for size in 1...9 {
            for bytes in [lf, crlf] {
                XCTAssertEqual(try ContentHash.of([InputFile(path: "f.yaml", source: Pieces(bytes: bytes, size: size))]), expected, "pieces of \(size)")
            }
        }
        // A CR as the third byte, its LF in the next piece.
        let early = try ContentHash.of([InputFile(path: "f.yaml", bytes: Array("a:\nb: 1\n".utf8))])
        for size in [1, 3] {
            XCTAssertEqual(try ContentHash.of([InputFile(path: "f.yaml", source: Pieces(bytes: Array("a:\r\nb: 1\r\n".utf8), size: size))]), early, "pieces of \(size)")
        }
        XCTAssertNotEqual(try ContentHash.of([InputFile(path: "g.yaml", bytes: lf)]), expected, "the path is hashed")
        XCTAssertNotEqual(try ContentHash.of([InputFile(path: "f.yaml", bytes: lf + [0x0A])]), expected, "every byte is hashed")
    }

    func testProblemsInAFileReadInPiecesArePlacedAsInOneReadWhole() {
        let cases: [[UInt8]] = [
            Array("seed:\n  tables: {}\nbad: \"caf".utf8) + [0xC3, 0x28] + Array("\"\n".utf8),
            Array("seed:\n  tables: {}\nnul: a".utf8) + [0] + Array("b\n".utf8),
            [0xEF, 0xBB, 0xBF] + Array("seed:\r\n  tables: {}\r\nx:\r\n\t- 1\r\n".utf8),
            Array("seed:\n  tables: {}\nx: [1, 2\n".utf8),
        ]
        for bytes in cases {
            let whole = compile(MemoryBytes(bytes: bytes)).diagnostics
            XCTAssertTrue(whole.hasErrors)
            for size in [1, 5, 4096] {
                XCTAssertEqual(compile(Pieces(bytes: bytes, size: size)).diagnostics, whole, "pieces of \(size)")
            }
        }
    }

    func testAFileThatFailsMidwayIsAnErrorNamingItAndNothingIsPlanned() {
        let bytes = Array(Self.content.utf8)
        let result = compile(Pieces(bytes: bytes, size: 16, failAt: 160))
        XCTAssertNil(result.plan)
        XCTAssertEqual(result.outputs.count, 0)
        XCTAssertTrue(result.diagnostics.contains { $0.id == .unreadableFile && $0.message == "cannot read content.yaml: Input/output error" }, "\(result.diagnostics)")
    }

    func testSourceLinesAreReadInOnePassOfPieces() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\rthree\n\nfive".utf8)
        let expected = [1: "one", 2: "two", 3: "three", 4: "", 5: "five"]
        for size in [1, 2, 3, 100] {
            let lines = DiagnosticFormatter.sourceLines(SourceBytes(Pieces(bytes: bytes, size: size)), Set(1...6))
            XCTAssertEqual(lines, expected, "pieces of \(size)")
        }
        XCTAssertEqual(DiagnosticFormatter.sourceLines(bytes, [2, 5]), [2: "two", 5: "five"])
    }
}
