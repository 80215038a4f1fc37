import Foundation
import XCTest

/// Runs the built `seedc` binary on real folders.
class SeedcTestCase: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let contentItems = ["content.yaml", "sectors", "announcements", "records"]

    var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SEEDC_BIN"] { return URL(fileURLWithPath: path) }
        return Self.repository.appendingPathComponent(".build/debug/seedc")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func seedc(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Files, not pipes: a child that fills one pipe while we drain the other would hang.
        let folder = try temporaryFolder()
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        let stdout = try Data(contentsOf: outURL), stderr = try Data(contentsOf: errURL)
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("seedc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A copy of the repository's content, its files created in the given order.
    func copyContent(reversed: Bool) throws -> URL {
        let root = try temporaryFolder()
        var files: [String] = []
        for item in Self.contentItems {
            let source = Self.repository.appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(item), withIntermediateDirectories: true)
                files += try FileManager.default.contentsOfDirectory(atPath: source.path).map { "\(item)/\($0)" }
            } else {
                files.append(item)
            }
        }
        for (index, file) in (reversed ? files.sorted().reversed() : files.sorted()).enumerated() {
            let target = root.appendingPathComponent(file)
            try Data(contentsOf: Self.repository.appendingPathComponent(file)).write(to: target)
            let date = Date(timeIntervalSince1970: reversed ? 1_000_000 * Double(index) : 2_000_000_000 - Double(index))
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: target.path)
        }
        return root
    }

    func outputs(_ root: URL) throws -> [String: Data] {
        let folder = root.appendingPathComponent("seeds")
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }
}
