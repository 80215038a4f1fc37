/// `sql_type:` of a column: the PostgreSQL type its values are cast to (`uuid`,
/// `jsonb`, `text[]`, an enum, `time`, `interval`, `money`, `inet`, …). The value is
/// kept as the text PostgreSQL writes for it and read back through the type, so any
/// type with a text form round-trips. SQLite stores the same text.
///
/// The name is checked against a small grammar before it is ever written, so it can
/// hold no quote that ends it and nothing else: words (letters, digits, `_`, `$`;
/// a word may be double-quoted without `"` inside it, for an enum named in capitals),
/// one `.` between a schema and a name, single spaces between words (`time with
/// time zone`), then `(n)` or `(n,m)`, then `[]` any number of times.
public struct SQLTypeName: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        guard Self.isValid(Array(text.utf8)) else { return nil }
        self.text = text
    }

    public var description: String { text }

    /// Whether the type is an array (`text[]`).
    public var isArray: Bool { text.hasSuffix("[]") }

    private static func isValid(_ s: [UInt8]) -> Bool {
        var i = 0
        func word() -> Bool {
            if i < s.count, s[i] == UInt8(ascii: "\"") {
                let start = i + 1
                i = start
                while i < s.count, s[i] != UInt8(ascii: "\""), s[i] >= 0x20, s[i] != 0x7F { i += 1 }
                guard i < s.count, s[i] == UInt8(ascii: "\""), i > start else { return false }
                i += 1
                return true
            }
            guard i < s.count, isLetter(s[i]) else { return false }
            while i < s.count, isLetter(s[i]) || isDigit(s[i]) || s[i] == UInt8(ascii: "$") { i += 1 }
            return true
        }
        guard word() else { return false }
        if i < s.count, s[i] == UInt8(ascii: ".") {
            i += 1
            guard word() else { return false }
        }
        while i < s.count, s[i] == UInt8(ascii: " ") {
            i += 1
            guard word() else { return false }
        }
        if i < s.count, s[i] == UInt8(ascii: "(") {
            i += 1
            guard number() else { return false }
            if i < s.count, s[i] == UInt8(ascii: ",") {
                i += 1
                if i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
                guard number() else { return false }
            }
            guard i < s.count, s[i] == UInt8(ascii: ")") else { return false }
            i += 1
        }
        while i + 1 < s.count, s[i] == UInt8(ascii: "["), s[i + 1] == UInt8(ascii: "]") { i += 2 }
        return i == s.count

        func number() -> Bool {
            let start = i
            while i < s.count, isDigit(s[i]) { i += 1 }
            return i > start && i - start <= 9
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) || c == UInt8(ascii: "_")
    }

    private static func isDigit(_ c: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
    }
}
