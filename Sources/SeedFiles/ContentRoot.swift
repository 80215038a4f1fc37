import Foundation
import SeedCompiler

/// The content root and the rule every read obeys: a file is read only when its real
/// path (after every symbolic link) is inside the root's real path. The check runs
/// before opening (so nothing outside is even opened) and again on the opened file
/// (`/proc/self/fd`), so a link swapped in between cannot slip through. A refused
/// file is an `outside-root` error naming the path as written, never its contents.
public struct ContentRoot {
    public let url: URL
    /// The root's real path, nil when it does not exist.
    public let realPath: String?

    public init(_ url: URL) {
        self.url = url
        realPath = Self.realPath(url.path)
    }

    /// The real path of `path`, nil when it (or a link on the way) does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether a real path is the root or inside it.
    func contains(realPath path: String) -> Bool {
        guard let root = realPath else { return false }
        return path == root || path.hasPrefix(root == "/" ? root : root + "/")
    }

    /// The path of a file inside the root relative to it (after links), for names that
    /// do not depend on where the root is.
    public func path(of url: URL) -> String? {
        guard let root = realPath, let resolved = Self.realPath(url.path), resolved.hasPrefix(root + "/") else { return nil }
        return String(resolved.dropFirst(root.count + 1))
    }

    /// False when `url` resolves outside the root. A path that does not resolve (a
    /// missing file, a dangling link) is not refused here: opening it fails.
    public func allows(_ url: URL) -> Bool {
        guard let resolved = Self.realPath(url.path) else { return true }
        return contains(realPath: resolved)
    }

    /// A path as written, relative to the root: nil when it is absolute or climbs out
    /// with `..` (lexically, before any link is looked at).
    public func relative(_ written: String) -> URL? {
        guard !written.hasPrefix("/"), !written.split(separator: "/").contains("..") else { return nil }
        return written.isEmpty ? url : url.appendingPathComponent(written)
    }

    /// Whether a file (a path as written, relative to the root) may be written, and
    /// read first: inside the root after every link; for a file not yet there, its
    /// nearest existing folder.
    public func allowsWriting(_ path: String) -> Bool {
        guard var url = relative(path) else { return false }
        var status = stat()
        while lstat(url.path, &status) != 0 {
            guard url.path != "/" else { return false }
            url = url.deletingLastPathComponent()
        }
        return Self.realPath(url.path).map(contains(realPath:)) ?? false
    }

    /// The error for a file outside the root; `path` as the user wrote it.
    public static func outside(_ path: String, at location: SourceLocation) -> Diagnostic {
        .error(.outsideRoot, "\"\(path)\" is outside the content root (a symbolic link or a path leading out of it); seedc reads nothing outside the root", at: location)
    }

    /// Files up to this size are read whole when opened; larger ones are read in
    /// pieces when the compiler needs them, so a large file is never held whole.
    static let wholeReadLimit = 1 << 20

    /// The file at `url` as an input named `path`: read whole when small, otherwise
    /// kept open (the very file checked) and read in pieces later (`FileBytes`). A file
    /// outside the root is reported at `location` (what named it); one that cannot be
    /// read, at itself.
    func input(_ url: URL, as path: String, at location: SourceLocation) -> Result<InputFile, Diagnostic> {
        guard allows(url) else { return .failure(Self.outside(path, at: location)) }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Self.unreadable(path, errno)) }
        if let opened = Self.realPath("/proc/self/fd/\(descriptor)"), !contains(realPath: opened) {
            close(descriptor)
            return .failure(Self.outside(path, at: location))
        }
        let file = InputFile(path: path, source: FileBytes(descriptor: descriptor))
        var status = stat()
        guard fstat(descriptor, &status) != 0 || status.st_size <= Self.wholeReadLimit else { return .success(file) }
        return Self.whole(file).map { InputFile(path: path, bytes: $0) }
    }

    /// The bytes of the file at `url`, named `path` in problems (see `input`).
    public func read(_ url: URL, as path: String, at location: SourceLocation) -> Result<[UInt8], Diagnostic> {
        input(url, as: path, at: location).flatMap(Self.whole)
    }

    /// Every byte of an input file, or the `unreadable-file` error naming it.
    private static func whole(_ file: InputFile) -> Result<[UInt8], Diagnostic> {
        Result { () throws(SourceReadError) in try file.source.readAll() }
            .mapError { InputReadError(path: file.path, reason: $0.reason).diagnostic }
    }

    private static func unreadable(_ path: String, _ code: Int32) -> Diagnostic {
        InputReadError(path: path, reason: String(cString: strerror(code))).diagnostic
    }
}
