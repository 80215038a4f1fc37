import Foundation
import SeedCompiler

/// Where `seedc plan` and `apply` go: `postgres://` and `postgresql://` URLs (handed to
/// libpq as they are, `sslmode` and all), `sqlite:PATH`, SQLAlchemy's `sqlite:///PATH`,
/// or a plain file path.
public enum DatabaseTarget: Equatable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public init(_ text: String, relativeTo base: URL) {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(url: text)
            return
        }
        var path = text
        for prefix in ["sqlite:///", "sqlite://", "sqlite:"] where lower.hasPrefix(prefix) {
            path = String(text.dropFirst(prefix.count))
            // sqlite:////abs (SQLAlchemy) and sqlite:/abs both name an absolute path.
            break
        }
        if path.hasPrefix("//") { path.removeFirst() }
        self = .sqlite(path: path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardizedFileURL.path)
    }

    /// A SQLite file that does not exist (nothing to read; `open(create:)` makes it).
    public var isMissingFile: Bool {
        if case let .sqlite(path) = self { !FileManager.default.fileExists(atPath: path) } else { false }
    }

    /// Without the password of a URL.
    public var description: String {
        switch self {
        case let .sqlite(path): return "sqlite:" + path
        case let .postgres(url):
            guard var components = URLComponents(string: url), components.password != nil else {
                return ConnectionPasswords(in: url).redacted(url)
            }
            components.password = "***"
            return components.string ?? "postgres://…"
        }
    }

    /// Opens the database; a SQLite file is created only when `create` is set.
    public func open(create: Bool) throws -> DatabaseConnection {
        switch self {
        case let .sqlite(path): try SQLiteConnection(path: path, create: create)
        case let .postgres(url): try PostgresConnection(url: url)
        }
    }
}
