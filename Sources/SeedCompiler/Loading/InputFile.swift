/// A file handed to the compiler: a path relative to the content root, with `/`
/// separators, and its bytes exactly as read.
public struct InputFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
