import ArgumentParser
#if canImport(CMalloc)
import CMalloc
#endif
import SeedCompiler
import SeedFlows

@main
struct Seedc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seedc",
        abstract: "Compile versioned content (content.yaml, markdown collections) into idempotent seed data.",
        discussion: """
        seedc reads the `seed` section of content.yaml, the markdown collections and \
        record files it declares, validates every record, and writes seeds/: \
        sqlite.sql, postgres.sql, seed_initial_data.py with its rows in \
        seed_initial_data.jsonl, and manifest.json. Applying \
        them twice changes nothing, so an app can re-create its records at every start.

        Examples:
          seedc build                         compile ./content.yaml into ./seeds/
          seedc build --root backend          compile backend/content.yaml
          seedc check                         fail when invalid or seeds/ is stale
          seedc check --format github         annotate a pull request
          seedc plan --database app.db        what apply would change (exit 2)
          seedc plan --format json            the same, for a deploy bot
          seedc apply --database "$DATABASE_URL"
          seedc schema > content.schema.json  a JSON Schema for editors
          seedc --version                     tool and content format versions
        """,
        version: SeedcVersion.description,
        subcommands: [Build.self, Check.self, Plan.self, Apply.self, Init.self, Capture.self, SchemaCommand.self],
        defaultSubcommand: nil
    )

    /// Parses the command line and runs the command's flow. The one place errors are
    /// caught: whatever a flow throws is reported by its `Reporter`, then seedc exits 1.
    ///
    /// glibc raises its mmap threshold each time a large block is freed, so the large
    /// buffers that follow (growing key and row buffers, batches) come from the heap
    /// and leave holes in it that are never returned. A fixed threshold keeps blocks
    /// over 4 MiB in mappings of their own, unmapped when freed (what it saves:
    /// docs/benchmarks.md, "Design choices these figures decided").
    static func main() {
        #if canImport(CMalloc)
        mallopt(M_MMAP_THRESHOLD, 4 << 20)
        #endif
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        guard let reporting = command as? any ReportingCommand else {
            do { try command.run() } catch { exit(withError: error) }
            return
        }
        let reporter = Reporter.standard(format: reporting.format)
        do {
            try reporting.run(reporter)
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            reporter.failure(error)
            exit(withError: ExitCode.failure)
        }
    }
}

/// A command whose work is a flow of SeedFlows, reporting through a `Reporter` in the
/// format it was given.
protocol ReportingCommand: ParsableCommand {
    var format: Reporter.Format { get }
    /// Runs the flow; an error it throws is reported by `Seedc.main`.
    func run(_ reporter: Reporter) throws
}

extension Reporter.Format: ExpressibleByArgument {}
