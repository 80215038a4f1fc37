@testable import SeedCompiler
import XCTest

/// Outputs rendered into sinks: the same bytes in chunks as in memory, a bounded
/// buffer, and a sink's error reported.
final class OutputRendererTests: XCTestCase {
    /// Content whose scripts are several times the buffer's flush size, with values
    /// that need escaping in every output.
    static func largeContent(records: Int) -> String {
        var text = """
        seed:
          tables:
            notes:
              key: slug
              columns:
                slug: {type: text, required: true}
                body: {type: text}
                count: {type: integer}
          records:
            notes:

        """
        for index in 0..<records {
            text += "      - {slug: note-\(index), body: \"it's \\\"quoted\\\" \\r\\n 100% \(String(repeating: "x", count: index % 97))\", count: \(index * 7 - 3000)}\n"
        }
        return text
    }

    /// Keeps each chunk it is given.
    final class ChunkSink: ByteSink {
        var chunks: [[UInt8]] = []
        func write(_ bytes: UnsafeRawBufferPointer) throws { chunks.append(Array(bytes)) }
    }

    /// Takes `limit` bytes, then fails like a full disk.
    final class FullSink: ByteSink {
        struct Full: Error {}
        var left: Int
        init(limit: Int) { left = limit }
        func write(_ bytes: UnsafeRawBufferPointer) throws {
            guard bytes.count <= left else { throw Full() }
            left -= bytes.count
        }
    }

    func compileLarge() throws -> Compilation {
        let result = SeedPipeline.compile(ContentInput(document: ContentDocument(InputFile(path: "content.yaml", bytes: Array(Self.largeContent(records: 3_000).utf8))), files: []))
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics)")
        return result
    }

    func testChunksInASinkAreTheBytesRenderedInMemory() throws {
        let result = try compileLarge()
        XCTAssertEqual(result.outputs.map(\.path), ["manifest.json", "postgres.sql", "seed_initial_data.jsonl", "seed_initial_data.py", "sqlite.sql"])
        for output in result.outputs {
            let sink = ChunkSink()
            try output.render(into: sink)
            let whole = output.bytes
            XCTAssertEqual(Array(sink.chunks.joined()), whole, output.path)
            XCTAssertEqual(output.bytes, whole, "\(output.path) is not deterministic")
            guard output.path.hasSuffix(".sql") || output.path.hasSuffix(".jsonl") else { continue }
            XCTAssertGreaterThan(whole.count, 4 * OutputBuffer.flushSize, output.path)
            XCTAssertGreaterThan(sink.chunks.count, 3, output.path)
            // Flushed at row and line boundaries once full: a chunk is the flush size and
            // one row or line at most (the longest line is a batch statement of the module).
            XCTAssertLessThan(sink.chunks.map(\.count).max() ?? 0, 4 * OutputBuffer.flushSize, output.path)
        }
    }

    func testTheRowsOfABatchAreWrittenFromThePlannedRows() throws {
        let result = try compileLarge()
        let sqlite = try XCTUnwrap(result.outputs.first { $0.path == "sqlite.sql" }).contents
        XCTAssertTrue(sqlite.contains("('note-0', ('it''s \"quoted\" ' || char(13) || '\n 100% '), -3000)"), sqlite.prefix(2_000).description)
        let postgres = try XCTUnwrap(result.outputs.first { $0.path == "postgres.sql" }).contents
        XCTAssertTrue(postgres.contains("('note-1', ('it''s \"quoted\" ' || chr(13) || '\n 100% x'), -2993)"))
        // Each row's ledger key and hash follow its key in the claim.
        let hash = try XCTUnwrap(result.plan?.tables.first?.rows.first { $0.key == ["note-10"] }?.valueHash)
        XCTAssertTrue(sqlite.contains("('note-10', 'note-10', '\(hash)')"))
        XCTAssertEqual(sqlite.components(separatedBy: "INSERT INTO \"notes\"").count - 1, 1, "3,000 rows are one batch")
    }

    func testASinkErrorIsThrownAfterRendering() throws {
        let result = try compileLarge()
        let sqlite = try XCTUnwrap(result.outputs.first { $0.path == "sqlite.sql" })
        XCTAssertThrowsError(try sqlite.render(into: FullSink(limit: 100_000))) { XCTAssertTrue($0 is FullSink.Full) }
        XCTAssertNoThrow(try sqlite.render(into: FullSink(limit: sqlite.bytes.count)))
    }
}
