import CLibPQ
import Foundation
import SeedCompiler

/// A PostgreSQL connection through libpq. The connection string goes to libpq as it
/// is (`postgres://` and `postgresql://` URLs or `key=value` pairs, `sslmode` and the
/// rest as libpq documents them). Arguments are sent as text (typed `text`, so a
/// statement may leave some unused) and cast by the SQL to their column types; results
/// come back as text. A statement text run a second time (a batch of a shape seen
/// before) is prepared once and from then on only bound. libpq is loaded on first use
/// (`LibPQ`).
public final class PostgresConnection: DatabaseConnection {
    public let engine = DatabaseEngine.postgres
    private let connection: OpaquePointer
    private let pq: LibPQ
    /// Prepared statements' names by text, and the texts run once so far.
    private var prepared: [String: String] = [:]
    private var seen: Set<String> = []
    /// The type every argument is sent as: `text` (pg_type.oid 25).
    private static let textType: Oid = 25

    public init(url: String) throws {
        let pq = try LibPQ.shared.get()
        self.pq = pq
        guard let connection = pq.connectdb(url) else { throw DatabaseFailure(message: "libpq could not start a connection") }
        guard pq.status(connection) == CONNECTION_OK else {
            // libpq quotes a connection string it cannot parse, password and all.
            let message = ConnectionPasswords(in: url).redacted(Self.text(pq.errorMessage(connection)))
            pq.finish(connection)
            throw DatabaseFailure(message: "cannot connect: \(message)")
        }
        self.connection = connection
        guard pq.setClientEncoding(connection, "UTF8") == 0 else {
            pq.finish(connection)
            throw DatabaseFailure(message: "the server cannot send UTF-8")
        }
    }

    deinit {
        pq.finish(connection)
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        for statement in TransactionStatements.begin(engine) { try execute(statement) }
        do {
            let result = try body()
            // A transaction with a failed statement ends in ROLLBACK even when asked
            // to COMMIT; that must not pass for success.
            let status = try run(TransactionStatements.commit) { pq.cmdStatus($0).map { String(cString: $0) } }
            guard status == "COMMIT" else { throw DatabaseFailure(message: "the transaction was rolled back by the server") }
            return result
        } catch {
            // A lost connection rolls back on the server by itself.
            _ = try? execute(TransactionStatements.rollback)
            throw error
        }
    }

    public func fetch(_ statement: RenderedStatement) throws -> [[String?]] {
        try run(statement) { result in
            (0..<pq.ntuples(result)).map { row in
                (0..<pq.nfields(result)).map { column in
                    pq.getisnull(result, row, column) == 1 ? nil : pq.getvalue(result, row, column).map { String(cString: $0) }
                }
            }
        }
    }

    @discardableResult
    public func execute(_ sql: String, arguments: Arguments) throws -> Int {
        try run(sql, arguments) { result in pq.cmdTuples(result).flatMap { Int(String(cString: $0)) } ?? 0 }
    }

    public func columns(of table: String) throws -> [String]? {
        // Resolved through the search path, as the app's unqualified table names are.
        let names = try fetch(RenderedStatement(sql: """
            SELECT a.attname FROM pg_catalog.pg_attribute a \
            WHERE a.attrelid = to_regclass(quote_ident($1)) AND a.attnum > 0 AND NOT a.attisdropped \
            ORDER BY a.attnum
            """, arguments: [.text(table)]))
        return names.isEmpty ? nil : names.compactMap { $0.first ?? nil }
    }

    public func tableNames() throws -> [String] {
        try fetch(RenderedStatement(sql: """
            SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
            WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() ORDER BY c.relname
            """)).compactMap { $0.first ?? nil }.filter { $0 != Ledger.table }
    }

    public func describe(_ table: String) throws -> TableDescription? {
        let columns = try fetch(RenderedStatement(sql: """
            SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), CAST(a.attnotnull AS text), \
            pg_catalog.pg_get_expr(d.adbin, d.adrelid), \
            CAST(EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS text), \
            CAST(a.attidentity <> '' OR COALESCE(pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false) AS text) \
            FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
            WHERE a.attrelid = to_regclass(quote_ident($1)) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, arguments: [.text(table)]))
        guard !columns.isEmpty else { return nil }
        let unique = try fetch(RenderedStatement(sql: """
            SELECT string_agg(a.attname, ',' ORDER BY k.ordinality) FROM pg_catalog.pg_index i \
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality) \
            JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum \
            WHERE i.indrelid = to_regclass(quote_ident($1)) AND i.indisunique AND NOT i.indisprimary GROUP BY i.indexrelid ORDER BY 1
            """, arguments: [.text(table)])).compactMap { $0.first ?? nil }.map { $0.components(separatedBy: ",") }
        let foreignKeys = try foreignKeys(of: table)
        return TableDescription(name: table, columns: columns.map { row -> TableDescription.Column in
            var column = TableDescription.Column(name: row[0] ?? "", type: row[1] ?? "text", notNull: row[2] == "true",
                                                 defaultSQL: row[3], primaryKey: row[4] == "true")
            // A sequence's default or an identity: the database fills it.
            column.assignedByDatabase = row[5] == "true"
            return column
        }, unique: unique, engine: .postgres, foreignKeys: foreignKeys)
    }

    public func foreignKeys(of table: String) throws -> [SeedCompiler.ForeignKey] {
        // Each foreign key as its columns, the target table and its columns, in order
        // (one value per line, so no name needs parsing).
        return try fetch(RenderedStatement(sql: """
            SELECT (SELECT string_agg(a.attname, E'\\n' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) \
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum), \
            t.relname, \
            (SELECT string_agg(a.attname, E'\\n' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n) \
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) \
            FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_class t ON t.oid = c.confrelid \
            WHERE c.conrelid = to_regclass(quote_ident($1)) AND c.contype = 'f' ORDER BY c.conname
            """, arguments: [.text(table)])).map { row in
            SeedCompiler.ForeignKey(columns: (row[0] ?? "").components(separatedBy: "\n"), targetTable: row[1] ?? "",
                                        targetColumns: (row[2] ?? "").components(separatedBy: "\n"))
        }
    }

    private func run<T>(_ statement: RenderedStatement, _ read: (OpaquePointer) -> T) throws -> T {
        try run(statement.sql, Arguments(statement.arguments), read)
    }

    /// Runs a statement with its arguments as text and reads the result, or throws
    /// the server's report.
    private func run<T>(_ sql: String, _ arguments: Arguments, _ read: (OpaquePointer) -> T) throws -> T {
        // Every value's text, NUL-terminated, in one buffer (a batch binds thousands).
        var bytes: [UInt8] = []
        var offsets = [Int?](repeating: nil, count: arguments.count)
        arguments.forEach { index, value in
            offsets[index] = bytes.count
            guard Self.appendText(of: value, to: &bytes) else { return offsets[index] = nil }
            bytes.append(0)
        }
        let types = [Oid](repeating: Self.textType, count: offsets.count)
        let name = offsets.isEmpty ? nil : try preparedName(sql, types: types)
        let result = bytes.withUnsafeBytes { buffer in
            offsets.map { offset in offset.map { (buffer.baseAddress! + $0).assumingMemoryBound(to: CChar.self) } }.withUnsafeBufferPointer { pointers in
                if let name { return pq.execPrepared(connection, name, Int32(pointers.count), pointers.baseAddress, nil, nil, 0) }
                return pq.execParams(connection, sql, Int32(pointers.count), types, pointers.baseAddress, nil, nil, 0)
            }
        }
        return try check(result, read)
    }

    /// The name of the prepared statement for `sql`, prepared the second time it runs;
    /// nil the first time.
    private func preparedName(_ sql: String, types: [Oid]) throws -> String? {
        if let name = prepared[sql] { return name }
        guard !seen.insert(sql).inserted else { return nil }
        let name = "seedc_\(prepared.count + 1)"
        try check(pq.prepare(connection, name, sql, Int32(types.count), types)) { _ in }
        seen.remove(sql)
        prepared[sql] = name
        return name
    }

    /// Reads a result, or throws the server's report.
    private func check<T>(_ result: OpaquePointer?, _ read: (OpaquePointer) -> T) throws -> T {
        guard let result else { throw DatabaseFailure(message: Self.text(pq.errorMessage(connection))) }
        defer { pq.clear(result) }
        switch pq.resultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return read(result)
        default:
            throw failure(result)
        }
    }

    private func failure(_ result: OpaquePointer) -> DatabaseFailure {
        func field(_ code: Character) -> String? {
            pq.resultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
        }
        var message = field("M") ?? Self.text(pq.errorMessage(connection))
        // "Failing row contains (…)" would print the row's values (a password hash
        // among them): that detail is left out; the table and column say enough.
        if let detail = field("D"), !detail.hasPrefix("Failing row contains") { message += " (\(detail))" }
        return DatabaseFailure(message: message, code: field("C"), table: field("t"), column: field("c"))
    }

    /// A value's text as PostgreSQL reads it for a text parameter; false for NULL.
    private static func appendText(of value: BorrowedValue, to bytes: inout [UInt8]) -> Bool {
        switch value {
        case let .real(d) where !d.isFinite:
            bytes += (d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity")).utf8
            return true
        case let .binary(data):
            // bytea's hex input; the statement casts the parameter to bytea.
            bytes += #"\x"#.utf8
            Hex.append(data, to: &bytes)
            return true
        default:
            return value.withText { bytes.append(contentsOf: $0) } != nil
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unknown libpq error"
    }
}
