import Foundation
import XCTest

/// The fixtures shared by every checkout, at `../shared/fixtures` from the package root.
/// Tests that need them skip when they are absent, so a plain clone still passes.
enum SharedFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Markdown
        .deletingLastPathComponent()  // SeedCompilerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/fixtures")
        .standardizedFileURL

    /// The URL of `path` under the fixtures, or an `XCTSkip` when it does not exist.
    static func url(_ path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("\(url.path) is absent")
        }
        return url
    }
}
