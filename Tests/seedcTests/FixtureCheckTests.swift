import Foundation
import XCTest

/// `seedc check` on the real IM Hub content (../shared/fixtures/imhub, copied with our
/// schema file into one root): exactly its broken dashboard links as errors and its placeholder links
/// as warnings, each at its file:line:column. Golden text in
/// Tests/Fixtures/imhub-check.expected.txt (`SEEDC_UPDATE_GOLDEN=1` rewrites it).
final class FixtureCheckTests: SeedcTestCase {
    func testIMHubCheckReportsItsRealLinkProblems() throws {
        let fixture = Self.repository.appendingPathComponent("../shared/fixtures/imhub").standardizedFileURL
        guard FileManager.default.fileExists(atPath: fixture.appendingPathComponent("content.yaml").path) else {
            throw XCTSkip("../shared/fixtures/imhub is absent")
        }
        // The schema file must be inside the content root: both go in a copy.
        let root = try temporaryFolder().appendingPathComponent("imhub")
        try FileManager.default.copyItem(at: fixture, to: root)
        let schema = root.appendingPathComponent("imhub-check.yaml")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/imhub-check.yaml"), to: schema)
        let out = try temporaryFolder().appendingPathComponent("seeds")
        let run = try seedc(["check", "--root", root.path, "--schema", schema.path, "--out", out.path], environment: ["NO_COLOR": "1"])
        let actual = "exit \(run.status)\n" + run.stderr
        let expectedURL = Self.repository.appendingPathComponent("Tests/Fixtures/imhub-check.expected.txt")
        try Golden.assertMatches(actual, expectedURL, "seedc check on the IM Hub")
        XCTAssertEqual(run.stderr.components(separatedBy: ": error: ").count - 1, 3)
        for sector in ["protection", "shelter", "wash"] {
            XCTAssertTrue(run.stderr.contains("error: broken link \"/dashboards/\(sector)\""), sector)
        }
    }
}
