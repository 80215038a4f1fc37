/// A record as written, before typing: one mapping of `seed.records` or of an include
/// file, or one markdown file of a collection.
struct RawRecord {
    struct Field {
        var name: String
        var nameLocation: SourceLocation
        var value: YAMLNode
    }

    var table: String
    /// How messages name the record: `users[0]`, or `sectors/health.md`.
    var label: String
    var location: SourceLocation
    var fields: [Field]
    /// Fields every record of a markdown collection has (`slug`, `body`): never unknown.
    var implicitFields: Set<String> = []
}

/// A validated record: typed values by column name, for the columns it sets.
public struct Record: Sendable {
    public var table: String
    public var label: String
    public var location: SourceLocation
    public var values: [String: FieldValue]
    public var locations: [String: SourceLocation]
    /// The natural key's values, in key order, as text.
    public var key: [String]

    /// `users[0] (admin)`: the label and, when known, the natural key.
    var title: String {
        key.isEmpty || label.hasSuffix(".md") ? label : "\(label) (\(key.joined(separator: ", ")))"
    }
}
