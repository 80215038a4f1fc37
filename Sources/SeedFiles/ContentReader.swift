import Foundation
import SeedCompiler

/// Reads the content under a root folder: `content.yaml`, then the include files and
/// markdown collections it declares. Problems reading become diagnostics. Every file
/// read, the `--schema` file included, must resolve inside the root (`ContentRoot`).
public struct ContentReader: ContentReading {
    public let root: URL
    /// A file holding the `seed` section instead of content.yaml (`--schema`).
    public var schema: URL?
    /// The `--schema` argument as written, for messages.
    public var schemaArgument: String?

    public init(root: URL, schema: URL? = nil, schemaArgument: String? = nil) {
        self.root = root
        self.schema = schema
        self.schemaArgument = schemaArgument
    }

    private var confined: ContentRoot { ContentRoot(root) }

    /// The schema file's name in the content: its path relative to the root (it must be
    /// inside), so it does not depend on where the root is.
    private var schemaPath: String? {
        schema.map { confined.path(of: $0) ?? schemaArgument ?? $0.relativePath }
    }

    /// Nil when `content.yaml` itself cannot be read (the diagnostic says why).
    /// - Parameter upToRecords: read the seed section only up to its inline records,
    ///   for compiling (see `ContentDocument(upToRecords:)`).
    public func read(upToRecords: Bool = false) -> Result<ContentInput, Diagnostic> {
        let confined = confined
        let contentPath = ContentDocument.fileName
        let contentFile: InputFile
        switch confined.input(url(contentPath), as: contentPath, at: .file(contentPath)) {
        case let .success(file): contentFile = file
        case let .failure(problem): return .failure(problem)
        }
        var schemaFile: InputFile?
        if let schema, let schemaPath {
            let written = schemaArgument ?? schema.relativePath
            switch confined.input(schema, as: written, at: .file(written)) {
            case let .success(file): schemaFile = InputFile(path: schemaPath, source: file.source)
            case let .failure(problem): return .failure(problem)
            }
        }
        let document = ContentDocument(contentFile, schemaFile: schemaFile, upToRecords: upToRecords)
        let sources = Dictionary(document.schema.tables.compactMap { table in table.source.map { ($0, table.sourceLocation) } }) { first, _ in first }
        var (paths, problems) = listing(of: document.inputSet) { pattern, isFolder in
            (isFolder ? sources[pattern] ?? nil : document.schema.includeLocations[pattern]) ?? .file(contentPath)
        }
        var files: [InputFile] = []
        for (path, at) in paths {
            switch confined.input(url(path), as: path, at: at) {
            case let .success(file): files.append(file)
            case let .failure(problem): problems.append(problem)
            }
        }
        return .success(ContentInput(document: document, files: files, problems: problems))
    }

    /// Every file of an input set (content.yaml and the schema file first), or nil when
    /// one cannot be read or a folder or pattern finds nothing: `seedc apply`'s check for
    /// unchanged content, which reads the files the ledger's stamp names without parsing.
    public func files(of inputs: InputSet) -> [InputFile]? {
        guard inputs.schema == schemaPath else { return nil }
        let (paths, problems) = listing(of: inputs) { _, _ in .file(ContentDocument.fileName) }
        guard problems.isEmpty else { return nil }
        let confined = confined
        var files: [InputFile] = []
        let named = [(url(ContentDocument.fileName), ContentDocument.fileName)] + zip(schema.map { [$0] } ?? [], schemaPath.map { [$0] } ?? []).map { ($0, $1) }
        for (url, path) in named + paths.map({ (url($0.path), $0.path) }) {
            guard case let .success(file) = confined.input(url, as: path, at: .file(path)) else { return nil }
            files.append(file)
        }
        return files
    }

    /// The collection and include files of an input set, sorted, each with the place
    /// that named it, and what is missing or outside the root. `place` gives the
    /// position of an include pattern or (`isFolder`) a collection folder.
    private func listing(of inputs: InputSet, place: (_ name: String, _ isFolder: Bool) -> SourceLocation) -> (paths: [(path: String, at: SourceLocation)], problems: [Diagnostic]) {
        let confined = confined
        var paths: [String: SourceLocation] = [:]
        var problems: [Diagnostic] = []
        for folder in inputs.collections {
            let at = place(folder, true)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url(folder).path, isDirectory: &isDirectory), isDirectory.boolValue else {
                problems.append(.error(.unreadableFile, "collection folder \"\(folder)/\" does not exist", at: at))
                continue
            }
            guard confined.allows(url(folder)) else {
                problems.append(ContentRoot.outside(folder + "/", at: at))
                continue
            }
            for name in listFiles(in: folder) where inputs.collection(of: folder + "/" + name) != nil {
                paths[folder + "/" + name] = paths[folder + "/" + name] ?? at
            }
        }
        for pattern in inputs.include {
            let at = place(pattern, false)
            let base = Glob.base(of: pattern)
            if !Glob.isLiteral(pattern), !confined.allows(url(base)) {
                problems.append(ContentRoot.outside(base + "/", at: at))
                continue
            }
            let matches = Glob.isLiteral(pattern) ? [pattern].filter { exists($0) }
                : walk(base, recursive: pattern.contains("**"), confined: confined).filter { Glob.matches($0, pattern: pattern) }
            if matches.isEmpty {
                problems.append(.error(.includeNotFound, "include \"\(pattern)\" matches no file", at: at))
            }
            for path in matches { paths[path] = paths[path] ?? at }
        }
        return (paths.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, problems)
    }

    private func url(_ path: String) -> URL {
        path.isEmpty ? root : root.appendingPathComponent(path)
    }

    /// Whether the path names something, a dangling link included (reading it says why).
    private func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(url(path).path, &status) == 0
    }

    /// Everything directly in `folder` but folders: links to folders are never
    /// followed, so a link loop cannot trap the listing, and a link that cannot be
    /// resolved is kept, so reading it reports why.
    private func listFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !(FileManager.default.fileExists(atPath: url(folder + "/" + name).path, isDirectory: &isDirectory) && isDirectory.boolValue)
        }.sorted()
    }

    /// Files under `folder`, relative to the root; into subfolders only when
    /// `recursive`, never through symbolic links, never outside the root.
    private func walk(_ folder: String, recursive: Bool, confined: ContentRoot) -> [String] {
        var result: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard confined.allows(url(current)) else { continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url(current).path)) ?? []
            for name in names.sorted() {
                let path = current.isEmpty ? name : current + "/" + name
                let values = try? url(path).resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
                if values?.isDirectory == true {
                    if recursive, values?.isSymbolicLink != true { pending.append(path) }
                } else {
                    result.append(path)
                }
            }
        }
        return result
    }
}
