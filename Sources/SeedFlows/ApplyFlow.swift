import SeedCompiler
import SeedDatabase
import SeedFiles

/// `seedc apply`: bring a database to the content in one transaction, or, when the
/// ledger shows this very content applied, change nothing after reading only the
/// ledger and the input files' bytes.
public struct ApplyFlow {
    public var content: ContentLocation
    public var settings: ApplySettings

    public init(content: ContentLocation, settings: ApplySettings) {
        self.content = content
        self.settings = settings
    }

    public func run(_ reporter: Reporter) throws {
        // The check is only a shortcut: an unreadable ledger is met again below.
        if let (target, hash) = try? unchanged() {
            reporter.summary("\(target) is up to date (content sha256:\(hash.prefix(12)) already applied)")
            return
        }
        let (compilation, plan) = try content.compile(render: false, reporter: reporter)
        let document = compilation.content.document
        let target = settings.database.target(root: content.root, declared: document.schema.database)
        let applied = try settings.during(target, content: compilation.content) {
            defer { reporter.endProgress() }
            let connection = try target.open(create: settings.createTables)
            let options = settings.applierOptions(for: document, progress: reporter.progress)
            return try Applier(plan: plan, connection: connection, options: options).apply()
        }
        for table in applied.tables {
            for skipped in table.skipped {
                reporter.warning(.unsetPassword, "\(table.table) \(ChangeReport.show(skipped.key)) skipped: set \(skipped.variables.joined(separator: ", ")) to insert it")
            }
        }
        reporter.summary("\(target): " + (applied.upToDate ? "up to date" : ChangeReport.summary(applied.tables)))
    }

    /// The content hash when the ledger shows this very content fully applied, decided
    /// without parsing any YAML: the stamp names the input files (include patterns,
    /// collection folders), and their bytes must hash to the stamp's hash. Nil when
    /// anything differs, and with --prune or `prune: true` tables (their ledger keys are
    /// compared after compiling), and when the target comes from `seed.database`
    /// (without parsing content.yaml it is unknown).
    func unchanged() throws -> (DatabaseTarget, String)? {
        guard !settings.prune, let target = settings.database.explicitTarget else { return nil }
        if target.isMissingFile { return nil }
        guard let stamp = try Applier.stamp(on: target.open(create: false)),
              let inputs = InputSet(stamp: stamp), !inputs.prunes,
              let files = content.reader.files(of: inputs),
              let hash = try? SeedPipeline.contentHash(of: files) else { return nil }
        return inputs.stamp(hash) == stamp ? (target, hash) : nil
    }
}
