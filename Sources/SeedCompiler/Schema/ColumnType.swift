/// The declared type of a column: it decides how a record's YAML scalar is read
/// (never YAML 1.1 guessing) and how the value is written for each database. This
/// enum is the one table of types: `ValueReader` reads by it, and `description` and
/// `valueSchema` say the same rules to people and to editors (`seedc schema`).
public enum ColumnType: String, CaseIterable, Sendable {
    case text, integer, real, boolean, date, datetime, email, url
    case markdown, html, list, json, password
    /// Bytes (SQLite BLOB, PostgreSQL bytea), written in YAML as base64.
    case binary
    /// An exact decimal number (NUMERIC, DECIMAL), kept as its digits, never a double.
    case decimal
    /// A column whose values seedc cannot carry exactly (marked by `seedc init`):
    /// records may not set it and `seedc capture` refuses its table.
    case unsupported

    /// The storage class the value takes in SQL, which decides literals and casts.
    var storage: SQLStorage {
        switch self {
        case .integer: .integer
        case .real: .real
        case .boolean: .boolean
        case .date: .date
        case .datetime: .timestamp
        case .binary: .binary
        case .decimal: .decimal
        case .text, .email, .url, .markdown, .html, .list, .json, .password, .unsupported: .text
        }
    }

    /// What a value must be, for messages ("expected an integer").
    var description: String {
        switch self {
        case .integer: "an integer"
        case .real: "a number"
        case .boolean: "true or false"
        case .date: "a date YYYY-MM-DD"
        case .datetime: "a date and time YYYY-MM-DD HH:MM[:SS]"
        case .email: "an email address"
        case .url: "a URL (http://, https://, mailto:, tel: or a path starting with /)"
        case .list: "a list of scalars"
        case .json: "JSON"
        case .password: "{env: NAME}"
        case .binary: "base64 text"
        case .decimal: "a decimal number"
        case .unsupported: "nothing (seedc cannot carry this column's values)"
        case .text, .markdown, .html: "text"
        }
    }

    /// The JSON Schema of a non-null value, as an editor reading YAML 1.2 sees it:
    /// `ValueReader` reads a scalar's text whatever a YAML 1.2 reader would type it
    /// as, so a text column also takes `0755` (a number to the editor) and an integer
    /// column also takes `"12"`.
    var valueSchema: JSONTree {
        let scalar: JSONTree = ["type": .strings(["string", "number", "boolean"])]
        func text(pattern: String) -> JSONTree { ["type": "string", "pattern": .string(pattern)] }
        switch self {
        case .text, .markdown, .html: return scalar
        case .integer: return ["anyOf": [["type": "integer"], text(pattern: "^[-+]?[0-9]+$")]]
        case .real: return ["anyOf": [["type": "number"], text(pattern: "^[-+.eE0-9]*[0-9][-+.eE0-9]*$")]]
        case .boolean: return ["enum": [.boolean(true), .boolean(false), "true", "false"]]
        case .date: return text(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        case .datetime:
            return text(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?)?(Z|[+-][0-9]{2}:[0-9]{2})?$")
        case .email: return text(pattern: "^[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]*[^@\\s.]$")
        case .url: return text(pattern: "^([hH][tT][tT][pP][sS]?://\\S+|[mM][aA][iI][lL][tT][oO]:\\S*|[tT][eE][lL]:\\S*|/([^/\\s]\\S*)?)$")
        case .list: return ["anyOf": [scalar, ["type": "array", "items": scalar]]]
        case .json: return [:]
        case .binary: return text(pattern: "^[A-Za-z0-9+/\\s]*=*\\s*$")
        case .decimal: return ["anyOf": [["type": "number"], text(pattern: "^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?$")]]
        case .unsupported: return ["not": [:]]
        case .password:
            return ["type": "object", "required": ["env"], "additionalProperties": .boolean(false),
                    "properties": ["env": text(pattern: "^[A-Za-z_][A-Za-z0-9_]*$")]]
        }
    }
}

/// How a value is stored, independent of what the content author declared.
public enum SQLStorage: Sendable, Hashable {
    case text, integer, real, boolean, date, timestamp, binary, decimal
    /// A datetime kept in its column's `format:` (a `timestamptz` in PostgreSQL when the
    /// format has a zone).
    case formatted(DateTimeFormat)
    /// Text cast to the column's `sql_type:` in PostgreSQL.
    case native(SQLTypeName)
}
