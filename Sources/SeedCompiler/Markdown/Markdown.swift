import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A link or image destination in markdown, where it is written.
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    public var location: SourceLocation
}

/// Markdown through cmark-gfm: CommonMark plus GFM tables, strikethrough and autolinks.
public enum Markdown {
    static let extensions = ["table", "strikethrough", "autolink"]

    /// HTML in cmark-gfm's safe mode (the default since 0.29): raw HTML is replaced by
    /// a comment and `javascript:`, `vbscript:`, `file:` and non-image `data:` links
    /// are emptied, because the app inserts this HTML into its pages unescaped.
    public static func renderHTML(_ markdown: String) -> String {
        renderHTML(markdown, extensions: extensions)
    }

    static func renderHTML(_ markdown: String, extensions: [String]) -> String {
        CmarkDocument(markdown, extensions: extensions).html()
    }

    /// Every link and image destination, in document order, located in the source:
    /// `firstLine` is the file line of the markdown's first line; columns count characters.
    public static func links(in markdown: String, file: String, firstLine: Int) -> [MarkdownLink] {
        let document = CmarkDocument(markdown, extensions: extensions)
        var locator = LinkLocator(source: markdown)
        return document.links().map { link in
            let (line, column) = locator.locate(link.destination, fromLine: link.blockLine)
            return MarkdownLink(destination: link.destination, location: SourceLocation(
                file: file,
                start: SourcePosition(line: firstLine + line - 1, column: column),
                end: SourcePosition(line: firstLine + line - 1, column: column + link.destination.unicodeScalars.count)))
        }
    }
}

/// A parsed cmark-gfm document, freed with its parser.
private final class CmarkDocument {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private let parser: OpaquePointer
    private let root: OpaquePointer

    init(_ markdown: String, extensions: [String]) {
        _ = Self.registered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, buffer.count) }
        }
        self.parser = parser
        root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    func html() -> String {
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    struct Link {
        var destination: String
        /// The 1-based line (in the markdown) of the block holding the link.
        var blockLine: Int
    }

    func links() -> [Link] {
        var links: [Link] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            var block: OpaquePointer? = node
            while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            links.append(Link(destination: url, blockLine: Int(block.map { cmark_node_get_start_line($0) } ?? 1)))
        }
        return links
    }
}
