/// `format:` of a datetime column: the text form the database keeps its values in, so
/// a value comes back as it was stored (`2016-07-04`, `2021-01-01 00:00:00`,
/// `2021-01-01T00:00:00.123Z`). Written as a pattern: `YYYY-MM-DD`, then optionally a
/// space or `T` and `HH:MM`, `:SS`, `.` and one to six `f` (fraction digits), then
/// optionally a zone: `Z`, `+00`, `+0000` or `+00:00`. Values are kept in UTC: a zone
/// in the pattern is always written as UTC's. Without `format:` a datetime is written
/// `YYYY-MM-DD HH:MM:SS.ffffff`, the form SQLAlchemy reads back from SQLite.
public struct DateTimeFormat: Hashable, Sendable {
    /// The time of day, when the format has one.
    public struct Time: Hashable, Sendable {
        /// `" "` or `"T"` between the date and the time.
        public var separator: Character
        public var seconds: Bool
        /// Digits after the seconds' point (0: no point).
        public var fraction: Int
    }

    /// How UTC is written after the time.
    public enum Zone: String, Hashable, Sendable, CaseIterable {
        case z = "Z", hours = "+00", compact = "+0000", hoursMinutes = "+00:00"
    }

    public var time: Time?
    public var zone: Zone?

    /// `YYYY-MM-DD HH:MM:SS.ffffff`: the form of datetimes without `format:`.
    public static let canonical = DateTimeFormat(time: Time(separator: " ", seconds: true, fraction: 6), zone: nil)

    public init(time: Time?, zone: Zone?) {
        self.time = time
        self.zone = zone
    }

    /// Reads a pattern (`YYYY-MM-DD HH:MM:SS`); nil when it is not one.
    public init?(pattern: String) {
        var rest = Substring(pattern)
        guard rest.hasPrefix("YYYY-MM-DD") else { return nil }
        rest = rest.dropFirst(10)
        if let separator = rest.first, separator == " " || separator == "T" {
            guard rest.dropFirst().hasPrefix("HH:MM") else { return nil }
            rest = rest.dropFirst(6)
            var time = Time(separator: separator, seconds: false, fraction: 0)
            if rest.hasPrefix(":SS") {
                time.seconds = true
                rest = rest.dropFirst(3)
                if rest.hasPrefix(".") {
                    let digits = rest.dropFirst().prefix { $0 == "f" }.count
                    guard (1...6).contains(digits) else { return nil }
                    time.fraction = digits
                    rest = rest.dropFirst(1 + digits)
                }
            }
            self.time = time
        }
        if rest.isEmpty { return }
        guard time != nil, let zone = Zone(rawValue: String(rest)) else { return nil }
        self.zone = zone
    }

    /// The pattern, as `format:` takes it.
    public var pattern: String {
        var out = "YYYY-MM-DD"
        if let time {
            out += String(time.separator) + "HH:MM"
            if time.seconds { out += ":SS" }
            if time.fraction > 0 { out += "." + String(repeating: "f", count: time.fraction) }
        }
        return out + (zone?.rawValue ?? "")
    }

    /// Whether the format keeps the instant with its zone: on PostgreSQL such a column
    /// is a `timestamptz`.
    public var hasZone: Bool { zone != nil }

    /// `canonical` (`YYYY-MM-DD HH:MM:SS.ffffff`, UTC) in this format; nil when the
    /// format would drop a part that is not zero (a time, seconds or fraction digits).
    public func render(canonical: String) -> String? {
        let s = Array(canonical.utf8)
        guard s.count == 26 else { return nil }
        func text(_ range: Range<Int>) -> String { String(decoding: s[range], as: UTF8.self) }
        func zero(_ range: Range<Int>) -> Bool { s[range].allSatisfy { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") } }
        guard let time else { return zero(11..<26) ? text(0..<10) : nil }
        var out = text(0..<10) + String(time.separator) + text(11..<16)
        guard time.seconds else { return zero(16..<26) ? out + zoneText : nil }
        out += text(16..<19)
        guard zero((20 + time.fraction)..<26) else { return nil }
        if time.fraction > 0 { out += text(19..<(20 + time.fraction)) }
        return out + zoneText
    }

    private var zoneText: String { zone?.rawValue ?? "" }

    /// The format a stored value is written in, or nil when it is in none of them.
    public static func of(_ text: String) -> DateTimeFormat? {
        let s = Array(text.utf8)
        guard s.count >= 10, DateTimeParser.date(String(decoding: s[0..<10], as: UTF8.self)) != nil else { return nil }
        var format = DateTimeFormat(time: nil, zone: nil)
        var i = 10
        if i < s.count {
            guard s[i] == UInt8(ascii: " ") || s[i] == UInt8(ascii: "T"), s.count >= i + 6 else { return nil }
            var time = Time(separator: Character(UnicodeScalar(s[i])), seconds: false, fraction: 0)
            i += 6
            if i < s.count, s[i] == UInt8(ascii: ":") {
                time.seconds = true
                i += 3
                if i < s.count, s[i] == UInt8(ascii: ".") {
                    i += 1
                    while i < s.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[i]) {
                        time.fraction += 1
                        i += 1
                    }
                }
            }
            format.time = time
            if i < s.count {
                let rest = String(decoding: s[i...], as: UTF8.self)
                format.zone = rest == "Z" ? .z : Zone.allCases.first { $0 != .z && rest.count == $0.rawValue.count && (rest.first == "+" || rest.first == "-") }
                guard format.zone != nil else { return nil }
            }
        }
        guard (0...6).contains(format.time?.fraction ?? 0), let canonical = DateTimeParser.timestamp(text),
              format.zone != nil || format.render(canonical: canonical) == text else { return nil }
        return format
    }
}
