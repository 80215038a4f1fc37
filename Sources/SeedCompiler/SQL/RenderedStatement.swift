/// SQL text made by the renderer, with its positional arguments in order. A
/// connection binds the arguments and runs the text as it is.
public struct RenderedStatement: Hashable, Sendable, CustomStringConvertible {
    public var sql: String
    public var arguments: [Value]

    public init(sql: String, arguments: [Value] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    public var description: String { sql }
}

/// A statement's positional arguments, handed out one at a time with their text
/// borrowed: a `RenderedStatement`'s values, or a batch's cells read in place from
/// the planned rows (`TableWriter.withStatements`, valid only inside that call), so
/// binding thousands of values makes no String for any of them.
public struct Arguments {
    public let count: Int
    private let each: ((BorrowedValue) -> Void) -> Void

    /// `count` arguments: the first `count` that `each` hands out.
    init(count: Int, each: @escaping ((BorrowedValue) -> Void) -> Void) {
        self.count = count
        self.each = each
    }

    public init(_ values: [Value]) {
        self.init(count: values.count) { body in
            for value in values { value.withBorrowed(body) }
        }
    }

    /// Calls `body` with each argument and its position, in order.
    public func forEach(_ body: (Int, BorrowedValue) -> Void) {
        var index = 0
        each { value in
            if index < count { body(index, value) }
            index += 1
        }
    }

    /// The arguments as values (their Strings made).
    public var values: [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        forEach { values.append($1.owned) }
        return values
    }
}
