@testable import SeedCompiler
import XCTest

final class ByteScanTests: XCTestCase {
    /// The sixteen-lane scan finds a byte wherever it is (in a whole piece, in the last
    /// partial one, in the one before it) and finds nothing in text without it.
    func testFindsAByteAtEveryPositionOfEveryLength() {
        for length in 0...50 {
            let plain = [UInt8](repeating: UInt8(ascii: "x"), count: length)
            plain.withUnsafeBufferPointer { XCTAssertFalse(ByteScan.any($0) { $0 .== ByteScan.all(0x27) }, "length \(length)") }
            for position in 0..<length {
                var bytes = plain
                bytes[position] = 0x27
                bytes.withUnsafeBufferPointer { XCTAssertTrue(ByteScan.any($0) { $0 .== ByteScan.all(0x27) }, "length \(length), at \(position)") }
            }
        }
    }

    /// `firstIndex` finds the first byte at or after its start, wherever the start and
    /// the byte fall among the pieces, and passes over a byte before the start.
    func testFirstIndexFromEveryStart() {
        let quote = { (lanes: ByteScan.Lanes) in lanes .== ByteScan.all(0x27) }
        for length in 0...40 {
            for position in 0..<max(length, 1) where length > 0 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                bytes[position] = 0x27
                if position + 7 < length { bytes[position + 7] = 0x27 }
                for start in 0...length {
                    let expected = bytes.indices.first { $0 >= start && bytes[$0] == 0x27 }
                    bytes.withUnsafeBufferPointer {
                        XCTAssertEqual(ByteScan.firstIndex($0, from: start, quote), expected, "length \(length), at \(position), from \(start)")
                    }
                }
            }
        }
    }

    /// `DoubleQuoted.isPlain` holds exactly when no byte is one `quote` may treat
    /// apart, and a plain text is quoted as itself.
    func testIsPlainAgreesWithQuoteByteByByte() {
        let special: Set<UInt8> = Set(0..<0x20).union([0x22, 0x5C, 0x7F, 0xC2, 0xE2, 0xEF])
        for byte in UInt8.min...UInt8.max {
            for position in [0, 5, 16, 17, 31] {
                var bytes = [UInt8]("The Health cluster, St. Mary".utf8.prefix(32))
                bytes[position % bytes.count] = byte
                bytes.withUnsafeBufferPointer { buffer in
                    let plain = DoubleQuoted.isPlain(buffer)
                    XCTAssertEqual(plain, !special.contains(byte), "byte \(byte) at \(position)")
                    if plain {
                        var quoted: [UInt8] = []
                        DoubleQuoted.quote(buffer, .unicodeOnly, into: &quoted)
                        XCTAssertEqual(quoted, [0x22] + bytes + [0x22])
                    }
                }
            }
        }
    }
}
