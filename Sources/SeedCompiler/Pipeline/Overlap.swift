import Foundation

/// Runs a producer and a transform each on a thread of its own while this thread
/// consumes what they make, in order, through bounded queues: libyaml and the node
/// builder read a file, the records are typed on a second thread, and checked and
/// planned on this one. With two cores the three share them as each waits for the
/// next. The consumer sees exactly the items, in exactly the order, that running the
/// three one after the other would give it, so the result does not depend on timing.
enum Overlap {
    /// - Parameters:
    ///   - chunk: items handed over at a time (one lock per chunk, not per item).
    ///   - depth: chunks each queue holds before its producer waits: what bounds memory.
    ///   - transform: runs on its own thread, item by item, in order; it is done with
    ///     before this returns.
    static func run<Item: Sendable, Output: Sendable, Result: Sendable>(
        chunk: Int = 256, depth: Int = 4,
        produce: @escaping @Sendable (_ emit: (Item) -> Void) -> Result,
        transform: @escaping @Sendable (Item) -> Output,
        consume: (Output) -> Void
    ) -> Result {
        precondition(chunk > 0 && depth > 0, "a queue that holds nothing never moves")
        let items = Queue<Item, Result>(depth: depth)
        let outputs = Queue<Output, Void>(depth: depth)
        let reader = Thread {
            var chunkItems: [Item] = []
            let result = produce { item in
                chunkItems.append(item)
                if chunkItems.count == chunk {
                    items.send(chunkItems)
                    chunkItems = []
                }
            }
            if !chunkItems.isEmpty { items.send(chunkItems) }
            items.finish(result)
        }
        // The builder keeps its own stack; libyaml does not recurse.
        reader.stackSize = 4 << 20
        let typer = Thread {
            while let chunk = items.receive() { outputs.send(chunk.map(transform)) }
            outputs.finish(())
        }
        typer.stackSize = 4 << 20
        reader.start()
        typer.start()
        while let chunk = outputs.receive() { chunk.forEach(consume) }
        return items.result!
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
