import Foundation

/// The passwords a connection string spells out, found the way libpq reads them, so
/// they can be cut out of libpq's messages: when it cannot parse a string, libpq
/// quotes it, in full for some malformed URLs.
struct ConnectionPasswords {
    private var passwords: [String] = []

    init(in conninfo: String) {
        let trimmed = conninfo.drop { $0.isWhitespace }
        if let scheme = ["postgresql://", "postgres://"].first(where: trimmed.hasPrefix) {
            let rest = trimmed.dropFirst(scheme.count)
            // As libpq reads it, the user information ends at the first `@` before any `/`.
            let authority = rest.prefix { $0 != "/" }
            if let at = authority.firstIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                addPercentEncoded(authority[authority.index(after: colon)..<at])
            }
            for match in rest.matches(of: /[?&]password=([^&#]*)/) { addPercentEncoded(match.1) }
        } else {
            for match in conninfo.matches(of: /password\s*=\s*(?:'((?:[^'\\]|\\.)*)'?|(\S+))/) {
                if let quoted = match.1 {
                    add(String(quoted))
                    add(String(quoted).replacing(/\\(.)/) { String($0.1) })
                }
                if let bare = match.2 { add(String(bare)) }
            }
        }
        // Longest first, so no password is half-replaced by a shorter one inside it.
        passwords.sort { $0.count > $1.count }
    }

    private mutating func addPercentEncoded(_ password: Substring) {
        add(String(password))
        if let decoded = password.removingPercentEncoding { add(decoded) }
    }

    private mutating func add(_ password: String) {
        if !password.isEmpty, !passwords.contains(password) { passwords.append(password) }
    }

    /// `message` with every password replaced by `***`.
    func redacted(_ message: String) -> String {
        passwords.reduce(message) { $0.replacing($1, with: "***") }
    }
}
