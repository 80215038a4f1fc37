import Foundation

/// Runs a producer on a second thread while this thread consumes what it produces,
/// in order, through a bounded queue: libyaml and the node builder read a file on
/// one core while the records are typed, checked and planned on the other. The
/// consumer sees exactly the items, in exactly the order, that running the two one
/// after the other would give it, so the result does not depend on timing.
///
/// Two stages, not three: typing on a third thread, between the two, was measured
/// slower (docs/benchmarks.md, "Design choices these figures decided").
enum Overlap {
    /// - Parameters:
    ///   - chunk: items handed over at a time (one lock per chunk, not per item).
    ///   - depth: chunks the queue holds before the producer waits: what bounds memory.
    static func run<Item: Sendable, Result: Sendable>(
        chunk: Int = 256, depth: Int = 4,
        produce: @escaping @Sendable (_ emit: (Item) -> Void) -> Result,
        consume: (Item) -> Void
    ) -> Result {
        precondition(chunk > 0 && depth > 0, "a queue that holds nothing never moves")
        let queue = Queue<Item, Result>(depth: depth)
        let thread = Thread {
            var items: [Item] = []
            let result = produce { item in
                items.append(item)
                if items.count == chunk {
                    queue.send(items)
                    items = []
                }
            }
            if !items.isEmpty { queue.send(items) }
            queue.finish(result)
        }
        // The builder keeps its own stack; libyaml does not recurse.
        thread.stackSize = 4 << 20
        thread.start()
        while let items = queue.receive() { items.forEach(consume) }
        return queue.result!
    }

    /// Chunks from the producer, at most `depth` waiting, then its result.
    private final class Queue<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var chunks: [[Item]] = []
        private var finished = false
        private let depth: Int
        /// Set before `finished`; read only after it.
        private(set) var result: Result?

        init(depth: Int) {
            self.depth = depth
        }

        func send(_ items: [Item]) {
            condition.lock()
            while chunks.count >= depth { condition.wait() }
            chunks.append(items)
            condition.broadcast()
            condition.unlock()
        }

        func finish(_ result: Result) {
            condition.lock()
            self.result = result
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next chunk; nil once the producer is done and every chunk is taken.
        func receive() -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            while chunks.isEmpty, !finished { condition.wait() }
            guard !chunks.isEmpty else { return nil }
            condition.broadcast()
            return chunks.removeFirst()
        }
    }
}
