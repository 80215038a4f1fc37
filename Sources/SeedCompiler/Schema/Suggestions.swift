/// "Did you mean" candidates for misspelt names and references.
enum Suggestions {
    /// The candidate closest to `word`: first one equal ignoring case, spaces,
    /// hyphens and underscores (`Food security` for `Food Security`, `food-security`
    /// for `Food Security`), then the nearest within a small edit distance.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let folded = fold(word)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            if fold(candidate) == folded { return candidate }
            let limit = min(word.count, candidate.count) / 3
            guard abs(word.count - candidate.count) <= limit else { continue }
            let distance = editDistance(Array(word.lowercased()), Array(candidate.lowercased()))
            if distance <= limit, best.map({ distance < $0.distance || (distance == $0.distance && candidate < $0.candidate) }) ?? true {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// ` (did you mean "x"?)`, or nothing.
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    private static func fold(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !" -_".unicodeScalars.contains($0) })
    }

    /// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`:
    /// the optimal-string-alignment distance, so `chta` is one edit from `chat`.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var beforePrevious: [Int] = []
        var previous = Array(0...b.count)
        for i in a.indices {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for j in b.indices {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (a[i] == b[j] ? 0 : 1))
                if i > 0, j > 0, a[i] == b[j - 1], a[i - 1] == b[j] {
                    current[j + 1] = min(current[j + 1], beforePrevious[j - 1] + 1)
                }
            }
            beforePrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
