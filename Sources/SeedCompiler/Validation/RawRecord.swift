/// A record as written, before typing: one mapping of `seed.records` or of an include
/// file, or one markdown file of a collection.
struct RawRecord {
    struct Field {
        var name: String
        var nameLocation: SourceLocation
        var value: YAMLNode
    }

    var table: String
    /// Its position in its table's list; nil for a markdown file.
    var ordinal: Int?
    var location: SourceLocation
    var fields: [Field]
    /// Fields every record of a markdown collection has (`slug`, `body`): never unknown.
    var implicitFields: Set<String> = []

    /// How messages name the record: `users[0]`, or `sectors/health.md`.
    var label: String { Record.label(table: table, ordinal: ordinal, file: location.file) }
}

/// A validated record: typed values by the position of their column in the table's
/// declaration.
public struct Record: Sendable {
    public var table: String
    /// Its position in its table's list; nil for a markdown file.
    public var ordinal: Int?
    public var location: SourceLocation
    /// One per declared column; nil where the record leaves the column alone.
    public var values: [FieldValue?]
    /// Where each value is written (for an html column, the markdown it is made from).
    public var locations: [SourceLocation?]
    /// The natural key's values, in key order, as text.
    public var key: [String]

    /// How messages name the record: `users[0]`, or `sectors/health.md` (made when a
    /// message needs it, not per record).
    public var label: String { Self.label(table: table, ordinal: ordinal, file: location.file) }

    static func label(table: String, ordinal: Int?, file: String) -> String {
        ordinal.map { "\(table)[\($0)]" } ?? file
    }

    /// `users[0] (admin)`: the label and, when known, the natural key.
    var title: String {
        Self.title(label: label, key: key)
    }

    static func title(label: String, key: [String]) -> String {
        key.isEmpty || label.hasSuffix(".md") ? label : "\(label) (\(key.joined(separator: ", ")))"
    }

    /// The natural key as the ledger keeps it: the value of a one-column key, or a JSON
    /// array of the values.
    public static func keyText(_ key: [String]) -> String {
        key.count == 1 ? key[0] : "[" + key.map(JSONText.quoted).joined(separator: ",") + "]"
    }

    /// A field's value as a plain string, for keys, references and routes; nil for
    /// `now` and secrets.
    static func text(_ value: FieldValue) -> String? {
        if case let .value(v) = value { return v.text }
        return nil
    }
}
