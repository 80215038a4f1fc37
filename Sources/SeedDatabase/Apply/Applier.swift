import SeedCompiler

/// Brings a database to a plan (`seedc apply`) or says what that would take (`seedc
/// plan`). The statements come from `Reconciler`; this type runs them in order.
public struct Applier {
    public struct Options {
        /// Prune every table, not only those with `prune: true`.
        public var pruneAll = false
        /// A record whose secret variable is unset is an error instead of skipped.
        public var strict = false
        /// Create missing tables from the declared schema.
        public var createTables = false
        public var environment: [String: String] = [:]
        /// Required columns by table, for `createTables`.
        public var required: [String: Set<String>] = [:]
        /// Called as rows are written: table, rows done, rows in all.
        public var progress: ((String, Int, Int) -> Void)?
        public var hashPassword: (String) throws -> String = { try Bcrypt.hash($0) }

        public init() {}
    }

    public struct Outcome {
        public var changes: [TableChanges]
        /// True when the ledger shows this content fully applied (nothing was read
        /// beyond the ledger, nothing written).
        public var upToDate: Bool

        public var hasChanges: Bool { changes.contains { !$0.isEmpty } }
    }

    public enum Failure: Error, CustomStringConvertible {
        case missingTable(String)
        case missingColumns(table: String, columns: [String])
        case missingSecrets([(table: String, key: String, variables: [String])])
        /// A statement failed: the table, the natural key of the row when one row is
        /// at fault, and the database's report (which names the column when it can).
        case rejected(table: String, key: String?, failure: DatabaseFailure)

        public var description: String {
            switch self {
            case let .missingTable(table):
                "table \(table) does not exist in the database: start the app once so it creates its tables, or pass --create-tables to create them from the declared schema"
            case let .missingColumns(table, columns):
                "table \(table) has no column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", ")): the declared schema and the database disagree"
            case let .missingSecrets(records):
                "environment variables not set (--strict): " + records.map { "\($0.table) \(ChangeReport.show($0.key)) needs \($0.variables.joined(separator: ", "))" }.joined(separator: "; ")
            case let .rejected(table, key, failure):
                "the database refused \(table)" + (key.map { " " + ChangeReport.show($0) } ?? "")
                    + (failure.column.map { ", column \($0)" } ?? "") + ": \(failure.message)"
            }
        }
    }

    let reconciler: Reconciler
    let connection: DatabaseConnection
    let options: Options

    public init(plan: SeedPlan, connection: DatabaseConnection, options: Options) {
        reconciler = Reconciler(plan: plan, engine: connection.engine)
        self.connection = connection
        self.options = options
    }

    /// The stamp of the last complete apply (`SeedPlan.stamp`), nil when there is none:
    /// what the fast no-op check compares before compiling anything.
    public static func stamp(on connection: DatabaseConnection) throws -> String? {
        guard try connection.columns(of: Ledger.table) != nil else { return nil }
        return try connection.fetch(Reconciler.readStamp(connection.engine)).first?.first ?? nil
    }

    /// What `apply` would do; reads only.
    public func plan() throws -> Outcome {
        try run(write: false)
    }

    /// Applies the plan in one transaction: all of it, or nothing.
    public func apply() throws -> Outcome {
        try connection.transaction { try run(write: true) }
    }

    private func run(write: Bool) throws -> Outcome {
        let plan = reconciler.plan
        var missingTables = Set<String>()
        for table in plan.tables {
            guard let columns = try connection.columns(of: table.name) else {
                guard options.createTables else { throw Failure.missingTable(table.name) }
                if write {
                    try execute(reconciler.createTable(table, required: options.required[table.name] ?? []), table: table.name)
                } else {
                    missingTables.insert(table.name)
                }
                continue
            }
            let absent = table.columns.map(\.name).filter { !columns.contains($0) }
            if !absent.isEmpty { throw Failure.missingColumns(table: table.name, columns: absent) }
        }
        let ledger = try readLedger(create: write)
        let prunes = Dictionary(uniqueKeysWithValues: plan.tables.map { ($0.name, options.pruneAll || $0.prune) })
        let orphans = plan.tables.contains { table in
            prunes[table.name]! && !Set(ledger.rows[table.name]?.keys.map { $0 } ?? []).subtracting(table.rows.map(\.keyText)).isEmpty
        }
        if ledger.stamp == plan.stamp, !orphans {
            return Outcome(changes: plan.tables.map { TableChanges(table: $0) }, upToDate: true)
        }
        var all: [TableChanges] = []
        var unset: [(table: String, key: String, variables: [String])] = []
        for table in plan.tables {
            let owned = Set(ledger.rows[table.name]?.keys.map { $0 } ?? [])
            var changes: TableChanges
            if try missingTables.contains(table.name) || fetch(reconciler.anyRow(table), table: table.name).isEmpty {
                changes = reconciler.changes(of: table, results: [], owned: owned, prune: prunes[table.name]!)
                changes.inserts = Array(table.rows.indices)
            } else {
                let results = try reconciler.compare(table).flatMap { try fetch($0, table: table.name) }
                changes = reconciler.changes(of: table, results: results, owned: owned, prune: prunes[table.name]!)
            }
            let secrets = try resolveSecrets(&changes, hash: write)
            unset += changes.skipped.map { (table.name, table.rows[$0.row].keyText, $0.variables) }
            if write {
                try writeChanges(changes, secrets: secrets, ledger: ledger.rows[table.name] ?? [:])
            }
            all.append(changes)
        }
        if options.strict, !unset.isEmpty { throw Failure.missingSecrets(unset) }
        if write, unset.isEmpty {
            try execute(reconciler.stampContent, table: Ledger.table)
        }
        return Outcome(changes: all, upToDate: false)
    }

    /// The ledger's rows by table and key, and the stamp; empty when it does not exist
    /// (created when `create`).
    private func readLedger(create: Bool) throws -> (rows: [String: [String: String]], stamp: String?) {
        guard try connection.columns(of: Ledger.table) != nil else {
            if create { try execute(reconciler.createLedger, table: Ledger.table) }
            return ([:], nil)
        }
        var rows: [String: [String: String]] = [:]
        var stamp: String?
        for row in try fetch(reconciler.readLedger, table: Ledger.table) where row.count == 3 {
            guard let table = row[0], let key = row[1], let hash = row[2] else { continue }
            if table.isEmpty, key.isEmpty { stamp = hash } else { rows[table, default: [:]][key] = hash }
        }
        return (rows, stamp)
    }

    /// Takes rows whose secret variables are unset out of the inserts; with `hash`,
    /// returns the bcrypt hashes of the others by row and column.
    private func resolveSecrets(_ changes: inout TableChanges, hash: Bool) throws -> [Int: [Int: String]] {
        var secrets: [Int: [Int: String]] = [:]
        var kept: [Int] = []
        for index in changes.inserts {
            let row = changes.table.rows[index]
            var needed: [(column: Int, variable: String)] = []
            for (column, cell) in row.cells.enumerated() {
                if case let .secret(env)? = cell { needed.append((column, env)) }
            }
            let missing = needed.map(\.variable).filter { (options.environment[$0] ?? "").isEmpty }
            if !missing.isEmpty {
                changes.skipped.append((index, missing))
                continue
            }
            kept.append(index)
            if hash {
                for (column, variable) in needed {
                    secrets[index, default: [:]][column] = try options.hashPassword(options.environment[variable]!)
                }
            }
        }
        changes.inserts = kept
        return secrets
    }

    private func writeChanges(_ changes: TableChanges, secrets: [Int: [Int: String]], ledger: [String: String]) throws {
        let table = changes.table
        let total = changes.inserts.count + changes.updates.count + changes.prunes.count
        var done = 0
        for batch in reconciler.insert(table, rows: changes.inserts, secrets: secrets) {
            done += try executeBatch(batch, table: table, secrets: secrets)
            options.progress?(table.name, done, total)
        }
        for update in changes.updates {
            try execute(reconciler.update(table, update), table: table.name, key: table.rows[update.row].keyText)
            done += 1
        }
        for key in changes.prunes {
            for statement in reconciler.prune(table, keyText: key) { try execute(statement, table: table.name, key: key) }
            done += 1
        }
        options.progress?(table.name, done, total)
        // Owned: rows seedc inserted; in `update` tables every content row, since
        // content wins there. Only hashes that changed are written.
        let skipped = Set(changes.skipped.map(\.row))
        let claimed = table.onConflict == .update ? table.rows.indices.filter { !skipped.contains($0) } : changes.inserts
        let stale = claimed.filter { ledger[table.rows[$0].keyText] != table.rows[$0].valueHash }
        for statement in reconciler.claim(table, rows: stale) { try execute(statement, table: Ledger.table) }
    }

    /// Runs a batch insert; when the database refuses it, finds the row at fault by
    /// retrying the batch's rows one by one inside a savepoint, and names it.
    private func executeBatch(_ batch: (rows: [Int], statement: RenderedStatement), table: TablePlan, secrets: [Int: [Int: String]]) throws -> Int {
        let savepoint = reconciler.savepoint
        try connection.execute(savepoint.begin)
        do {
            let count = try connection.execute(batch.statement)
            try connection.execute(savepoint.release)
            return count
        } catch let failure as DatabaseFailure {
            try connection.execute(savepoint.rollback)
            for row in batch.rows {
                for single in reconciler.insert(table, rows: [row], secrets: secrets) {
                    do {
                        try connection.execute(single.statement)
                    } catch let rowFailure as DatabaseFailure {
                        throw Failure.rejected(table: table.name, key: table.rows[row].keyText, failure: rowFailure)
                    }
                }
            }
            throw Failure.rejected(table: table.name, key: nil, failure: failure)
        }
    }

    @discardableResult
    private func execute(_ statement: RenderedStatement, table: String, key: String? = nil) throws -> Int {
        do {
            return try connection.execute(statement)
        } catch let failure as DatabaseFailure {
            throw Failure.rejected(table: table, key: key, failure: failure)
        }
    }

    private func fetch(_ statement: RenderedStatement, table: String) throws -> [[String?]] {
        do {
            return try connection.fetch(statement)
        } catch let failure as DatabaseFailure {
            throw Failure.rejected(table: table, key: nil, failure: failure)
        }
    }
}
