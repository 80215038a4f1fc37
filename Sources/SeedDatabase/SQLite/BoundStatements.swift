import GRDB
import GRDBSQLite
import SeedCompiler

/// Statements with arguments, prepared once per text and bound through SQLite's C
/// API, for one transaction. apply's batches bind thousands of values per statement,
/// and GRDB's argument handling (an existential per value, each parameter's name
/// looked up) cost more than SQLite's own work. The statements are finalized when the
/// transaction ends (`finalize`).
final class BoundStatements {
    private let connection: OpaquePointer
    private var prepared: [String: OpaquePointer] = [:]

    /// SQLite copies each text it binds.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init?(_ db: Database) {
        guard let connection = db.sqliteConnection else { return nil }
        self.connection = connection
    }

    /// Runs `sql` to completion with `arguments` bound; the number of rows it changed.
    func execute(_ sql: String, arguments: Arguments) throws -> Int {
        let handle = try prepare(sql)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        arguments.forEach { index, value in Self.bind(value, to: handle, at: Int32(index + 1)) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_DONE: return Int(sqlite3_changes(connection))
            case SQLITE_ROW: continue
            default:
                let error = DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
                                          message: String(cString: sqlite3_errmsg(connection)), sql: sql)
                sqlite3_reset(handle)
                throw error
            }
        }
    }

    /// Finalizes every statement; call before the connection is used otherwise.
    func finalize() {
        for handle in prepared.values { sqlite3_finalize(handle) }
        prepared.removeAll()
    }

    private func prepare(_ sql: String) throws -> OpaquePointer {
        if let handle = prepared[sql] { return handle }
        var handle: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &handle, nil) == SQLITE_OK, let handle else {
            throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
                                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        prepared[sql] = handle
        return handle
    }

    /// Binds a value as GRDB would: text (dates, timestamps and decimals as their text,
    /// which the column's affinity reads as the app's values are read), bytes as a
    /// blob, 64-bit integers, doubles, booleans as 0 and 1.
    private static func bind(_ value: BorrowedValue, to handle: OpaquePointer, at index: Int32) {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case let .binary(bytes):
            // A zero-length blob, not NULL, for empty bytes.
            _ = sqlite3_bind_blob(handle, index, bytes.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), transient)
        case let .text(bytes), let .date(bytes), let .timestamp(bytes), let .decimal(bytes):
            // An empty buffer may have no address, and SQLite binds NULL for none.
            guard let base = bytes.baseAddress else {
                _ = sqlite3_bind_text(handle, index, "", 0, transient)
                return
            }
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        case let .integer(number): sqlite3_bind_int64(handle, index, number)
        case let .real(number): sqlite3_bind_double(handle, index, number)
        case let .boolean(flag): sqlite3_bind_int64(handle, index, flag ? 1 : 0)
        }
    }
}
