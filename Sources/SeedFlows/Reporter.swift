import Foundation
import SeedCompiler

/// Every message seedc gives its user goes through here, in the format `--format`
/// chose: problems (the compiler's diagnostics, and errors of databases and the file
/// system made into diagnostics, each with its documented id), warnings, the line that
/// says what was done, and a terminal's progress line. Problems go to standard error;
/// summaries and a command's own output to standard output.
public final class Reporter: @unchecked Sendable {
    public typealias Format = DiagnosticFormatter.Format
    public enum Stream: Sendable { case output, error }

    public let format: Format
    private let color: Bool
    private let progressShown: Bool
    private let write: (Stream, String) -> Void
    /// Whether a progress line is on the terminal (written from the applying thread only).
    private var showingProgress = false

    /// - Parameters:
    ///   - color: paint text diagnostics (a terminal that allows it).
    ///   - progress: show a progress line for long applies (a terminal).
    ///   - write: where the text goes; `standard` writes to the process's streams.
    public init(format: Format = .text, color: Bool = false, progress: Bool = false, write: @escaping (Stream, String) -> Void) {
        self.format = format
        self.color = color && format == .text
        self.progressShown = progress
        self.write = write
    }

    /// The process's standard output and error; color and progress on a terminal
    /// (color unless `NO_COLOR` is set).
    public static func standard(format: Format) -> Reporter {
        let terminal = isatty(STDERR_FILENO) == 1
        return Reporter(format: format, color: terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil, progress: terminal) { stream, text in
            (stream == .output ? FileHandle.standardOutput : FileHandle.standardError).write(Data(text.utf8))
        }
    }

    /// Problems found in the content, sorted: in text, each with its source line and a
    /// caret (from `sources`), then the count.
    public func problems(_ diagnostics: [Diagnostic], sources: [String: any ByteSource] = [:]) {
        guard !diagnostics.isEmpty else { return }
        let sorted = diagnostics.sorted()
        let lines = format == .text ? DiagnosticFormatter.lines(of: sorted, in: sources) : [:]
        var text = DiagnosticFormatter.format(sorted, as: format, lines: lines, color: color)
        if format == .text { text += DiagnosticFormatter.summary(sorted) + "\n" }
        endProgress()
        write(.error, text)
    }

    /// One problem that belongs to no place in the content (a database's refusal, a
    /// skipped record): `seedc: warning: … [id]` in text, without a count.
    public func problem(_ diagnostic: Diagnostic) {
        endProgress()
        write(.error, DiagnosticFormatter.format([diagnostic], as: format, lines: [:], color: color))
    }

    public func warning(_ id: DiagnosticID, _ message: String) {
        problem(.warning(id, message, at: nil))
    }

    /// What a command did, in one line: `seedc: …` in text and github formats, a JSON
    /// object `{"summary": …}` in json.
    public func summary(_ message: String) {
        endProgress()
        write(.output, DiagnosticFormatter.summaryLine(message, as: format))
    }

    /// A command's own output (a plan's report, a JSON Schema, a section to paste), as
    /// it is.
    public func output(_ text: String) {
        endProgress()
        write(.output, text)
    }

    /// Text that explains the problem reported after it (the diff of a stale file),
    /// to standard error; left out of json output, whose lines are objects.
    public func details(_ text: String) {
        guard format != .json, !text.isEmpty else { return }
        endProgress()
        write(.error, text)
    }

    /// The progress of a long apply, redrawn on one terminal line (none for fewer
    /// than 5,000 rows, or off a terminal).
    public func progress(table: String, done: Int, total: Int) {
        guard progressShown, total >= 5_000 else { return }
        showingProgress = true
        write(.error, "\r\u{1B}[Kseedc: \(table) \(done)/\(total)")
    }

    /// Clears the progress line, if one is shown.
    public func endProgress() {
        guard showingProgress else { return }
        showingProgress = false
        write(.error, "\r\u{1B}[K")
    }

    /// Reports the error that ended a command (see `CommandFailure.diagnostics(of:)`).
    public func failure(_ error: any Error) {
        let (diagnostics, sources) = CommandFailure.diagnostics(of: error)
        if diagnostics.contains(where: { $0.location != nil }) {
            problems(diagnostics, sources: sources)
        } else {
            diagnostics.forEach(problem)
        }
    }
}
