import SeedCompiler
import SeedFiles

/// `seedc check`: compile the content and compare every output with its file in
/// seeds/, writing nothing.
public struct CheckFlow {
    public var content: ContentLocation

    public init(content: ContentLocation) {
        self.content = content
    }

    public func run(_ reporter: Reporter) throws {
        let (compilation, plan) = try content.compile(reporter: reporter)
        let drift = SeedsDrift.compare(compilation.outputs, with: try content.outputFolder())
        if let problem = plan.spillProblem { throw problem }
        guard drift.isEmpty else {
            reporter.details(drift.joined())
            throw CommandFailure(.staleOutput, "\(SeedPipeline.outputFolder)/ is not current (\(drift.count) file\(drift.count == 1 ? "" : "s")): run `seedc build` and commit the result")
        }
        reporter.summary("content is valid and \(SeedPipeline.outputFolder)/ is current")
    }
}
