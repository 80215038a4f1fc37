import Foundation
import SeedCompiler

/// Replaces files all together or not at all. Each new file is first rendered in full
/// into a temporary file beside its target; only when every one is complete are they
/// renamed into place. On any failure the temporaries are removed and every target is
/// left exactly as it was, so a reader never sees half a file or a mix of old and new.
public struct OutputWriter {
    public let folder: URL
    /// How the folder is named in errors (`seeds`, or the `--out` given).
    public let shownAs: String

    /// Why a file could not be written: the file as the user knows it, and the cause.
    public struct Failure: Error, CustomStringConvertible {
        public var file: String
        public var cause: String

        public var description: String { "cannot write \(file): \(cause)" }
    }

    /// Renders the outputs (on every core) and writes those whose bytes changed;
    /// returns their paths (unchanged files are left alone, modification time included).
    /// - Parameter plan: the plan rendered, when its rows may have been spilled: nothing
    ///   is kept when a row could not be read back.
    public init(folder: URL, shownAs: String) {
        self.folder = folder
        self.shownAs = shownAs
    }

    public func write(_ outputs: [OutputRenderer], plan: SeedPlan? = nil) throws -> [String] {
        if mkdir(folder.path, 0o755) != 0, errno != EEXIST {
            throw Failure(file: shownAs, cause: String(cString: strerror(errno)))
        }
        let largestFirst = outputs.indices.sorted { outputs[$0].cost > outputs[$1].cost }
        let staged = Parallel.map(outputs, startingWith: largestFirst) { output -> Result<StagedFile?, Failure> in
            let file = StagedFile(target: folder.appendingPathComponent(output.path).path)
            do {
                try output.render(into: file)
                return .success(try file.finish() ? file : nil)
            } catch {
                file.discard()
                return .failure(Failure(file: shownAs + "/" + output.path, cause: (error as? StagedFile.Failure)?.cause ?? "\(error)"))
            }
        }
        let changed = staged.compactMap { try? $0.get() }.compactMap { $0 }
        // A row that could not be read back was rendered as nothing: keep no file.
        let written = staged.lazy.compactMap { result -> (any Error)? in
            if case let .failure(failure) = result { failure } else { nil }
        }.first
        if let failure = written ?? plan?.spillProblem {
            changed.forEach { $0.discard() }
            throw failure
        }
        try Self.rename(changed.map { ($0.temporary, $0.target) }, shownAs: { shownAs + "/" + URL(fileURLWithPath: $0).lastPathComponent })
        return changed.map { URL(fileURLWithPath: $0.target).lastPathComponent }
    }

    /// Replaces one file (through a temporary file renamed into place).
    public static func replace(_ target: URL, with bytes: Data) throws {
        let file = StagedFile(target: target.path)
        do {
            try bytes.withUnsafeBytes { try file.write($0) }
            guard try file.finish() else { return }
        } catch {
            file.discard()
            throw Failure(file: target.relativePath, cause: (error as? StagedFile.Failure)?.cause ?? "\(error)")
        }
        try rename([(file.temporary, file.target)], shownAs: { _ in target.relativePath })
    }

    /// Renames every staged file into place; on a failure removes the temporaries left.
    private static func rename(_ files: [(temporary: String, target: String)], shownAs: (String) -> String) throws {
        for (index, file) in files.enumerated() where Glibc.rename(file.temporary, file.target) != 0 {
            let failure = Failure(file: shownAs(file.target), cause: String(cString: strerror(errno)))
            for rest in files[index...] { unlink(rest.temporary) }
            throw failure
        }
    }
}
