// Placeholder: replaced by the front matter splitter (helper branch `markdown`).
public struct FrontMatterDocument: Sendable {
    public var frontMatter: YAMLNode
    public var body: String
    public var bodyStartLine: Int
}

public enum FrontMatter {
    public static func split(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> (FrontMatterDocument?, [Diagnostic]) {
        (nil, [.error(.missingFrontMatter, "not implemented", at: .file(file))])
    }
}
