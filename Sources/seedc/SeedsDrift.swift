import Foundation
import SeedCompiler

/// Differences between freshly compiled outputs and the files in seeds/.
enum SeedsDrift {
    /// One report per stale, missing or extra file (a unified diff for stale ones).
    static func compare(_ outputs: [OutputFile], with folder: URL) -> [String] {
        var reports: [String] = []
        let expected = Set(outputs.map(\.path))
        for output in outputs {
            let path = "\(Compiler.outputFolder)/\(output.path)"
            // A link is never read: its diff would print whatever it points to.
            var status = stat()
            if lstat(folder.appendingPathComponent(output.path).path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                reports.append("\(path): a symbolic link, not a file seedc wrote (remove it and run `seedc build`)\n")
                continue
            }
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(output.path)) else {
                reports.append("\(path): missing\n")
                continue
            }
            let current = String(decoding: data, as: UTF8.self)
            if current != output.contents {
                reports.append(UnifiedDiff.render(old: current, new: output.contents, oldName: "a/\(path)", newName: "b/\(path)"))
            }
        }
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in present.sorted() where !expected.contains(name) && !name.hasPrefix(".") && name != "__pycache__" {
            reports.append("\(Compiler.outputFolder)/\(name): extra file, not produced by seedc\n")
        }
        return reports
    }
}
