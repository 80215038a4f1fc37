/// Checks internal links against the routes the `seed` section declares: a link whose
/// path starts like a route (`/sectors/…` for `/sectors/{slug}`) must name an
/// existing value; `#` and empty links are placeholders, reported as warnings.
struct LinkChecker {
    /// A route's fixed prefix and the values its placeholder can take.
    private struct Route {
        var pattern: String
        var prefix: String
        var values: Set<String>
    }

    private let routes: [Route]
    private(set) var diagnostics: [Diagnostic] = []

    init(schema: Schema, root: YAMLNode?, records: [Record]) {
        routes = schema.routes.map { route in
            let prefix = String(route.pattern[..<route.pattern.firstIndex(of: "{")!])
            var values: Set<String> = []
            switch route.values {
            case let .column(table, column):
                values = Set(records.filter { $0.table == table }.compactMap { $0.values[column].flatMap(RecordSetChecker.text) })
            case let .keys(of: key):
                values = Set(root?[key]?.mapping?.compactMap(\.key.scalar) ?? [])
            }
            return Route(pattern: route.pattern, prefix: prefix, values: values)
        }
    }

    /// Every scalar value of content.yaml that is a link: values of link-like keys
    /// (`path`, `url`, `href`, `link`) and any value starting with a route's prefix.
    mutating func check(content node: YAMLNode) {
        var pending: [(node: YAMLNode, key: String?)] = [(node, nil)]
        while let (current, key) = pending.popLast() {
            switch current.content {
            case let .scalar(text, _):
                let linkKey = key.map { ["path", "url", "href", "link"].contains($0.lowercased()) } ?? false
                if linkKey || routes.contains(where: { text.hasPrefix($0.prefix) }) {
                    check(text, at: current.location, placeholderCheck: linkKey)
                }
            case let .sequence(items):
                pending += items.reversed().map { ($0, key) }
            case let .mapping(pairs):
                pending += pairs.reversed().map { ($0.value, $0.key.scalar) }
            }
        }
    }

    mutating func check(markdown body: String, file: String, firstLine: Int) {
        for link in Markdown.links(in: body, file: file, firstLine: firstLine) {
            check(link.destination, at: link.location, placeholderCheck: true)
        }
    }

    private mutating func check(_ link: String, at location: SourceLocation, placeholderCheck: Bool) {
        if placeholderCheck, link.isEmpty || link == "#" {
            diagnostics.append(.warning(.placeholderLink, "placeholder link \"\(link)\": it leads nowhere; give the real address or remove the link", at: location))
            return
        }
        var path = Substring(link)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let route = routes.first(where: { path.hasPrefix($0.prefix) }) else { return }
        let value = String(path.dropFirst(route.prefix.count))
        guard !value.isEmpty, !value.contains("/") else { return }
        if !route.values.contains(value) {
            diagnostics.append(.error(.brokenLink, "broken link \"\(link)\": no \(route.pattern) has \"\(value)\"" + Suggestions.hint(for: value, among: route.values.sorted()) + " (known: \(route.values.sorted().joined(separator: ", ")))", at: location))
        }
    }
}
