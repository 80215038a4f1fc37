import ArgumentParser
import Foundation
import SeedCompiler
import SeedDatabase

struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a SQLite or PostgreSQL database to the content, in one transaction.",
        discussion: """
        Inserts missing records, restores changed values of `on_conflict: update` \
        tables, prunes owned rows whose records were removed (with --prune or \
        `prune: true`), and records what it owns in the seedc_ledger table. Unchanged \
        content is a no-op that reads only the ledger. Any error rolls everything back.

        Passwords ({env: NAME}) are hashed with bcrypt when their row is inserted; a \
        record whose variable is unset is skipped with a warning (--strict: an error).

        Exit status: 0 on success, 1 on an error (nothing is changed).

        Examples:
          seedc apply --create-tables                  a fresh SQLite file (seedc.db)
          seedc apply --database app.db
          DATABASE_URL=postgres://app@db/app seedc apply --prune
        """
    )

    @OptionGroup var content: ContentOptions
    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Fail when a password's environment variable is not set, instead of skipping the record.")
    var strict = false

    func run() throws {
        do {
            if let (target, hash) = try unchanged() {
                print("seedc: \(target) is up to date (content sha256:\(hash.prefix(12)) already applied)")
                return
            }
        } catch {
            // The check is only a shortcut: an unreadable ledger is met again below.
        }
        guard let (read, result) = content.compile(render: false) else { throw ExitCode.failure }
        let document = read.document
        let target = database.target(root: content.rootURL, declared: document.schema.database)
        do {
            guard !result.diagnostics.hasErrors, let plan = result.plan else { throw ExitCode.failure }
            let connection = try target.open(create: database.createTables)
            let options = database.applierOptions(for: document, strict: strict, progress: Progress.reporter())
            let applied = try Applier(plan: plan, connection: connection, options: options).apply()
            Progress.finish()
            for table in applied.tables {
                for skipped in table.skipped {
                    FileHandle.standardError.write(Data("seedc: warning: \(table.table) \(ChangeReport.show(skipped.key)) skipped: set \(skipped.variables.joined(separator: ", ")) to insert it\n".utf8))
                }
            }
            print("seedc: \(target): " + (applied.upToDate ? "up to date" : ChangeReport.summary(applied.tables)))
        } catch let code as ExitCode {
            throw code
        } catch let Applier.Failure.unstableReferences(problems) {
            Progress.finish()
            content.report(problems, sources: read.sources)
            throw ExitCode.failure
        } catch {
            Progress.finish()
            throw databaseError(error, target: target)
        }
    }

    /// The content hash when the ledger shows this very content fully applied, decided
    /// without parsing any YAML: the stamp names the input files (include patterns,
    /// collection folders), and their bytes must hash to the stamp's hash. Nil when
    /// anything differs, and with --prune or `prune: true` tables (their ledger keys are
    /// compared after compiling), and when the target comes from `seed.database`.
    private func unchanged() throws -> (DatabaseTarget, String)? {
        // Without parsing content.yaml its `seed.database` is unknown: only a target
        // given by --database or DATABASE_URL is certain.
        guard !database.prune, let target = database.explicitTarget else { return nil }
        guard let connection = try existing(target), let stamp = try Applier.stamp(on: connection),
              let inputs = InputSet(stamp: stamp), !inputs.prunes,
              let files = content.reader.files(of: inputs),
              let hash = try? Compiler.contentHash(of: files) else { return nil }
        return inputs.stamp(hash) == stamp ? (target, hash) : nil
    }

    /// The database when it exists (a missing SQLite file has no ledger to read).
    private func existing(_ target: DatabaseTarget) throws -> DatabaseConnection? {
        if case let .sqlite(path) = target, !FileManager.default.fileExists(atPath: path) { return nil }
        return try target.open(create: false)
    }
}
