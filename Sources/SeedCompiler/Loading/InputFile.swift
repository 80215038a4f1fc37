/// A file handed to the compiler: a path relative to the content root, with `/`
/// separators, and where its bytes come from (read as they are, in pieces).
public struct InputFile: Sendable {
    public var path: String
    public var source: any ByteSource

    public init(path: String, source: any ByteSource) {
        self.path = path
        self.source = source
    }

    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, source: MemoryBytes(bytes: bytes))
    }
}

/// An input file that could not be read when it was needed.
public struct InputReadError: Error, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The error, as the compiler reports it.
    public var diagnostic: Diagnostic {
        .error(.unreadableFile, "cannot read \(path): \(reason)", at: .file(path))
    }
}
