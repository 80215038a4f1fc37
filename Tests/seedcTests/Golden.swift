import Foundation
import XCTest

/// Golden files: what a test produced, compared with the committed text. With
/// `SEEDC_UPDATE_GOLDEN=1` the file is rewritten first (review the diff before
/// committing); the comparison and every other assertion of the test still run.
/// scripts/test.sh refuses the variable when `CI=true`, and .ci/run unsets it.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["SEEDC_UPDATE_GOLDEN"] == "1" }

    static func assertMatches(_ actual: String, _ url: URL, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) throws {
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        let expected = FileManager.default.fileExists(atPath: url.path) ? try String(contentsOf: url, encoding: .utf8) : "(no \(url.lastPathComponent))"
        XCTAssertEqual(actual, expected, "\(message) differs from \(url.path) (SEEDC_UPDATE_GOLDEN=1 rewrites it)", file: file, line: line)
    }
}
