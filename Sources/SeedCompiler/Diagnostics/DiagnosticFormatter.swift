/// Prints diagnostics the way compilers do, as JSON lines, or as GitHub annotations.
public enum DiagnosticFormatter {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, github
    }

    /// - Parameter sources: file contents by path, for the source line under each
    ///   text diagnostic.
    public static func format(_ diagnostics: [Diagnostic], as format: Format, sources: [String: [UInt8]], color: Bool = false) -> String {
        switch format {
        case .text: diagnostics.map { text($0, sources: sources, color: color) }.joined()
        case .json: diagnostics.map { json($0) + "\n" }.joined()
        case .github: diagnostics.map(github).joined()
        }
    }

    /// `3 errors, 1 warning`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    static func text(_ d: Diagnostic, sources: [String: [UInt8]], color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let severityColor = switch d.severity {
        case .error: "1;31"
        case .warning: "1;35"
        case .note: "1;36"
        }
        var out = ""
        if let location = d.location {
            out += paint("\(location.file):\(location.start.line):\(location.start.column):", "1") + " "
        }
        out += paint("\(d.severity.rawValue):", severityColor) + " " + paint(d.message, "1")
        if d.severity != .note { out += " [\(d.id.rawValue)]" }
        out += "\n"
        if let location = d.location, let bytes = sources[location.file], let line = sourceLine(bytes, location.start.line) {
            let excerpt = Excerpt(line: line, column: location.start.column)
            let width = location.end.line == location.start.line ? max(1, location.end.column - location.start.column) : 1
            let room = max(1, excerpt.text.count - excerpt.caret)
            out += "    " + String(excerpt.text) + "\n"
            out += "    " + String(repeating: " ", count: excerpt.caret) + paint("^" + String(repeating: "~", count: min(width, room) - 1), "1;32") + "\n"
        }
        for note in d.notes { out += text(note, sources: sources, color: color) }
        return out
    }

    /// The part of a source line shown under a diagnostic: tabs become spaces, and a
    /// line longer than `limit` characters (a minified value, a 10 MB scalar) is cut to
    /// a window around the column, with `…` where text was left out.
    struct Excerpt {
        static let limit = 120
        /// The characters to print.
        var text: [Character]
        /// Characters before the caret.
        var caret: Int

        init(line: String, column: Int) {
            let all = line.unicodeScalars.map { $0 == "\t" ? " " : Character($0) }
            let target = max(0, column - 1)
            guard all.count > Self.limit else {
                text = all
                caret = target
                return
            }
            let start = max(0, min(target - Self.limit / 2, all.count - Self.limit))
            let end = min(all.count, start + Self.limit)
            text = (start > 0 ? ["…"] : []) + all[start..<end] + (end < all.count ? ["…"] : [])
            caret = target - start + (start > 0 ? 1 : 0)
        }
    }

    /// Line `number` (1-based) of the file, without its line break; invalid UTF-8
    /// is shown as U+FFFD.
    static func sourceLine(_ bytes: [UInt8], _ number: Int) -> String? {
        var line = 1
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                if line == number { break }
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                line += 1
                start = i + 1
            }
            i += 1
        }
        guard line == number, start <= bytes.count else { return nil }
        return String(decoding: bytes[start..<min(i, bytes.count)].map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }

    static func json(_ d: Diagnostic) -> String {
        var fields: [String] = []
        if let l = d.location {
            fields += [
                "\"file\":\(DoubleQuoted.json(l.file))", "\"line\":\(l.start.line)", "\"column\":\(l.start.column)",
                "\"end\":{\"line\":\(l.end.line),\"column\":\(l.end.column)}",
            ]
        }
        fields += ["\"severity\":\(DoubleQuoted.json(d.severity.rawValue))", "\"id\":\(DoubleQuoted.json(d.id.rawValue))", "\"message\":\(DoubleQuoted.json(d.message))"]
        if !d.notes.isEmpty { fields.append("\"notes\":[" + d.notes.map(json).joined(separator: ",") + "]") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func github(_ d: Diagnostic) -> String {
        let command = switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        if let l = d.location {
            properties = ["file=\(escapeProperty(l.file))", "line=\(l.start.line)", "col=\(l.start.column)",
                          "endLine=\(l.end.line)", "endColumn=\(l.end.column)"]
        }
        properties.append("title=\(escapeProperty(d.id.rawValue))")
        var out = "::\(command) \(properties.joined(separator: ","))::\(escapeData(d.message))\n"
        for note in d.notes { out += github(note) }
        return out
    }

    private static func escapeData(_ s: String) -> String {
        s.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
