/// One file of `seeds/`, not yet rendered: its path and how to write its bytes into a
/// sink. Each renders from the plan alone, so several can render at once, and the
/// same plan always gives the same bytes.
public struct OutputRenderer: Sendable {
    /// The file's name inside the output folder.
    public let path: String
    /// Roughly how much work rendering is (bytes per planned row), so a caller that
    /// renders several at once can start the largest first.
    public let cost: Int
    private let body: @Sendable (inout OutputBuffer) -> Void

    init(path: String, cost: Int, body: @escaping @Sendable (inout OutputBuffer) -> Void) {
        self.path = path
        self.cost = cost
        self.body = body
    }

    /// Writes the whole file into `sink`, about 64 KB at a time; throws what the sink threw.
    public func render(into sink: ByteSink) throws {
        var out = OutputBuffer(sink: sink)
        body(&out)
        try out.finish()
    }

    /// The whole file in memory (tests, and the diff of a stale file).
    public var bytes: [UInt8] {
        var out = OutputBuffer()
        body(&out)
        return out.bytes
    }

    /// The whole file as text.
    public var contents: String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension OutputRenderer {
    /// The files of `seeds/` for a plan, in path order; `inputs` are the content's
    /// files, as the manifest lists them.
    public static func all(for plan: SeedPlan, inputs: [String]) -> [OutputRenderer] {
        [
            OutputRenderer(path: "manifest.json", cost: 0) { $0.append(ManifestRenderer.render(plan, inputs: inputs)) },
            OutputRenderer(path: "postgres.sql", cost: 3) { SQLScriptRenderer.render(plan, engine: .postgres, into: &$0) },
            OutputRenderer(path: PythonModuleRenderer.dataFile, cost: 2) { PythonModuleRenderer.renderData(plan, into: &$0) },
            OutputRenderer(path: "seed_initial_data.py", cost: 0) { $0.append(PythonModuleRenderer.render(plan)) },
            OutputRenderer(path: "sqlite.sql", cost: 3) { SQLScriptRenderer.render(plan, engine: .sqlite, into: &$0) },
        ]
    }
}
