import ArgumentParser
import Foundation
import SeedCompiler

/// Where the content is and how problems are printed: the options of every command
/// that reads content.
struct ContentSource: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding content.yaml.", valueName: "dir"))
    var root: String = "."

    @Option(name: .long, help: "How to print problems: text (like a compiler), json (one object per line) or github (workflow annotations).")
    var format: DiagnosticFormatter.Format = .text

    @Option(name: .long, help: ArgumentHelp("Read the `seed` section from this file instead of content.yaml (for content you cannot edit); it must be inside the root.", valueName: "file"))
    var schema: String?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true) }

    var reader: ContentReader {
        ContentReader(root: rootURL, schema: schema.map { URL(fileURLWithPath: $0) }, schemaArgument: schema)
    }

    /// Reads the content files; nil (after reporting) when content.yaml cannot be read.
    /// - Parameter upToRecords: see `ContentReader.read`.
    func read(upToRecords: Bool = false) -> ContentReader.Content? {
        switch reader.read(upToRecords: upToRecords) {
        case let .failure(problem):
            report([problem], sources: [:])
            return nil
        case let .success(content):
            return content
        }
    }

    /// - Parameter sources: the files, read again (in pieces) for the lines the
    ///   diagnostics point at.
    func report(_ diagnostics: [Diagnostic], sources: [String: any ByteSource]) {
        guard !diagnostics.isEmpty else { return }
        let color = format == .text && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let lines = format == .text ? DiagnosticFormatter.lines(of: diagnostics, in: sources) : [:]
        var text = DiagnosticFormatter.format(diagnostics, as: format, lines: lines, color: color)
        if format == .text { text += DiagnosticFormatter.summary(diagnostics) + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// The options of commands that compile content: where it is and where seeds/ goes.
struct ContentOptions: ParsableArguments {
    @OptionGroup var source: ContentSource

    @Option(name: .long, help: ArgumentHelp("Where the generated files go (default: <root>/seeds).", valueName: "dir"))
    var out: String?

    var format: DiagnosticFormatter.Format { source.format }
    var schema: String? { source.schema }
    var rootURL: URL { source.rootURL }
    var reader: ContentReader { source.reader }

    var outputURL: URL {
        out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? rootURL.appendingPathComponent(Compiler.outputFolder)
    }

    /// The output folder. The default, seeds/, is inside the content, which could make
    /// it a link: it must resolve inside the root (`--out` is the caller's choice).
    func outputFolder() throws -> URL {
        guard out == nil, !ContentRoot(rootURL).allows(outputURL) else { return outputURL }
        FileHandle.standardError.write(Data("error: \(Compiler.outputFolder)/ leads outside the content root (a symbolic link); seedc writes only inside it: remove the link or give --out [outside-root]\n".utf8))
        throw ExitCode.failure
    }

    /// Reads and compiles the content, printing every diagnostic. Nil when
    /// content.yaml itself could not be read. The seed section's file is read once
    /// when its inline records come last (the usual layout), else twice.
    /// - Parameter render: false when only the plan is needed (no outputs).
    func compile(render: Bool = true) -> (ContentReader.Content, Compiler.Result)? {
        guard let content = source.read(upToRecords: true) else { return nil }
        var result = Compiler.compile(content.document, files: content.files, problems: content.problems, render: render, spill: SpillFile())
        result.diagnostics = (result.diagnostics + content.changedFiles).sorted()
        guard result.needsWholeReading else {
            source.report(result.diagnostics, sources: content.sources)
            return (content, result)
        }
        return read().map { content in (content, compile(content, render: render)) }
    }

    func read() -> ContentReader.Content? { source.read() }

    func compile(_ content: ContentReader.Content, render: Bool = true) -> Compiler.Result {
        var result = Compiler.compile(content.document, files: content.files, problems: content.problems, render: render, spill: SpillFile())
        result.diagnostics = (result.diagnostics + content.changedFiles).sorted()
        source.report(result.diagnostics, sources: content.sources)
        return result
    }

    func report(_ diagnostics: [Diagnostic], sources: [String: any ByteSource]) { source.report(diagnostics, sources: sources) }
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
