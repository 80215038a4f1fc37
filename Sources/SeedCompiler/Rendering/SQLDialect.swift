/// How one database spells statements, literals, parameters and identifiers. This is
/// the only place SQL text is made, and every value and name goes through it.
struct SQLDialect {
    enum Engine {
        case sqlite, postgres
    }

    /// How parameters are written: not at all (scripts), `:name` (Python's sqlite3),
    /// or `%(name)s` (psycopg2, where a literal `%` must then be doubled).
    enum Parameters {
        case none, colonNamed, pyformat
    }

    var engine: Engine
    var parameters: Parameters = .none

    func identifier(_ id: SQLIdentifier) -> String {
        var quoted = "\"" + id.name.replacing("\"", with: "\"\"") + "\""
        if parameters == .pyformat { quoted = quoted.replacing("%", with: "%%") }
        return quoted
    }

    func literal(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case let .text(s): return string(s)
        case let .integer(i): return String(i)
        case let .real(d): return String(d)
        case let .boolean(b):
            return engine == .sqlite ? (b ? "1" : "0") : (b ? "TRUE" : "FALSE")
        case let .date(s):
            return engine == .sqlite ? string(s) : "DATE " + string(s)
        case let .timestamp(s):
            return engine == .sqlite ? string(s) : "TIMESTAMP " + string(s)
        }
    }

    /// A string literal: quotes doubled; PostgreSQL scripts set
    /// `standard_conforming_strings`, so backslashes are plain characters in both.
    private func string(_ s: String) -> String {
        var quoted = "'" + s.replacing("'", with: "''") + "'"
        if parameters == .pyformat { quoted = quoted.replacing("%", with: "%%") }
        return quoted
    }

    func expression(_ e: SQLExpression) -> String {
        switch e {
        case let .value(v):
            return literal(v)
        case let .parameter(name, storage):
            let placeholder = parameters == .pyformat ? "%(\(name))s" : ":" + name
            guard engine == .postgres else { return placeholder }
            return "CAST(\(placeholder) AS \(postgresType(storage)))"
        case let .now(storage):
            switch (engine, storage) {
            case (.sqlite, .date): return "date('now')"
            case (.sqlite, _): return "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
            case (.postgres, .date): return "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS date)"
            case (.postgres, _): return "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS timestamp)"
            }
        case let .lookup(table, column, key, value):
            return "(SELECT \(identifier(column)) FROM \(identifier(table)) WHERE \(identifier(key)) = \(expression(value)))"
        }
    }

    func statement(_ s: SQLStatement) -> String {
        switch s {
        case let .exists(table, match):
            return "SELECT 1 FROM \(identifier(table)) WHERE \(conjunction(match))"
        case let .insertIfMissing(table, values, match):
            let columns = values.map { identifier($0.column) }.joined(separator: ", ")
            let selected = values.map { expression($0.value) }.joined(separator: ", ")
            return "INSERT INTO \(identifier(table)) (\(columns)) SELECT \(selected) WHERE NOT EXISTS (SELECT 1 FROM \(identifier(table)) WHERE \(conjunction(match)))"
        case let .updateIfDifferent(table, set, match, compare):
            let assignments = set.map { "\(identifier($0.column)) = \(expression($0.value))" }.joined(separator: ", ")
            let differs = compare.map { "\(identifier($0.column)) \(distinct) \(expression($0.value))" }.joined(separator: " OR ")
            return "UPDATE \(identifier(table)) SET \(assignments) WHERE \(conjunction(match)) AND (\(differs))"
        }
    }

    /// Null-safe inequality: NULL differs from a value and equals NULL.
    private var distinct: String { engine == .sqlite ? "IS NOT" : "IS DISTINCT FROM" }

    private func conjunction(_ match: [SQLStatement.Assignment]) -> String {
        match.map { "\(identifier($0.column)) = \(expression($0.value))" }.joined(separator: " AND ")
    }

    private func postgresType(_ storage: SQLStorage) -> String {
        switch storage {
        case .text: "text"
        case .integer: "bigint"
        case .real: "double precision"
        case .boolean: "boolean"
        case .date: "date"
        case .timestamp: "timestamp"
        }
    }

    /// The advisory lock every seedc writer to PostgreSQL takes for its transaction:
    /// the bytes of "seedc" as an integer.
    static let postgresLockKey: Int64 = 0x73_65_65_64_63

    /// Statements opening the one transaction a seed script runs in.
    var begin: [String] {
        switch engine {
        case .sqlite: ["BEGIN IMMEDIATE"]
        case .postgres: ["BEGIN", "SET LOCAL standard_conforming_strings = on", "SELECT pg_advisory_xact_lock(\(Self.postgresLockKey))"]
        }
    }
}
