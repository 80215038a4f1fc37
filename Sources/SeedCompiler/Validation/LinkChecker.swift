/// Checks internal links against the routes the `seed` section declares: a link whose
/// path starts like a route (`/sectors/…` for `/sectors/{slug}`) must name an
/// existing value; `#` and empty links are placeholders, reported as warnings.
///
/// Links are checked as they are found; one naming a value that no record has had
/// so far waits for `finish`, when every record is in.
struct LinkChecker {
    /// A route's fixed prefix and where its placeholder's values come from.
    private struct Route {
        var pattern: String
        var prefix: String
        /// The record column that holds the values, or nil for the keys of a mapping.
        var column: ColumnValues.Column?
        /// The keys of the content's mapping, for `keys(of:)` routes.
        var keys: Set<String>
    }

    /// A link whose value was unknown when it was found.
    private struct Pending {
        var link: String
        var value: String
        var route: Int
        var location: SourceLocation
    }

    private let routes: [Route]
    private var pending: [Pending] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(schema: Schema, root: YAMLNode?) {
        routes = schema.routes.map { route in
            let prefix = String(route.pattern[..<route.pattern.firstIndex(of: "{")!])
            switch route.values {
            case let .column(table, column):
                return Route(pattern: route.pattern, prefix: prefix, column: .init(table: table, column: column), keys: [])
            case let .keys(of: key):
                return Route(pattern: route.pattern, prefix: prefix, column: nil, keys: Set(root?[key]?.mapping?.compactMap(\.key.scalar) ?? []))
            }
        }
    }

    /// The record columns routes take their values from.
    var routeColumns: [ColumnValues.Column] {
        routes.compactMap(\.column)
    }

    /// Every scalar value of a node of content.yaml that is a link: values of link-like
    /// keys (`path`, `url`, `href`, `link`) and any value starting with a route's prefix.
    mutating func check(content node: YAMLNode, values: ColumnValues) {
        guard !scalar(node, key: nil, values: values) else { return }
        // Collections wait here; a scalar is checked where it is found, not copied.
        var pending: [(node: YAMLNode, key: String?)] = [(node, nil)]
        while let (current, key) = pending.popLast() {
            switch current.content {
            case .scalar: break
            case let .sequence(items):
                for index in items.indices.reversed() where !scalar(items[index], key: key, values: values) {
                    pending.append((items[index], key))
                }
            case let .mapping(pairs):
                for index in pairs.indices.reversed() where !scalar(pairs[index].value, key: pairs[index].key.scalar, values: values) {
                    pending.append((pairs[index].value, pairs[index].key.scalar))
                }
            }
        }
    }

    /// Checks a scalar that is a link: the value of a link-like key, or one starting
    /// with a route's prefix. False for a collection.
    private mutating func scalar(_ node: YAMLNode, key: String?, values: ColumnValues) -> Bool {
        guard case let .scalar(text, _) = node.content else { return false }
        let linkKey = key.map(Self.isLinkKey) ?? false
        if linkKey || routes.contains(where: { text.hasPrefix($0.prefix) }) {
            check(text, at: node.location, placeholderCheck: linkKey, values: values)
        }
        return true
    }

    private static let linkKeys = ["path", "url", "href", "link"]

    /// `path`, `url`, `href` or `link` in any case. An ASCII key is compared byte by
    /// byte (a letter ORed with 0x20 is its lowercase); any other is lowercased first,
    /// which may shorten it (the Kelvin sign becomes k).
    private static func isLinkKey(_ key: String) -> Bool {
        var key = key
        let ascii: Bool? = key.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return linkKeys.contains { name in name.utf8.count == bytes.count && zip(name.utf8, bytes).allSatisfy { $0 == $1 | 0x20 } }
        }
        return ascii ?? linkKeys.contains(key.lowercased())
    }

    mutating func check(markdown body: String, file: String, firstLine: Int, values: ColumnValues) {
        for link in Markdown.links(in: body, file: file, firstLine: firstLine) {
            check(link.destination, at: link.location, placeholderCheck: true, values: values)
        }
    }

    /// Reports the links whose values no record had.
    mutating func finish(values: ColumnValues) {
        for link in pending {
            let known = self.values(of: routes[link.route], in: values)
            if !known.contains(link.value) { report(link.link, value: link.value, route: routes[link.route], known: known, at: link.location) }
        }
        pending = []
    }

    private mutating func check(_ link: String, at location: SourceLocation, placeholderCheck: Bool, values: ColumnValues) {
        if placeholderCheck, link.isEmpty || link == "#" {
            diagnostics.append(.warning(.placeholderLink, "placeholder link \"\(link)\": it leads nowhere; give the real address or remove the link", at: location))
            return
        }
        var path = Substring(link)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let index = routes.firstIndex(where: { path.hasPrefix($0.prefix) }) else { return }
        let route = routes[index]
        let value = String(path.dropFirst(route.prefix.count))
        guard !value.isEmpty, !value.contains("/") else { return }
        let known = self.values(of: route, in: values)
        if known.contains(value) { return }
        if route.column == nil {
            report(link, value: value, route: route, known: known, at: location)
        } else {
            pending.append(Pending(link: link, value: value, route: index, location: location))
        }
    }

    private func values(of route: Route, in values: ColumnValues) -> Set<String> {
        route.column.map { values[$0] } ?? route.keys
    }

    private mutating func report(_ link: String, value: String, route: Route, known: Set<String>, at location: SourceLocation) {
        diagnostics.append(.error(.brokenLink, "broken link \"\(link)\": no \(route.pattern) has \"\(value)\"" + Suggestions.hint(for: value, among: known.sorted()) + " (known: \(known.sorted().joined(separator: ", ")))", at: location))
    }
}
