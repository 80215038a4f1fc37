/// A typed value as it will be stored. Dates and timestamps are kept as canonical
/// text (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS.ffffff`), the form SQLAlchemy reads back
/// from SQLite, so no time zone or locale can shift them.
public enum Value: Hashable, Sendable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
    case boolean(Bool)
    case date(String)
    /// A datetime as its column stores it: `YYYY-MM-DD HH:MM:SS.ffffff`, or the
    /// column's `format:`.
    case timestamp(String)
    /// Bytes (a `binary` column).
    case binary([UInt8])
    /// An exact decimal number, as its digits (`19.450000`).
    case decimal(String)

    /// The value as a plain string, for comparing references and keys and for messages.
    public var text: String? {
        switch self {
        case .null: nil
        case let .text(s), let .date(s), let .timestamp(s), let .decimal(s): s
        case let .binary(bytes): Hex.string(bytes)
        case let .integer(i): String(i)
        case let .real(d): String(d)
        case let .boolean(b): b ? "true" : "false"
        }
    }
}

/// A record's value for one column.
public enum FieldValue: Hashable, Sendable {
    case value(Value)
    /// A secret read from the environment when the row is inserted (`{env: NAME}`).
    case secret(env: String)
    /// The time of applying (`default: now`).
    case now
}
