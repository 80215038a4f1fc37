import Foundation
import SeedCompiler

/// Reads the content under a root folder: `content.yaml`, then the include files and
/// markdown collections it declares. Problems reading become diagnostics.
struct ContentReader {
    let root: URL
    /// A file holding the `seed` section instead of content.yaml (`--schema`).
    var schema: URL?

    struct Content {
        var document: ContentDocument
        var files: [InputFile]
        var problems: [Diagnostic]

        /// Every file's bytes by path, for printing source lines.
        var sources: [String: [UInt8]] {
            var map = [document.file.path: document.file.bytes]
            if let schema = document.schemaFile { map[schema.path] = schema.bytes }
            for file in files { map[file.path] = file.bytes }
            return map
        }
    }

    /// Nil when `content.yaml` itself cannot be read (the diagnostic says why).
    func read() -> Result<Content, Diagnostic> {
        let contentPath = ContentDocument.fileName
        let bytes: [UInt8]
        switch readFile(contentPath) {
        case let .success(read): bytes = read
        case let .failure(problem): return .failure(problem)
        }
        var schemaFile: InputFile?
        if let schema {
            switch Self.read(schema, as: schema.relativePath) {
            case let .success(schemaBytes): schemaFile = InputFile(path: schema.relativePath, bytes: schemaBytes)
            case let .failure(problem): return .failure(problem)
            }
        }
        let document = ContentDocument(InputFile(path: contentPath, bytes: bytes), schemaFile: schemaFile)
        var (paths, problems) = listing(of: document.inputSet)
        var files: [InputFile] = []
        for path in paths {
            switch readFile(path) {
            case let .success(bytes): files.append(InputFile(path: path, bytes: bytes))
            case let .failure(problem): problems.append(problem)
            }
        }
        return .success(Content(document: document, files: files, problems: problems))
    }

    /// Every file of an input set (content.yaml and the schema file first), or nil when
    /// one cannot be read or a folder or pattern finds nothing: `seedc apply`'s check for
    /// unchanged content, which reads the files the ledger's stamp names without parsing.
    func files(of inputs: InputSet) -> [InputFile]? {
        guard inputs.schema == schema?.relativePath else { return nil }
        let (paths, problems) = listing(of: inputs)
        guard problems.isEmpty else { return nil }
        var files: [InputFile] = []
        for (url, path) in [(url(ContentDocument.fileName), ContentDocument.fileName)] + (schema.map { [($0, $0.relativePath)] } ?? []) + paths.map { (url($0), $0) } {
            guard case let .success(bytes) = Self.read(url, as: path) else { return nil }
            files.append(InputFile(path: path, bytes: bytes))
        }
        return files
    }

    /// The collection and include files of an input set, sorted, and what is missing.
    private func listing(of inputs: InputSet) -> (paths: [String], problems: [Diagnostic]) {
        var paths: Set<String> = []
        var problems: [Diagnostic] = []
        let contentPath = ContentDocument.fileName
        for folder in inputs.collections {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url(folder).path, isDirectory: &isDirectory), isDirectory.boolValue else {
                problems.append(.error(.unreadableFile, "collection folder \"\(folder)/\" does not exist", at: .file(contentPath)))
                continue
            }
            for name in listFiles(in: folder) where inputs.collection(of: folder + "/" + name) != nil {
                paths.insert(folder + "/" + name)
            }
        }
        for pattern in inputs.include {
            let matches = Glob.isLiteral(pattern) ? [pattern].filter { FileManager.default.fileExists(atPath: url($0).path) }
                : walk(Glob.base(of: pattern), recursive: pattern.contains("**")).filter { Glob.matches($0, pattern: pattern) }
            if matches.isEmpty {
                problems.append(.error(.includeNotFound, "include \"\(pattern)\" matches no file", at: .file(contentPath)))
            }
            paths.formUnion(matches)
        }
        return (paths.sorted(), problems)
    }

    private func url(_ path: String) -> URL {
        path.isEmpty ? root : root.appendingPathComponent(path)
    }

    private func readFile(_ path: String) -> Result<[UInt8], Diagnostic> {
        Self.read(url(path), as: path)
    }

    /// The bytes of a file; `path` names it in the diagnostic when it cannot be read.
    private static func read(_ url: URL, as path: String) -> Result<[UInt8], Diagnostic> {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            return .failure(.error(.unreadableFile, "cannot read \(path): \(String(cString: strerror(errno)))", at: .file(path)))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .success(bytes) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.error(.unreadableFile, "cannot read \(path): \(String(cString: strerror(errno)))", at: .file(path)))
            }
            bytes += chunk[..<count]
        }
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
    /// `recursive`, never through symbolic links.
    private func walk(_ folder: String, recursive: Bool) -> [String] {
        var result: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
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
