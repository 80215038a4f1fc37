/// Shell-style path patterns for `include:`: `*` and `?` match within one path
/// component, `**` matches any number of components.
public enum Glob {
    public static func matches(_ path: String, pattern: String) -> Bool {
        match(ArraySlice(path.split(separator: "/", omittingEmptySubsequences: true)),
              ArraySlice(pattern.split(separator: "/", omittingEmptySubsequences: true)))
    }

    /// The leading components without wildcards: the folder to search.
    public static func base(of pattern: String) -> String {
        pattern.split(separator: "/").prefix { !$0.contains(where: { "*?[".contains($0) }) }.dropLast(isLiteral(pattern) ? 1 : 0).joined(separator: "/")
    }

    public static func isLiteral(_ pattern: String) -> Bool {
        !pattern.contains(where: { "*?[".contains($0) })
    }

    private static func match(_ path: ArraySlice<Substring>, _ pattern: ArraySlice<Substring>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            return (path.startIndex...path.endIndex).contains { match(path[$0...], pattern.dropFirst()) }
        }
        guard let component = path.first, matchComponent(Array(component.unicodeScalars)[...], Array(head.unicodeScalars)[...]) else { return false }
        return match(path.dropFirst(), pattern.dropFirst())
    }

    private static func matchComponent(_ s: ArraySlice<Unicode.Scalar>, _ p: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        switch first {
        case "*":
            return (s.startIndex...s.endIndex).contains { matchComponent(s[$0...], p.dropFirst()) }
        case "?":
            return !s.isEmpty && matchComponent(s.dropFirst(), p.dropFirst())
        default:
            return s.first == first && matchComponent(s.dropFirst(), p.dropFirst())
        }
    }
}
