import Foundation
import SeedDatabase

/// Which database a command uses: `--database`, else `$DATABASE_URL`, else
/// `seed.database`, else `<root>/seedc.db`.
public struct DatabaseChoice: Sendable {
    /// The SQLite file used when no database is given and `seed.database` is not set.
    public static let defaultFile = "seedc.db"

    /// `--database` as given.
    public var given: String?
    /// The process's environment (for `DATABASE_URL`).
    public var environment: [String: String]

    public init(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.given = given
        self.environment = environment
    }

    /// The database given by --database or `DATABASE_URL`, nil when it would come
    /// from content.yaml or the default. A path given there is relative to the
    /// current folder.
    public var explicitTarget: DatabaseTarget? {
        (given ?? environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }).map {
            DatabaseTarget($0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        }
    }

    /// The target: the explicit one, else `seed.database` or the default file,
    /// relative to the root.
    func target(root: URL, declared: String?) -> DatabaseTarget {
        explicitTarget ?? DatabaseTarget(declared ?? Self.defaultFile, relativeTo: root)
    }
}
