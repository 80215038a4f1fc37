import SeedCompiler
import SeedFiles

/// `seedc schema`: a JSON Schema of the content for editors, made from the seed
/// section alone (records are not checked).
public struct SchemaFlow {
    public var content: ContentLocation

    public init(content: ContentLocation) {
        self.content = content
    }

    public func run(_ reporter: Reporter) throws {
        let read = try content.reader.read().get()
        let problems = read.document.diagnostics
        guard !problems.hasErrors else { throw CommandFailure(problems, sources: read.sources) }
        reporter.problems(problems, sources: read.sources)
        reporter.output(ContentJSONSchema.render(read.document.schema))
    }
}
