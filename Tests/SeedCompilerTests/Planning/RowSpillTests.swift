@testable import SeedCompiler
import Foundation
import XCTest

/// Past the spill's memory budget, planned rows move to the spill and are read back
/// from it one at a time: the plan and every output must be the same.
final class RowSpillTests: XCTestCase {
    /// A spill kept in an array: the contract of the CLI's temporary file, with writes
    /// or reads that can be made to fail.
    final class ArraySpill: RowSpill, @unchecked Sendable {
        let memoryBudget: Int
        var failWrites = false
        var failReads = false
        private(set) var bytes: [UInt8] = []
        private(set) var failure: String?

        init(memoryBudget: Int) {
            self.memoryBudget = memoryBudget
        }

        func append(_ new: UnsafeRawBufferPointer) -> Int? {
            guard !failWrites else {
                failure = "No space left on device"
                return nil
            }
            defer { bytes.append(contentsOf: new) }
            return bytes.count
        }

        func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            guard !failReads else {
                failure = "Input/output error"
                return false
            }
            buffer.copyBytes(from: bytes[offset..<offset + buffer.count])
            return true
        }
    }

    private func compile(spill: ArraySpill?) throws -> Compilation {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let read = { (path: String) in InputFile(path: path, bytes: Array(try Data(contentsOf: root.appendingPathComponent(path)))) }
        let document = ContentDocument(try read("content.yaml"))
        let files = try ["records/users.yaml"].map(read) + FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("sectors").path).map { try read("sectors/" + $0) }
        return SeedPipeline.compile(ContentInput(document: document, files: files), spill: spill)
    }

    private func outputs(_ result: Compilation) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: result.outputs.map { ($0.path, $0.bytes) })
    }

    func testEveryRowSpilledGivesTheSameOutputs() throws {
        let whole = try compile(spill: nil)
        XCTAssertFalse(whole.diagnostics.hasErrors, "\(whole.diagnostics)")
        for budget in [0, 200, 2_000, 1 << 20] {
            let spill = ArraySpill(memoryBudget: budget)
            let spilled = try compile(spill: spill)
            XCTAssertEqual(outputs(spilled), outputs(whole), "budget \(budget)")
            XCTAssertEqual(spill.bytes.isEmpty, budget == 1 << 20, "budget \(budget)")
            XCTAssertNil(spilled.plan?.spillFailure)
        }
    }

    func testAFailedWriteIsAnErrorAndPlansNothing() throws {
        let spill = ArraySpill(memoryBudget: 0)
        spill.failWrites = true
        let result = try compile(spill: spill)
        XCTAssertNil(result.plan)
        XCTAssertEqual(result.outputs.count, 0)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.message), ["cannot keep the planned rows in a temporary file: No space left on device"])
    }

    func testAFailedReadIsKeptForTheCallerToRefuseTheOutputs() throws {
        let spill = ArraySpill(memoryBudget: 0)
        let result = try compile(spill: spill)
        spill.failReads = true
        XCTAssertFalse(result.outputs.isEmpty)
        _ = result.outputs.map(\.bytes)
        XCTAssertEqual(result.plan?.spillFailure, "Input/output error")
    }
}
