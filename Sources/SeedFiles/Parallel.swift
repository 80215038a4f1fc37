import Foundation

/// Runs independent jobs on every core (this machine's two): `body` for each item,
/// started in the given order, results in the items' order.
enum Parallel {
    static func map<Item, Output>(_ items: [Item], startingWith order: [Int], _ body: (Item) -> Output) -> [Output] {
        let results = Results<Output>(count: items.count)
        withoutActuallyEscaping(body) { body in
            let job = UnsafeJob(items: items, order: order, body: body)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                let item = job.order[index]
                results.set(item, job.body(job.items[item]))
            }
        }
        return results.values.map { $0! }
    }

    /// What every worker reads: only read while the workers run.
    private struct UnsafeJob<Item, Output>: @unchecked Sendable {
        let items: [Item]
        let order: [Int]
        let body: (Item) -> Output
    }

    /// Results written by the workers under a lock.
    private final class Results<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [Output?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Output) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }
    }
}
