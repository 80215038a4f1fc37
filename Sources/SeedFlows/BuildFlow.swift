import SeedCompiler
import SeedFiles

/// `seedc build`: compile the content and write the files of seeds/ whose bytes changed.
public struct BuildFlow {
    public var content: ContentLocation

    public init(content: ContentLocation) {
        self.content = content
    }

    public func run(_ reporter: Reporter) throws {
        let (compilation, plan) = try content.compile(reporter: reporter)
        let writer = OutputWriter(folder: try content.outputFolder(), shownAs: content.outputName)
        let written = try writer.write(compilation.outputs, plan: plan)
        let records = plan.tables.reduce(0) { $0 + $1.rows.count }
        let status = written.isEmpty ? "already up to date" : "wrote \(written.joined(separator: ", "))"
        reporter.summary("\(records) records in \(plan.tables.count) tables; \(SeedPipeline.outputFolder)/ \(status)")
    }
}
