/// The content as read: content.yaml's document (the first stage) and the files it
/// named (include and collection files), with what went wrong reading them.
public struct ContentInput: Sendable {
    public var document: ContentDocument
    public var files: [InputFile]
    /// Problems reading files (missing, unreadable, outside the root), reported with
    /// the compiler's.
    public var problems: [Diagnostic]

    public init(document: ContentDocument, files: [InputFile], problems: [Diagnostic] = []) {
        self.document = document
        self.files = files
        self.problems = problems
    }

    /// Every file's bytes by path, for printing the source lines diagnostics point at.
    public var sources: [String: any ByteSource] {
        var map = [document.file.path: document.file.source]
        if let schema = document.schemaFile { map[schema.path] = schema.source }
        for file in files { map[file.path] = file.source }
        return map
    }

    /// An error for each file read in pieces that was written to while seedc read it:
    /// what was compiled and what was hashed may differ, so nothing is kept.
    var changedFiles: [Diagnostic] {
        sources.sorted { $0.key < $1.key }.compactMap { path, source in
            guard source.changed else { return nil }
            return .error(.unreadableFile, "\(path) changed while seedc was reading it; run seedc again", at: .file(path))
        }
    }
}

/// Where the pipeline gets its content: the file system (SeedFiles' `ContentReader`),
/// or memory in tests. Asked twice when the seed section's records do not come last.
public protocol ContentReading {
    /// content.yaml and the files it names; a failure when content.yaml itself cannot
    /// be read.
    /// - Parameter upToRecords: read the seed section only up to its inline records
    ///   (`ContentDocument(upToRecords:)`).
    func read(upToRecords: Bool) -> Result<ContentInput, Diagnostic>
}
