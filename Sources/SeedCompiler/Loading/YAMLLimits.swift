/// Bounds on what the loader accepts, so hostile input cannot exhaust time or memory.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of lists and mappings (100 by default).
    public var maxDepth: Int
    /// Most nodes that aliases may bring into one document (100,000 by default): an
    /// alias counts as many nodes as its anchor holds, nested aliases expanded, which
    /// stops "billion laughs". Documents without aliases may be of any size.
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
