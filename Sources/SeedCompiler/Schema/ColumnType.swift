/// The declared type of a column: it decides how a record's YAML scalar is read
/// (never YAML 1.1 guessing) and how the value is written for each database.
public enum ColumnType: String, CaseIterable, Sendable {
    case text, integer, real, boolean, date, datetime, email, url
    case markdown, html, list, json, password

    /// The storage class the value takes in SQL, which decides literals and casts.
    var storage: SQLStorage {
        switch self {
        case .integer: .integer
        case .real: .real
        case .boolean: .boolean
        case .date: .date
        case .datetime: .timestamp
        case .text, .email, .url, .markdown, .html, .list, .json, .password: .text
        }
    }
}

/// How a value is stored, independent of what the content author declared.
public enum SQLStorage: Sendable, Hashable {
    case text, integer, real, boolean, date, timestamp
}
