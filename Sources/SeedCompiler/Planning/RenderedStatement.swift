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
