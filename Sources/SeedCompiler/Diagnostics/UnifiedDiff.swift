/// A unified diff of two texts (line based, three lines of context), for showing
/// how a file in seeds/ differs from what the content compiles to.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldName: String, newName: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        let context = 3
        var i = 0
        while i < edits.count {
            guard edits[i].kind != .same else { i += 1; continue }
            var start = max(0, i - context)
            var end = i
            // Extend the hunk while changes are close together.
            while end < edits.count {
                if edits[end].kind != .same { end += 1; continue }
                var run = end
                while run < edits.count, edits[run].kind == .same { run += 1 }
                if run < edits.count, run - end <= 2 * context { end = run } else { break }
            }
            let stop = min(edits.count, end + context)
            start = max(start, 0)
            let slice = edits[start..<stop]
            let oldStart = (slice.first?.oldLine ?? 0) + 1
            let newStart = (slice.first?.newLine ?? 0) + 1
            let oldCount = slice.filter { $0.kind != .insert }.count
            let newCount = slice.filter { $0.kind != .delete }.count
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in slice {
                switch edit.kind {
                case .same: out += " " + a[edit.oldLine] + "\n"
                case .delete: out += "-" + a[edit.oldLine] + "\n"
                case .insert: out += "+" + b[edit.newLine] + "\n"
                }
            }
            i = stop
        }
        return out
    }

    private struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    /// An edit script from a longest common subsequence, after trimming the common
    /// prefix and suffix (seed files usually differ in a few lines).
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var edits = (0..<prefix).map { Edit(kind: .same, oldLine: $0, newLine: $0) }
        if x.count * y.count > 4_000_000 {
            // Too large for a table: show the middle as replaced.
            edits += x.indices.map { Edit(kind: .delete, oldLine: prefix + $0, newLine: prefix) }
            edits += y.indices.map { Edit(kind: .insert, oldLine: prefix + x.count, newLine: prefix + $0) }
        } else {
            var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] {
                    edits.append(Edit(kind: .same, oldLine: prefix + i, newLine: prefix + j)); i += 1; j += 1
                } else if j < y.count, i == x.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                    edits.append(Edit(kind: .insert, oldLine: prefix + i, newLine: prefix + j)); j += 1
                } else {
                    edits.append(Edit(kind: .delete, oldLine: prefix + i, newLine: prefix + j)); i += 1
                }
            }
        }
        edits += (0..<suffix).map { Edit(kind: .same, oldLine: a.count - suffix + $0, newLine: b.count - suffix + $0) }
        return edits
    }
}
