import CCmarkGFM

/// A link or image destination written in a markdown body, and where it is written.
public struct MarkdownLink: Sendable, Hashable {
    /// The URL as cmark reads it: entities and backslash escapes resolved, not percent-encoded.
    public var destination: String
    /// The destination's first character (for `[x]()`, the `)` where it would be).
    public var location: SourceLocation
}

public enum Markdown {
    /// HTML for `markdown`: CommonMark + GFM tables, strikethrough, autolinks (extension names "table", "strikethrough", "autolink"); SAFE mode: raw HTML is omitted and unsafe URLs (javascript:, vbscript:, file:, data: other than images) are dropped — the app inserts this HTML unescaped into its pages.
    public static func renderHTML(_ markdown: String) -> String {
        renderHTML(markdown, extensions: CmarkDocument.gfmExtensions)
    }

    /// HTML for `markdown` with only the named cmark-gfm extensions (none: plain CommonMark).
    static func renderHTML(_ markdown: String, extensions: [String]) -> String {
        CmarkDocument(markdown, extensions: extensions).html()
    }

    /// Every link and image destination in `markdown` with its exact position: `firstLine` is the file line of the markdown's first line (body after front matter); columns are 1-based and count Unicode scalars (characters), so they stay right after emoji/accents.
    ///
    /// Links are parsed as `renderHTML` parses them (autolinks included; unsafe URLs are
    /// reported too) and returned sorted by position. A reference link (`[x][ref]`)
    /// points at its definition's destination. See `LinkLocator` for how positions are found.
    public static func links(in markdown: String, file: String, firstLine: Int) -> [MarkdownLink] {
        let document = CmarkDocument(markdown, extensions: CmarkDocument.gfmExtensions)
        var locator = LinkLocator(markdown)
        var links: [MarkdownLink] = []
        document.forEachLinkOrImage { node in
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let (line, start, end) = locator.locate(node, url: url)
            let fileLine = firstLine + line
            links.append(MarkdownLink(destination: url, location: SourceLocation(
                file: file,
                start: SourcePosition(line: fileLine, column: start),
                end: SourcePosition(line: fileLine, column: end))))
        }
        return links.sorted { $0.location < $1.location }
    }
}
