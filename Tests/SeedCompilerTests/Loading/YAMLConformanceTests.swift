import Foundation
import XCTest
@testable import SeedCompiler

/// The loader against the yaml-test-suite (`../shared/fixtures/yaml-test-suite`).
///
/// A case with an `error` file must be rejected with a YAML error placed inside the
/// input. Any other case must load without a YAML error, every node placed inside the
/// input, and, when it has an `in.json`, its documents must equal those JSON values once
/// plain scalars are resolved by the core schema (`YAMLCoreSchema`). The `error` file
/// decides for the three cases that also carry an `in.json`.
///
/// `duplicate-key` and `non-scalar-key` are seedc content rules, not YAML errors: a case
/// whose only errors are those still counts as loaded, and its documents are compared
/// (repeated keys keep their last value, a non-scalar key becomes its JSON text). An
/// `error` case that draws only those is a deviation: libyaml accepted it.
///
/// Every case that does not conform must be in `knownDeviations` with its reason, and
/// every case there must still deviate, so the list stays true.
final class YAMLConformanceTests: XCTestCase {
    private enum Outcome {
        case loaded, rejected
        case deviation(String)
    }

    private static let contentRules: Set<DiagnosticID> = [.duplicateKey, .nonScalarKey]

    func testYAMLTestSuite() throws {
        let root = try SharedFixtures.url("yaml-test-suite")
        let ids = try Self.caseIDs(in: root)
        var loaded = 0, rejected = 0, known = 0
        for id in ids {
            let folder = root.appendingPathComponent(id)
            let outcome = try Self.check(folder)
            switch (outcome, Self.knownDeviations[id]) {
            case let (.deviation(what), nil):
                let name = (try? String(contentsOf: folder.appendingPathComponent("==="), encoding: .utf8)) ?? ""
                XCTFail("\(id) (\(name.trimmingCharacters(in: .whitespacesAndNewlines))): \(what)")
            case (.deviation, _?):
                known += 1
            case let (_, reason?):
                XCTFail("\(id) is a known deviation (\(reason)) but now conforms: take it off the list")
            case (.loaded, nil):
                loaded += 1
            case (.rejected, nil):
                rejected += 1
            }
        }
        XCTAssertEqual(Set(Self.knownDeviations.keys).subtracting(ids), [], "listed cases that are not in the suite")
        XCTAssertEqual(ids.count, 402, "release 2022-01-17 has 402 cases")
        print("yaml-test-suite: \(ids.count) cases, \(loaded) pass, \(rejected) errors rejected, \(known) known libyaml deviations")
    }

    /// Case folders are named by a 4-character id, with numbered subfolders (`4MUZ/01`)
    /// when one id holds several cases; `name/` and `tags/` only index them.
    private static func caseIDs(in root: URL) throws -> [String] {
        let files = FileManager.default
        var ids: [String] = []
        for id in try files.contentsOfDirectory(atPath: root.path).sorted() where id.wholeMatch(of: #/[0-9A-Z]{4}/#) != nil {
            if files.fileExists(atPath: root.appendingPathComponent("\(id)/in.yaml").path) {
                ids.append(id)
            } else {
                let subfolders = try files.contentsOfDirectory(atPath: root.appendingPathComponent(id).path).sorted()
                ids += subfolders.map { "\(id)/\($0)" }.filter { files.fileExists(atPath: root.appendingPathComponent("\($0)/in.yaml").path) }
            }
        }
        return ids
    }

    private static func check(_ folder: URL) throws -> Outcome {
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("in.yaml")))
        let text = SourceText(bytes)
        let (documents, diagnostics) = YAMLLoader.loadStream(bytes, file: "in.yaml")
        let errors = diagnostics.filter { $0.severity == .error }
        let yamlError = errors.first { !contentRules.contains($0.id) }
        let files = FileManager.default
        if files.fileExists(atPath: folder.appendingPathComponent("error").path) {
            guard let yamlError else {
                return .deviation(errors.isEmpty ? "accepted" : "accepted by libyaml; seedc rejects it only by its rule \(errors[0].id.rawValue)")
            }
            guard let location = yamlError.location, text.contains(location.start) else {
                return .deviation("rejected, but not at a place in the input: \(yamlError)")
            }
            return .rejected
        }
        if let yamlError {
            return .deviation("rejected: \(yamlError.message) at \(yamlError.location.map { "\($0.start.line):\($0.start.column)" } ?? "no place")")
        }
        if let misplaced = documents.lazy.compactMap({ text.misplacedNode(in: $0) }).first {
            let (start, end) = (misplaced.location.start, misplaced.location.end)
            return .deviation("\(misplaced.kindName) spans \(start.line):\(start.column)-\(end.line):\(end.column), outside the input")
        }
        let json = folder.appendingPathComponent("in.json")
        guard files.fileExists(atPath: json.path) else { return .loaded }
        let expected = try JSONValue.stream(Data(contentsOf: json))
        let actual = documents.map(YAMLCoreSchema.json)
        return actual == expected ? .loaded : .deviation("loaded \(actual), expected \(expected)")
    }
}

/// The lines of an input, to tell whether a position lies inside it.
private struct SourceText {
    /// Characters (Unicode scalars) per line, line breaks excluded.
    let lineLengths: [Int]

    init(_ bytes: [UInt8]) {
        lineLengths = String(decoding: bytes, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.unicodeScalars.filter { $0 != "\r" }.count }
    }

    /// A position on one of the lines, at most just past its last character.
    func contains(_ position: SourcePosition) -> Bool {
        lineLengths.indices.contains(position.line - 1) && (1...lineLengths[position.line - 1] + 1).contains(position.column)
    }

    /// A span's end may also be the start of the line after the last: libyaml ends a
    /// stream that lacks a final line break as if it had one.
    func containsEnd(_ position: SourcePosition) -> Bool {
        contains(position) || position == SourcePosition(line: lineLengths.count + 1, column: 1)
    }

    /// The first node, depth first, whose span is reversed or leaves the input.
    func misplacedNode(in node: YAMLNode) -> YAMLNode? {
        let location = node.location
        if !contains(location.start) || !containsEnd(location.end) || location.end < location.start { return node }
        switch node.content {
        case .scalar: return nil
        case let .sequence(items): return items.lazy.compactMap(misplacedNode).first
        case let .mapping(pairs): return pairs.lazy.flatMap { [$0.key, $0.value] }.compactMap(misplacedNode).first
        }
    }
}
