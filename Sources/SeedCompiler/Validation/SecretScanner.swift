/// Warns about values in content.yaml, which the app serves to anyone, that look like
/// secrets: password hashes and long random-looking tokens. URLs are left alone
/// (embed links carry long ids by design).
enum SecretScanner {
    /// - Parameter skipping: keys of `root` (a record's fields) whose values are not scanned.
    static func scan(_ root: YAMLNode, file: String, skipping: Set<String> = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        /// Warns about a scalar; false for a collection.
        func scalar(_ node: YAMLNode) -> Bool {
            guard case let .scalar(text, _) = node.content else { return false }
            if let kind = kind(of: text) {
                diagnostics.append(.warning(.possibleSecret, "this looks like \(kind), and \(file) is served to anyone: move it to an include file that is not served, or to an environment variable ({env: NAME})", at: node.location))
            }
            return true
        }
        guard !scalar(root) else { return diagnostics }
        // Collections wait here; a scalar is checked where it is found, not copied.
        var pending = [root]
        while let node = pending.popLast() {
            switch node.content {
            case .scalar: break
            case let .sequence(items):
                for index in items.indices where !scalar(items[index]) { pending.append(items[index]) }
            case let .mapping(pairs):
                for index in pairs.indices {
                    if node.location == root.location, let key = pairs[index].key.scalar, skipping.contains(key) { continue }
                    if !scalar(pairs[index].value) { pending.append(pairs[index].value) }
                }
            }
        }
        return diagnostics
    }

    static func kind(of text: String) -> String? {
        // Cheap tests first: this runs for every value content.yaml holds.
        let bytes = text.utf8
        if bytes.first == UInt8(ascii: "$") {
            let hashPrefixes = ["$2a$", "$2b$", "$2y$", "$argon2", "$pbkdf2", "$scrypt$", "$5$", "$6$"]
            if hashPrefixes.contains(where: text.hasPrefix) { return "a password hash" }
        }
        // A token is 32 or more ASCII letters, digits and -_+/=. (so one character per
        // byte, no "://" and no white space).
        guard bytes.count >= 32, bytes.allSatisfy(isTokenByte), !isPathOrFileName(text) else { return nil }
        let upper = bytes.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        let lower = bytes.contains { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
        let digit = bytes.contains { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        let hex = bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
        return (upper && lower && digit) || hex ? "a secret token" : nil
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "."): true
        default: false
        }
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
