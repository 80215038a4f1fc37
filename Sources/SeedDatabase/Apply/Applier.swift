import SeedCompiler

/// Brings a database to a plan (`seedc apply`) or says what that would take (`seedc
/// plan`). The statements come from `Reconciler`; this type runs them in order. Plan
/// compares row by row and column by column and writes nothing; apply writes through
/// the set-based batches the scripts and the module run (`Applier+Writing.swift`).
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

    /// What `plan` found.
    public struct Outcome {
        public var changes: [TableChanges]
        /// True when the ledger shows this content fully applied (nothing was read
        /// beyond the ledger, nothing written).
        public var upToDate: Bool

        public var hasChanges: Bool { changes.contains { !$0.isEmpty } }
    }

    /// What `apply` did.
    public struct Applied {
        public var tables: [AppliedTable]
        /// True when the ledger showed this content fully applied: nothing was written.
        public var upToDate: Bool
    }

    public enum Failure: Error, CustomStringConvertible {
        case missingTable(String)
        case missingColumns(table: String, columns: [String])
        case missingSecrets([(table: String, key: String, variables: [String])])
        /// A statement failed: the table, the natural key of the row when one row is
        /// at fault, and the database's report (which names the column when it can).
        case rejected(table: String, key: String?, failure: DatabaseFailure)
        /// Declared columns hold raw ids the database assigns anew (`LiveReferences`).
        case unstableReferences([Diagnostic])
        /// Rows to prune that other rows still reference.
        case referencedPrunes([String])

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
            case let .unstableReferences(problems):
                problems.map(\.message).joined(separator: "; ")
            case let .referencedPrunes(rows):
                "cannot prune rows that other rows still reference (deleting them could cascade to rows seedc does not own): "
                    + rows.joined(separator: "; ") + "; nothing was applied"
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
        let plan = reconciler.plan
        let missing = try checkTables(create: false)
        let ledger = try readLedger(create: false)
        if isApplied(ledger) {
            return Outcome(changes: plan.tables.map { TableChanges(table: $0) }, upToDate: true)
        }
        let changes = try orderedTables().map { table in
            var changes = try compare(table, rows: nil, empty: missing.contains(table.name), owned: ledger.owned[table.name] ?? [])
            skipUnset(&changes)
            return changes
        }
        return Outcome(changes: changes, upToDate: false)
    }

    /// The plan's tables in an order that also follows the database's own foreign keys;
    /// throws `unstableReferences` when declared columns hold raw ids (`LiveReferences`).
    func orderedTables() throws -> [TablePlan] {
        let plan = reconciler.plan
        let live = LiveReferences(foreignKeys: Dictionary(try plan.tables.map { ($0.name, try connection.foreignKeys(of: $0.name)) }) { first, _ in first })
        let problems = live.problems(plan)
        if !problems.isEmpty { throw Failure.unstableReferences(problems) }
        return live.order(plan).map { plan.tables[$0] }
    }

    /// Checks that every table exists with the plan's columns. Missing tables are an
    /// error unless `createTables`: then, with `create`, they are created; without it,
    /// their names are returned (a plan reads nothing from them).
    func checkTables(create: Bool) throws -> Set<String> {
        var missing = Set<String>()
        for table in reconciler.plan.tables {
            guard let columns = try connection.columns(of: table.name) else {
                guard options.createTables else { throw Failure.missingTable(table.name) }
                if create {
                    try execute(reconciler.createTable(table, required: options.required[table.name] ?? []), table: table.name)
                } else {
                    missing.insert(table.name)
                }
                continue
            }
            let absent = table.columns.map(\.name).filter { !columns.contains($0) }
            if !absent.isEmpty { throw Failure.missingColumns(table: table.name, columns: absent) }
        }
        return missing
    }

    /// Whether a table's owned rows missing from content are pruned.
    func prunes(_ table: TablePlan) -> Bool {
        options.pruneAll || table.prune
    }

    /// The stamp, and the keys the ledger lists by table: read only when a table is
    /// pruned (nothing else needs them). Empty when the ledger does not exist (created
    /// when `create`).
    func readLedger(create: Bool) throws -> (owned: [String: Set<String>], stamp: String?) {
        guard try connection.columns(of: Ledger.table) != nil else {
            if create { try execute(reconciler.createLedger, table: Ledger.table) }
            return ([:], nil)
        }
        guard reconciler.plan.tables.contains(where: prunes) else {
            return ([:], try fetch(Reconciler.readStamp(connection.engine), table: Ledger.table).first?.first ?? nil)
        }
        var owned: [String: Set<String>] = [:]
        var stamp: String?
        for row in try fetch(reconciler.readLedger, table: Ledger.table) where row.count == 3 {
            guard let table = row[0], let key = row[1], row[2] != nil else { continue }
            if table.isEmpty, key.isEmpty { stamp = row[2] } else { owned[table, default: []].insert(key) }
        }
        return (owned, stamp)
    }

    /// True when the ledger's stamp is this plan's and no owned row is left to prune.
    func isApplied(_ ledger: (owned: [String: Set<String>], stamp: String?)) -> Bool {
        ledger.stamp == reconciler.plan.stamp && !reconciler.plan.tables.contains { table in
            prunes(table) && !reconciler.prunes(of: table, owned: ledger.owned[table.name] ?? []).isEmpty
        }
    }

    /// The changes of `rows` of a table (nil: all): found by comparing, or, when the
    /// table is known to be `empty` (or yet to be created) or found so, all inserts.
    func compare(_ table: TablePlan, rows: [Int]?, empty: Bool, owned: Set<String>) throws -> TableChanges {
        let prune = prunes(table)
        if rows?.isEmpty == true { return reconciler.changes(of: table, results: [], owned: owned, prune: prune) }
        if try empty || fetch(reconciler.anyRow(table), table: table.name).isEmpty {
            var changes = reconciler.changes(of: table, results: [], owned: owned, prune: prune)
            changes.inserts = rows ?? Array(table.rows.indices)
            return changes
        }
        let results = try reconciler.compare(table, rows: rows).flatMap { try fetch($0, table: table.name) }
        return reconciler.changes(of: table, results: results, owned: owned, prune: prune)
    }

    /// Moves the inserts whose secrets' variables are unset to `skipped`.
    func skipUnset(_ changes: inout TableChanges) {
        changes.inserts = changes.inserts.filter { index in
            let missing = Self.secrets(of: changes.table.rows[index]).map(\.variable).filter { (options.environment[$0] ?? "").isEmpty }
            if missing.isEmpty { return true }
            changes.skipped.append((index, missing))
            return false
        }
    }

    /// The secret cells of a row: column index and environment variable.
    static func secrets(of row: PlannedRow) -> [(column: Int, variable: String)] {
        row.cells.enumerated().compactMap { column, cell in
            if case let .secret(env)? = cell { return (column, env) }
            return nil
        }
    }

    @discardableResult
    func execute(_ statement: RenderedStatement, table: String, key: String? = nil) throws -> Int {
        try execute(statement.sql, arguments: Arguments(statement.arguments), table: table, key: key)
    }

    @discardableResult
    func execute(_ sql: String, arguments: Arguments, table: String, key: String? = nil) throws -> Int {
        do {
            return try connection.execute(sql, arguments: arguments)
        } catch let failure as DatabaseFailure {
            throw Failure.rejected(table: table, key: key, failure: failure)
        }
    }

    func fetch(_ statement: RenderedStatement, table: String) throws -> [[String?]] {
        do {
            return try connection.fetch(statement)
        } catch let failure as DatabaseFailure {
            throw Failure.rejected(table: table, key: nil, failure: failure)
        }
    }
}
