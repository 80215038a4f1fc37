import CCmarkGFM

/// Every place in a markdown text where a link destination is written, found in one
/// pass over the bytes: after `](` (inline links and images) and after `]:` (link
/// reference definitions). Each is keyed by the URL cmark makes of it, so a link node's
/// URL finds the text it came from. A destination is the byte range of its text without
/// `<` `>`; an empty destination is an empty range where it would start.
///
/// The scan is purely lexical (a `](` inside a code span counts too); `LinkLocator`
/// only uses it within the lines of the block that holds the link.
struct WrittenDestinations {
    /// Inline destinations by URL, in source order.
    private(set) var inline: [String: [Range<Int>]] = [:]
    /// All inline destinations, in source order.
    private(set) var allInline: [Range<Int>] = []
    /// The destination of the first reference definition of each URL.
    private(set) var definitions: [String: Range<Int>] = [:]

    init(_ bytes: [UInt8]) {
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "]") else { continue }
            let next = bytes[index + 1]
            guard next == UInt8(ascii: "(") || next == UInt8(ascii: ":"),
                  let (destination, written) = Self.destination(in: bytes, after: index + 2)
            else { continue }
            let url = Self.url(written: written, raw: bytes[destination])
            // Go on after the destination: scanning again inside it could repeat the
            // same long scan at every `](` it contains.
            index = max(index, destination.upperBound - 1)
            if next == UInt8(ascii: "(") {
                inline[url, default: []].append(destination)
                allInline.append(destination)
            } else if definitions[url] == nil {
                definitions[url] = destination
            }
        }
    }

    /// The destination starting at `start` (after optional spaces, tabs and one line
    /// ending), and its text as written including any `<` `>`.
    private static func destination(in bytes: [UInt8], after start: Int) -> (Range<Int>, ArraySlice<UInt8>)? {
        var index = skipWhitespace(in: bytes, from: start)
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "<"), let close = closingAngle(in: bytes, after: index) {
            return (index + 1..<close, bytes[index...close])
        }
        let first = index
        var depth = 0
        scan: while index < bytes.count {
            switch bytes[index] {
            case 0...0x20, 0x7F: break scan
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                if depth == 0 { break scan }
                depth -= 1
            default: break
            }
            index += 1
        }
        index = min(index, bytes.count)
        return (first..<index, bytes[first..<index])
    }

    private static func skipWhitespace(in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var sawLineEnding = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) && !sawLineEnding {
                sawLineEnding = true
                index += 1
                if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            } else {
                break
            }
        }
        return index
    }

    /// The offset of the `>` closing a `<` destination on the same line, if any.
    private static func closingAngle(in bytes: [UInt8], after open: Int) -> Int? {
        var index = open + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ">"): return index
            case UInt8(ascii: "<"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return nil
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    /// The URL cmark makes of a written destination. Plain text is taken as is; text
    /// with entity references or backslash escapes is resolved by cmark itself, so the
    /// rules are exactly cmark's.
    private static func url(written: ArraySlice<UInt8>, raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\\") }) else {
            return String(decoding: raw, as: UTF8.self)
        }
        let probe = "[](" + String(decoding: written, as: UTF8.self) + ")"
        var url: String?
        CmarkDocument(probe, extensions: []).forEachLinkOrImage { node in
            url = url ?? cmark_node_get_url(node).map { String(cString: $0) }
        }
        return url ?? String(decoding: raw, as: UTF8.self)
    }
}
