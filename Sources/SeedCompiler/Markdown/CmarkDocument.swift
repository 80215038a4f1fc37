import CCmarkGFM
import Foundation

/// A markdown text parsed by cmark-gfm. It owns its parser and the document's root
/// node and frees both when it goes away, so no cmark allocation outlives it.
///
/// Parsing uses `CMARK_OPT_DEFAULT`, which in cmark-gfm 0.29 is *safe* mode: raw HTML
/// is rendered as `<!-- raw HTML omitted -->` and links or images whose URL is
/// `javascript:`, `vbscript:`, `file:` or `data:` (except `data:image/png|gif|jpeg|webp`)
/// get an empty `href`/`src`. `CMARK_OPT_UNSAFE` is never set.
final class CmarkDocument {
    /// The GitHub extensions seedc renders with.
    static let gfmExtensions = ["table", "strikethrough", "autolink"]

    private static let options = CMARK_OPT_DEFAULT

    /// Registers the core extensions once; `static let` initialisation is thread-safe,
    /// unlike `cmark_gfm_core_extensions_ensure_registered`'s own unguarded flag.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    private let parser: OpaquePointer
    /// The document node; valid as long as this object lives.
    let root: OpaquePointer

    /// Serialises parsing: cmark-gfm 0.29.0.gfm.6 keeps the table of inline special
    /// characters in one global array, which each parse edits to add and then remove the
    /// characters of its extensions (`~` for strikethrough, `w` and `:` for autolinks).
    /// Two parses at once lose them (github/cmark-gfm#176). Rendering and reading
    /// finished documents touch no global state and run concurrently.
    private static let parseLock = NSLock()

    /// Parses `markdown` with the named syntax extensions (unknown names are ignored).
    init(_ markdown: String, extensions: [String]) {
        Self.registered
        var text = markdown
        (parser, root) = text.withUTF8 { bytes in
            Self.parseLock.withLock {
                let parser = cmark_parser_new(Self.options)!
                for name in extensions {
                    if let syntaxExtension = cmark_find_syntax_extension(name) {
                        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                    }
                }
                if let base = bytes.baseAddress, !bytes.isEmpty {
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        cmark_parser_feed(parser, $0, bytes.count)
                    }
                }
                return (parser, cmark_parser_finish(parser)!)
            }
        }
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document as HTML, exactly as cmark renders it (a trailing newline included).
    func html() -> String {
        guard let rendered = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Calls `body` with every link and image node as the iterator leaves it, which is
    /// the order of their destinations in the source: a link's destination follows its
    /// text, so an image inside a link comes before the link.
    func forEachLinkOrImage(_ body: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { body(node) }
        }
    }
}
