import SeedCompiler
import SeedDatabase

/// `seedc plan`: what `apply` would change in a database, changing nothing.
public struct PlanFlow {
    public var content: ContentLocation
    public var settings: ApplySettings

    public init(content: ContentLocation, settings: ApplySettings) {
        self.content = content
        self.settings = settings
    }

    /// Prints the changes; true when some are pending.
    public func run(_ reporter: Reporter) throws -> Bool {
        let (compilation, plan) = try content.compile(render: false, reporter: reporter)
        let target = settings.database.target(root: content.root, declared: plan.database)
        return try settings.during(target, content: compilation.content) {
            let connection: DatabaseConnection
            if target.isMissingFile, settings.createTables {
                // Nothing to read: every table would be created and filled.
                connection = try SQLiteConnection(path: ":memory:", create: true)
            } else {
                connection = try target.open(create: false)
            }
            let outcome = try Applier(plan: plan, connection: connection, options: settings.applierOptions(for: compilation.content.document)).plan()
            if let problem = plan.spillProblem { throw problem }
            if reporter.format == .json {
                reporter.output(ChangeReport.json(outcome.changes, pending: outcome.hasChanges))
            } else if outcome.upToDate || !outcome.hasChanges && !outcome.changes.contains(where: { !$0.skipped.isEmpty }) {
                reporter.summary("nothing to do: \(target) holds the content" + (outcome.upToDate ? " (sha256:\(plan.contentHash.prefix(12)) applied)" : ""))
            } else {
                reporter.output(ChangeReport.text(outcome.changes))
            }
            return outcome.hasChanges
        }
    }
}
