import Foundation

/// A progress line on a terminal for applies of many rows; nothing otherwise.
enum Progress {
    nonisolated(unsafe) private static var shown = false

    static func reporter() -> ((String, Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { table, done, total in
            guard total >= 5_000 else { return }
            shown = true
            FileHandle.standardError.write(Data("\r\u{1B}[Kseedc: \(table) \(done)/\(total)".utf8))
        }
    }

    static func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
