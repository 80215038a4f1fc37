/// Prints diagnostics the way compilers do, as JSON lines, or as GitHub annotations.
public enum DiagnosticFormatter {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, github
    }

    /// - Parameter sources: file contents by path, for the source line under each
    ///   text diagnostic.
    public static func format(_ diagnostics: [Diagnostic], as format: Format, sources: [String: [UInt8]], color: Bool = false) -> String {
        self.format(diagnostics, as: format, lines: lines(of: diagnostics, in: sources.mapValues { MemoryBytes(bytes: $0) }), color: color)
    }

    /// - Parameter lines: the source lines the diagnostics point at, by file and
    ///   line number (`lines(of:in:)`).
    public static func format(_ diagnostics: [Diagnostic], as format: Format, lines: [String: [Int: String]], color: Bool = false) -> String {
        switch format {
        case .text: diagnostics.map { text($0, lines: lines, color: color) }.joined()
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

    /// A command's one line on what it did: `seedc: …` in text and github formats, a
    /// JSON object `{"summary": …}` in json.
    public static func summaryLine(_ message: String, as format: Format) -> String {
        format == .json ? "{\"summary\":\(DoubleQuoted.json(message))}\n" : "seedc: \(message)\n"
    }

    /// The lines the diagnostics (and their notes) point at, read from the files they
    /// name: each file once, in pieces, keeping only those lines.
    public static func lines(of diagnostics: [Diagnostic], in sources: [String: any ByteSource]) -> [String: [Int: String]] {
        var wanted: [String: Set<Int>] = [:]
        func collect(_ d: Diagnostic) {
            if let location = d.location { wanted[location.file, default: []].insert(location.start.line) }
            d.notes.forEach(collect)
        }
        diagnostics.forEach(collect)
        return wanted.reduce(into: [:]) { lines, entry in
            guard let source = sources[entry.key] else { return }
            if let bytes = (source as? MemoryBytes)?.bytes {
                lines[entry.key] = sourceLines(bytes, entry.value)
            } else {
                lines[entry.key] = sourceLines(SourceBytes(source), entry.value)
            }
        }
    }

    static func text(_ d: Diagnostic, lines: [String: [Int: String]], color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let severityColor = switch d.severity {
        case .error: "1;31"
        case .warning: "1;35"
        case .note: "1;36"
        }
        var out = ""
        if let location = d.location {
            out += paint("\(ControlCharacters.escaped(location.file)):\(location.start.line):\(location.start.column):", "1") + " "
        } else if d.severity != .note {
            out += paint("seedc:", "1") + " "
        }
        out += paint("\(d.severity.rawValue):", severityColor) + " " + paint(ControlCharacters.escaped(d.message), "1")
        if d.severity != .note { out += " [\(d.id.rawValue)]" }
        out += "\n"
        if let location = d.location, let line = lines[location.file]?[location.start.line] {
            let excerpt = Excerpt(line: line, column: location.start.column)
            let width = location.end.line == location.start.line ? max(1, location.end.column - location.start.column) : 1
            let room = max(1, excerpt.text.count - excerpt.caret)
            out += "    " + String(excerpt.text) + "\n"
            out += "    " + String(repeating: " ", count: excerpt.caret) + paint("^" + String(repeating: "~", count: min(width, room) - 1), "1;32") + "\n"
        }
        for note in d.notes { out += text(note, lines: lines, color: color) }
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
    static func sourceLine(_ bytes: some Sequence<UInt8>, _ number: Int) -> String? {
        sourceLines(bytes, [number])[number]
    }

    /// The lines `numbers` (1-based) of the file, read in one pass that stops after the
    /// last of them; lines past the end are missing.
    static func sourceLines(_ bytes: some Sequence<UInt8>, _ numbers: Set<Int>) -> [Int: String] {
        guard let last = numbers.max() else { return [:] }
        var found: [Int: String] = [:]
        var line = 1
        var current: [UInt8] = []
        var afterCR = false
        var keeping = numbers.contains(1)
        func keep() {
            guard keeping else { return }
            if line == 1, current.starts(with: [0xEF, 0xBB, 0xBF]) { current.removeFirst(3) }
            found[line] = String(decoding: current.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
        }
        for byte in bytes {
            defer { afterCR = byte == 0x0D }
            if byte == 0x0A, afterCR { continue }
            if byte == 0x0A || byte == 0x0D {
                keep()
                current.removeAll(keepingCapacity: true)
                line += 1
                if line > last { return found }
                keeping = numbers.contains(line)
            } else if keeping {
                current.append(byte)
            }
        }
        keep()
        return found
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
        var out = "::\(command) \(properties.joined(separator: ","))::\(escapeData(ControlCharacters.escaped(d.message)))\n"
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
