import Foundation
import SeedCompiler
import SeedFiles

/// Where the content is (`--root`, `--schema`) and where seeds/ goes (`--out`). Every
/// file is read through the one confined root (`ContentReader`, `ContentRoot`).
public struct ContentLocation: Sendable {
    public var root: URL
    /// The `--schema` file as written (read instead of content.yaml's seed section).
    public var schema: String?
    /// The `--out` folder as written.
    public var out: String?

    public init(root: String = ".", schema: String? = nil, out: String? = nil) {
        self.root = URL(fileURLWithPath: root, isDirectory: true)
        self.schema = schema
        self.out = out
    }

    public var reader: ContentReader {
        ContentReader(root: root, schema: schema.map { URL(fileURLWithPath: $0) }, schemaArgument: schema)
    }

    var confined: ContentRoot { ContentRoot(root) }

    /// How the output folder is named in messages.
    var outputName: String { out ?? SeedPipeline.outputFolder }

    /// The output folder. The default, seeds/, is inside the content, which could make
    /// it a link: it must resolve inside the root (`--out` is the caller's choice).
    func outputFolder() throws -> URL {
        let url = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? root.appendingPathComponent(SeedPipeline.outputFolder)
        guard out == nil, !confined.allows(url) else { return url }
        throw CommandFailure(.outsideRoot, "\(SeedPipeline.outputFolder)/ leads outside the content root (a symbolic link); seedc writes only inside it: remove the link or give --out")
    }

    /// Reads and compiles the content (`SeedPipeline.run`), reporting its warnings;
    /// throws its problems when there is any error, or when content.yaml cannot be read.
    /// - Parameter render: false when only the plan is needed (no outputs).
    func compile(render: Bool = true, reporter: Reporter) throws -> (compilation: Compilation, plan: SeedPlan) {
        try checked(SeedPipeline.run(reader, render: render, spill: { SpillFile() }).get(), reporter: reporter)
    }

    /// The content read whole (not up to its records), compiled: for the flows that
    /// edit content.yaml, which need its whole tree.
    func compileWhole(reporter: Reporter) throws -> (compilation: Compilation, plan: SeedPlan) {
        let content = try reader.read(upToRecords: false).get()
        return try checked(SeedPipeline.compile(content, render: false, spill: SpillFile()), reporter: reporter)
    }

    private func checked(_ compilation: Compilation, reporter: Reporter) throws -> (compilation: Compilation, plan: SeedPlan) {
        guard !compilation.diagnostics.hasErrors, let plan = compilation.plan else {
            throw CommandFailure(compilation.diagnostics, sources: compilation.content.sources)
        }
        reporter.problems(compilation.diagnostics, sources: compilation.content.sources)
        return (compilation, plan)
    }
}
