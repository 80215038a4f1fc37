/// Warns about values in content.yaml, which the app serves to anyone, that look like
/// secrets: password hashes and long random-looking tokens. URLs are left alone
/// (embed links carry long ids by design).
enum SecretScanner {
    static func scan(_ root: YAMLNode, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var pending = [root]
        while let node = pending.popLast() {
            switch node.content {
            case let .scalar(text, _):
                if let kind = kind(of: text) {
                    diagnostics.append(.warning(.possibleSecret, "this looks like \(kind), and \(file) is served to anyone: move it to an include file that is not served, or to an environment variable ({env: NAME})", at: node.location))
                }
            case let .sequence(items): pending += items
            case let .mapping(pairs): pending += pairs.map(\.value)
            }
        }
        return diagnostics
    }

    static func kind(of text: String) -> String? {
        let hashPrefixes = ["$2a$", "$2b$", "$2y$", "$argon2", "$pbkdf2", "$scrypt$", "$5$", "$6$"]
        // Cheap tests first: this runs for every value content.yaml holds.
        if text.utf8.first == UInt8(ascii: "$"), hashPrefixes.contains(where: text.hasPrefix) { return "a password hash" }
        guard text.utf8.count >= 32, text.count >= 32, !text.contains("://"), !text.contains(where: { $0.isWhitespace }), !isPathOrFileName(text) else { return nil }
        let scalars = text.unicodeScalars
        let upper = scalars.contains { ("A"..."Z").contains($0) }
        let lower = scalars.contains { ("a"..."z").contains($0) }
        let digit = scalars.contains { ("0"..."9").contains($0) }
        let tokenCharacters = scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_+/=.".unicodeScalars.contains($0)) }
        let hex = scalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
        return tokenCharacters && ((upper && lower && digit) || hex) ? "a secret token" : nil
    }

    /// `/api/files/Report_20251116.xlsx`, `Form_Template_v2.pdf`: long, mixed-case,
    /// with digits, and not secret.
    private static func isPathOrFileName(_ text: String) -> Bool {
        if text.hasPrefix("/") || text.hasPrefix("./") || text.hasPrefix("../") { return true }
        guard let dot = text.lastIndex(of: ".") else { return false }
        let extensionText = text[text.index(after: dot)...]
        return (1...5).contains(extensionText.count) && extensionText.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
