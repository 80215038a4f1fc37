// Placeholder: replaced by the cmark-gfm renderer (helper branch `markdown`).
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    public var location: SourceLocation
}

public enum Markdown {
    public static func renderHTML(_ markdown: String) -> String { markdown }
    public static func links(in markdown: String, file: String, firstLine: Int) -> [MarkdownLink] { [] }
}
