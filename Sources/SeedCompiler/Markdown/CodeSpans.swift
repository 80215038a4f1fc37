/// The code spans (`` `code` ``) of a block's text, found lexically as CommonMark
/// defines them: a backtick string up to the next backtick string of the same length. A
/// backslash escapes the first backtick of an opening string only; inside code it is
/// literal. Backticks in link destinations or raw HTML are not told apart.
enum CodeSpans {
    /// The byte ranges of the code spans (backticks included) in `bytes[range]`, in
    /// order; linear time.
    static func ranges(in bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        let runs = backtickRuns(in: bytes, range)
        var runsByLength: [Int: [Int]] = [:]
        for (index, run) in runs.enumerated() { runsByLength[run.length, default: []].append(index) }
        // Per length, the position in `runsByLength` before which no closer can follow:
        // openers are met in order, so it only moves forward.
        var nextCloser: [Int: Int] = [:]
        var spans: [Range<Int>] = []
        var index = 0
        while index < runs.count {
            let run = runs[index]
            let (start, length) = run.escaped ? (run.start + 1, run.length - 1) : (run.start, run.length)
            if length > 0, let candidates = runsByLength[length] {
                var next = nextCloser[length] ?? 0
                while next < candidates.count, candidates[next] <= index { next += 1 }
                nextCloser[length] = next
                if next < candidates.count {
                    let closer = runs[candidates[next]]
                    spans.append(start..<closer.start + closer.length)
                    index = candidates[next] + 1
                    continue
                }
            }
            index += 1
        }
        return spans
    }

    /// Every maximal run of backticks, and whether an odd number of backslashes precedes it.
    private static func backtickRuns(in bytes: [UInt8], _ range: Range<Int>) -> [(start: Int, length: Int, escaped: Bool)] {
        let backtick = UInt8(ascii: "`")
        var runs: [(start: Int, length: Int, escaped: Bool)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == backtick else {
                index += 1
                continue
            }
            var end = index
            while end < range.upperBound, bytes[end] == backtick { end += 1 }
            var backslashes = 0
            while index - backslashes - 1 >= range.lowerBound, bytes[index - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            runs.append((index, end - index, backslashes % 2 == 1))
            index = end
        }
        return runs
    }
}
