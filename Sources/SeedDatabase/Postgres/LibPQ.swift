import CLibPQ
import Foundation

/// libpq, loaded with `dlopen` the first time a PostgreSQL database is opened, so the
/// `seedc` binary needs no libpq to build, check or apply to SQLite (the release
/// tarball and wheel run on machines without it). `CLibPQ` gives the types and
/// constants only; each function is looked up by name with its C signature here.
struct LibPQ: @unchecked Sendable {
    /// The shared library's name on Debian, Ubuntu and most other Linux systems.
    static let libraryName = "libpq.so.5"

    /// The loaded library, or why it could not be loaded.
    static let shared = Result<LibPQ, any Error> { try LibPQ() }

    let connectdb: @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    let finish: @convention(c) (OpaquePointer?) -> Void
    let status: @convention(c) (OpaquePointer?) -> ConnStatusType
    let errorMessage: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let setClientEncoding: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32
    let execParams: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?,
                                    UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> OpaquePointer?
    let prepare: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?) -> OpaquePointer?
    let execPrepared: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32,
                                      UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> OpaquePointer?
    let resultStatus: @convention(c) (OpaquePointer?) -> ExecStatusType
    let resultErrorField: @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<CChar>?
    let ntuples: @convention(c) (OpaquePointer?) -> Int32
    let nfields: @convention(c) (OpaquePointer?) -> Int32
    let cmdStatus: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let cmdTuples: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    let getvalue: @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let getisnull: @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    let clear: @convention(c) (OpaquePointer?) -> Void

    private init() throws {
        guard let handle = dlopen(Self.libraryName, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            throw DatabaseFailure(message: "PostgreSQL needs libpq, which could not be loaded (\(reason)); install it, e.g. `apt-get install libpq5`")
        }
        func symbol<F>(_ name: String) throws -> F {
            guard let address = dlsym(handle, name) else {
                throw DatabaseFailure(message: "\(Self.libraryName) has no \(name); libpq 10 or later is needed")
            }
            return unsafeBitCast(address, to: F.self)
        }
        connectdb = try symbol("PQconnectdb")
        finish = try symbol("PQfinish")
        status = try symbol("PQstatus")
        errorMessage = try symbol("PQerrorMessage")
        setClientEncoding = try symbol("PQsetClientEncoding")
        execParams = try symbol("PQexecParams")
        prepare = try symbol("PQprepare")
        execPrepared = try symbol("PQexecPrepared")
        resultStatus = try symbol("PQresultStatus")
        resultErrorField = try symbol("PQresultErrorField")
        ntuples = try symbol("PQntuples")
        nfields = try symbol("PQnfields")
        cmdStatus = try symbol("PQcmdStatus")
        cmdTuples = try symbol("PQcmdTuples")
        getvalue = try symbol("PQgetvalue")
        getisnull = try symbol("PQgetisnull")
        clear = try symbol("PQclear")
    }
}
