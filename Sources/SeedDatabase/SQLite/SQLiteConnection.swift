import Foundation
import GRDB
import SeedCompiler

/// A SQLite database file through GRDB. Writers wait for each other: `BEGIN IMMEDIATE`
/// takes the write lock at once, and a busy database is retried for up to a minute.
public final class SQLiteConnection: DatabaseConnection {
    public let engine = DatabaseEngine.sqlite
    public let path: String
    private let queue: DatabaseQueue
    /// The open handle while `transaction` runs, and its statements with arguments.
    private var current: Database?
    private var bound: BoundStatements?

    /// Opens (and with `create`, creates) the database file at `path`.
    public init(path: String, create: Bool) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.label = "seedc"
        do {
            if !create, !FileManager.default.fileExists(atPath: path) {
                throw DatabaseFailure(message: "no SQLite database at \(path) (seedc apply --create-tables creates one)")
            }
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw Self.failure(error)
        }
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            return try queue.inDatabase { db in
                current = db
                bound = BoundStatements(db)
                defer {
                    bound?.finalize()
                    bound = nil
                    current = nil
                }
                // The statements SQLDialect renders for every writer (BEGIN IMMEDIATE).
                for statement in TransactionStatements.begin(engine) { try db.execute(sql: statement.sql) }
                do {
                    let result = try body()
                    try db.execute(sql: TransactionStatements.commit.sql)
                    return result
                } catch {
                    // SQLite may have rolled back already (then this is refused, harmlessly).
                    try? db.execute(sql: TransactionStatements.rollback.sql)
                    throw error
                }
            }
        } catch let error as DatabaseError {
            throw Self.failure(error)
        }
    }

    public func fetch(_ statement: RenderedStatement) throws -> [[String?]] {
        try run { db in
            // Batches of a table repeat the same text: prepared once, cached by GRDB.
            try Row.fetchAll(db.cachedStatement(sql: statement.sql), arguments: Self.arguments(statement.arguments)).map { row in
                row.databaseValues.map(Self.text)
            }
        }
    }

    @discardableResult
    public func execute(_ sql: String, arguments: Arguments) throws -> Int {
        try run { db in
            if let bound, arguments.count > 0 { return try bound.execute(sql, arguments: arguments) }
            try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments.values))
            return db.changesCount
        }
    }

    public func columns(of table: String) throws -> [String]? {
        try run { db in
            guard try db.tableExists(table) else { return nil }
            return try db.columns(in: table).map(\.name)
        }
    }

    public func tableNames() throws -> [String] {
        try run { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .filter { $0 != Ledger.table }
        }
    }

    public func describe(_ table: String) throws -> TableDescription? {
        try run { db in
            guard try db.tableExists(table) else { return nil }
            let primaryKey = try db.primaryKey(table).columns
            let columns = try db.columns(in: table).map { column in
                var described = TableDescription.Column(name: column.name, type: column.type, notNull: column.isNotNull,
                                                        defaultSQL: column.defaultValueSQL, primaryKey: column.primaryKeyIndex > 0)
                // A rowid alias: the only primary key column, declared exactly INTEGER.
                described.assignedByDatabase = primaryKey == [column.name] && column.type.uppercased() == "INTEGER"
                return described
            }
            let unique = try db.indexes(on: table).filter(\.isUnique).map(\.columns).filter { $0 != primaryKey }
            return TableDescription(name: table, columns: columns, unique: unique, foreignKeys: try Self.foreignKeys(of: table, in: db))
        }
    }

    public func foreignKeys(of table: String) throws -> [SeedCompiler.ForeignKey] {
        try run { db in try db.tableExists(table) ? Self.foreignKeys(of: table, in: db) : [] }
    }

    private static func foreignKeys(of table: String, in db: Database) throws -> [SeedCompiler.ForeignKey] {
        try db.foreignKeys(on: table).map {
            SeedCompiler.ForeignKey(columns: $0.originColumns, targetTable: $0.destinationTable, targetColumns: $0.destinationColumns)
        }
    }

    /// Runs `body` on the transaction's handle, or on its own outside one (plan reads).
    private func run<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            if let current { return try body(current) }
            return try queue.inDatabase(body)
        } catch let error as DatabaseError {
            throw Self.failure(error)
        }
    }

    private static func arguments(_ values: [Value]) -> StatementArguments {
        StatementArguments(values.map { value -> DatabaseValueConvertible? in
            switch value {
            case .null: nil
            case let .text(s), let .date(s), let .timestamp(s), let .decimal(s): s
            case let .binary(bytes): Data(bytes)
            case let .integer(i): i
            case let .real(d): d
            case let .boolean(b): b ? 1 : 0
            }
        })
    }

    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case let .int64(i): String(i)
        case let .double(d): String(d)
        case let .string(s): s
        case let .blob(data): String(decoding: data, as: UTF8.self)
        }
    }

    /// SQLite's message, with the table and column of a constraint failure
    /// (`NOT NULL constraint failed: users.email`).
    static func failure(_ error: DatabaseError) -> DatabaseFailure {
        let message = error.message ?? error.description
        var failure = DatabaseFailure(message: message, code: String(error.extendedResultCode.rawValue))
        if let range = message.range(of: "constraint failed: ") {
            let names = message[range.upperBound...].split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let parts = names.split(separator: ".", maxSplits: 1)
            if parts.count == 2 {
                failure.table = String(parts[0])
                failure.column = String(parts[1])
            }
        }
        return failure
    }
}
