import SeedCompiler
import SeedDatabase
import SeedFiles

/// What ends a command that cannot go on: problems, each a diagnostic with its id, and
/// the files they point into. Flows throw it (or any error below); the one place that
/// reports it is `Reporter.failure`, and the command then exits 1.
public struct CommandFailure: Error {
    public var diagnostics: [Diagnostic]
    public var sources: [String: any ByteSource]

    public init(_ diagnostics: [Diagnostic], sources: [String: any ByteSource] = [:]) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// One error that belongs to no place in the content.
    public init(_ id: DiagnosticID, _ message: String) {
        self.init([.error(id, message, at: nil)])
    }

    /// Any error as the diagnostics it is reported as: a database's refusal or an
    /// unwritable file gets its own id; anything else is an `internal-error`.
    static func diagnostics(of error: any Error) -> ([Diagnostic], [String: any ByteSource]) {
        switch error {
        case let failure as CommandFailure: (failure.diagnostics, failure.sources)
        case let diagnostic as Diagnostic: ([diagnostic], [:])
        case let failure as DatabaseError: ([.error(.databaseError, "\(failure.target): \(failure.error)", at: nil)], [:])
        case let failure as OutputWriter.Failure: ([.error(.writeFailed, failure.description, at: nil)], [:])
        default: ([.error(.internalError, "\(error)", at: nil)], [:])
        }
    }
}

/// An error from a database, with the database it came from (named in the message,
/// its password never shown: `DatabaseTarget`'s description).
struct DatabaseError: Error {
    var target: DatabaseTarget
    var error: any Error
}

extension DatabaseTarget {
    /// Runs `body`, tagging what it throws with this database; failures already made
    /// (`CommandFailure`, diagnostics) pass through.
    func during<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as CommandFailure {
            throw failure
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw DatabaseError(target: self, error: error)
        }
    }
}
