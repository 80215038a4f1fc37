/// Bounds on what the loader accepts, so hostile input cannot exhaust time or memory.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of lists and mappings (100 by default).
    public var maxDepth: Int
    /// Most nodes in one document once aliases are expanded (100,000 by default): an
    /// alias counts as many nodes as its anchor holds, which stops "billion laughs".
    public var maxAliasExpansion: Int
    /// Longest scalar, in bytes (4 MiB by default).
    public var maxScalarLength: Int

    public init(maxDepth: Int = 100, maxAliasExpansion: Int = 100_000, maxScalarLength: Int = 4 << 20) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxScalarLength = maxScalarLength
    }

    public static let `default` = YAMLLimits()
}
