/// A point in a source file. Lines and columns are 1-based; a column counts Unicode
/// scalar values (what an editor shows as characters), so it stays right after
/// multi-byte UTF-8 characters. A tab counts as one column.
public struct SourcePosition: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A span in one file: `file` is the path relative to the content root, as printed.
public struct SourceLocation: Hashable, Comparable, Sendable {
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition? = nil) {
        self.file = file
        self.start = start
        self.end = end ?? start
    }

    /// The start of a file, for problems that concern a whole file.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(file: path, start: SourcePosition(line: 1, column: 1))
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.start, lhs.end) < (rhs.file, rhs.start, rhs.end)
    }
}
