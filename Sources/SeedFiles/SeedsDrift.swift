import Foundation
import SeedCompiler

/// Differences between freshly compiled outputs and the files in seeds/.
public enum SeedsDrift {
    /// Past this size (either side), a stale file's report names where it starts to
    /// differ instead of showing a diff, which would hold both files in memory.
    static let diffLimit = 1 << 20

    /// One report per stale, missing or extra file (a unified diff for stale ones).
    /// Each output is compared with its file while it renders (on every core); only a
    /// stale one is rendered again, in memory, for its diff.
    public static func compare(_ outputs: [OutputRenderer], with folder: URL) -> [String] {
        let largestFirst = outputs.indices.sorted { outputs[$0].cost > outputs[$1].cost }
        var reports = Parallel.map(outputs, startingWith: largestFirst) { report($0, in: folder) }.compactMap { $0 }
        let expected = Set(outputs.map(\.path))
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in present.sorted() where !expected.contains(name) && !name.hasPrefix(".") && name != "__pycache__" {
            reports.append("\(SeedPipeline.outputFolder)/\(name): extra file, not produced by seedc\n")
        }
        return reports
    }

    /// The line of the file holding byte `offset`, counted in pieces.
    private static func lineNumber(ofByte offset: Int, in file: URL) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return 1 }
        defer { try? handle.close() }
        var line = 1
        var left = offset
        while left > 0, let piece = try? handle.read(upToCount: min(left, 1 << 16)), !piece.isEmpty {
            line += piece.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            left -= piece.count
        }
        return line
    }

    /// The report on one output, or nil when its file is current.
    private static func report(_ output: OutputRenderer, in folder: URL) -> String? {
        let path = "\(SeedPipeline.outputFolder)/\(output.path)"
        let file = folder.appendingPathComponent(output.path)
        // A link is never read: its diff would print whatever it points to.
        var status = stat()
        if lstat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            return "\(path): a symbolic link, not a file seedc wrote (remove it and run `seedc build`)\n"
        }
        guard let comparison = FileManager.default.isReadableFile(atPath: file.path) ? FileComparison(path: file.path) : nil else {
            return "\(path): missing\n"
        }
        try? output.render(into: comparison)
        if comparison.finish() { return nil }
        if max(Int(status.st_size), comparison.rendered) > diffLimit {
            let line = lineNumber(ofByte: comparison.matched, in: file)
            return "\(path): stale from about line \(line) on (\(status.st_size) bytes, \(comparison.rendered) compiled; too large to show a diff here: run `seedc build` and see `git diff`)\n"
        }
        guard let data = try? Data(contentsOf: file) else { return "\(path): missing\n" }
        return UnifiedDiff.render(old: String(decoding: data, as: UTF8.self), new: output.contents, oldName: "a/\(path)", newName: "b/\(path)")
    }
}
