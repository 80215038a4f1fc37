// Placeholder: replaced by the libyaml event reader (helper branch `yaml`).
public struct YAMLLimits: Sendable {
    public var maxDepth: Int
    public var maxAliasExpansion: Int
    public var maxScalarLength: Int
    public static let `default` = YAMLLimits(maxDepth: 100, maxAliasExpansion: 100_000, maxScalarLength: 1 << 20)
}

public enum YAMLLoader {
    public static func loadStream(_ bytes: [UInt8], file: String, lineOffset: Int = 0, limits: YAMLLimits = .default) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        ([], [.error(.yamlSyntax, "not implemented", at: .file(file))])
    }
}
