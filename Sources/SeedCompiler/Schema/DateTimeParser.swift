/// Reads calendar dates and timestamps strictly, without a calendar library, so no
/// time zone, locale or DST rule of the machine can change a value.
enum DateTimeParser {
    /// `YYYY-MM-DD` → the same text, if it is a real calendar date.
    static func date(_ text: String) -> String? {
        let s = Array(text.utf8)
        guard s.count == 10, let (y, m, d) = ymd(s) else { return nil }
        return String(format4(y)) + "-" + pad2(m) + "-" + pad2(d)
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM[:SS[.f…]][Z|±HH:MM|±HHMM|±HH]` → `YYYY-MM-DD HH:MM:SS.ffffff`
    /// in UTC (an offset is applied; a time without one is taken as written).
    static func timestamp(_ text: String) -> String? {
        let s = Array(text.utf8)
        guard s.count >= 10, var (y, m, d) = ymd(Array(s[0..<10])) else { return nil }
        var hour = 0, minute = 0, second = 0, micros = 0, offsetMinutes = 0
        var i = 10
        if i < s.count {
            guard s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: " "), s.count >= i + 6,
                  let h = number(s, i + 1, 2), s[i + 3] == UInt8(ascii: ":"), let mi = number(s, i + 4, 2)
            else { return nil }
            (hour, minute) = (h, mi)
            i += 6
            if i < s.count, s[i] == UInt8(ascii: ":") {
                guard let sec = number(s, i + 1, 2) else { return nil }
                second = sec
                i += 3
                if i < s.count, s[i] == UInt8(ascii: ".") {
                    var digits = 0
                    i += 1
                    while i < s.count, let digit = digitValue(s[i]) {
                        guard digits < 6 else { return nil }
                        micros = micros * 10 + digit
                        digits += 1
                        i += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<6 { micros *= 10 }
                }
            }
            if i < s.count, s[i] == UInt8(ascii: "Z") {
                i += 1
            } else if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                // ±HH:MM, ±HHMM or ±HH (PostgreSQL writes `+00` for UTC).
                let colon = s.count == i + 6 && s[i + 3] == UInt8(ascii: ":")
                guard let oh = number(s, i + 1, 2), oh < 24 else { return nil }
                var om = 0
                switch s.count - i {
                case 3: break
                case 5: guard let m = number(s, i + 3, 2) else { return nil }; om = m
                case 6: guard colon, let m = number(s, i + 4, 2) else { return nil }; om = m
                default: return nil
                }
                guard om < 60 else { return nil }
                offsetMinutes = (oh * 60 + om) * (s[i] == UInt8(ascii: "+") ? 1 : -1)
                i = s.count
            }
            guard i == s.count, hour < 24, minute < 60, second < 60 else { return nil }
        }
        var minutes = hour * 60 + minute - offsetMinutes
        var dayShift = 0
        while minutes < 0 { minutes += 1440; dayShift -= 1 }
        while minutes >= 1440 { minutes -= 1440; dayShift += 1 }
        (y, m, d) = addDays(dayShift, to: (y, m, d))
        return String(format4(y)) + "-" + pad2(m) + "-" + pad2(d) + " " + pad2(minutes / 60) + ":" + pad2(minutes % 60)
            + ":" + pad2(second) + "." + pad(micros, 6)
    }

    private static func ymd(_ s: [UInt8]) -> (Int, Int, Int)? {
        guard s.count == 10, let y = number(s, 0, 4), s[4] == UInt8(ascii: "-"), let m = number(s, 5, 2),
              s[7] == UInt8(ascii: "-"), let d = number(s, 8, 2),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return (y, m, d)
    }

    private static func addDays(_ n: Int, to date: (Int, Int, Int)) -> (Int, Int, Int) {
        var (y, m, d) = date
        d += n
        while d < 1 {
            m -= 1
            if m == 0 { m = 12; y -= 1 }
            d += daysIn(month: m, year: y)
        }
        while d > daysIn(month: m, year: y) {
            d -= daysIn(month: m, year: y)
            m += 1
            if m == 13 { m = 1; y += 1 }
        }
        return (y, m, d)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func digitValue(_ c: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) ? Int(c - UInt8(ascii: "0")) : nil
    }

    private static func number(_ s: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at + count <= s.count else { return nil }
        var n = 0
        for c in s[at..<at + count] {
            guard let digit = digitValue(c) else { return nil }
            n = n * 10 + digit
        }
        return n
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    private static func pad2(_ n: Int) -> String { pad(n, 2) }
    private static func format4(_ n: Int) -> String { pad(n, 4) }
}
