/// A YAML node as read from libyaml's events, with the span it covers in its file.
///
/// Scalars are kept as text with their style: typing them is the schema's job
/// (`no` stays the string "no" until a boolean column asks for a boolean).
/// Aliases are resolved to a copy of their anchor's node (Swift values share storage,
/// so this costs no memory); the loader bounds the total expansion.
public struct YAMLNode: Sendable, Hashable {
    public enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public enum Content: Sendable, Hashable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// The explicit tag, if any (`!!str`, `!foo`), as libyaml reports it (resolved prefix).
    public var tag: String?
    public var location: SourceLocation

    public init(_ content: Content, tag: String? = nil, location: SourceLocation) {
        self.content = content
        self.tag = tag
        self.location = location
    }
}

public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

extension YAMLNode {
    /// The scalar's text, or nil for collections.
    public var scalar: String? {
        if case let .scalar(text, _) = content { return text }
        return nil
    }

    /// True for a plain scalar that YAML's core schema reads as null: empty, `~`, `null`.
    public var isNull: Bool {
        guard tag == nil || tag == "tag:yaml.org,2002:null", case let .scalar(text, .plain) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    public var sequence: [YAMLNode]? {
        if case let .sequence(items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case let .mapping(pairs) = content { return pairs }
        return nil
    }

    /// The value of the first pair whose key is the scalar `key`.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// A short human name of the node's kind, for messages.
    public var kindName: String {
        switch content {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
