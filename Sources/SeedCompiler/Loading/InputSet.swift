import Foundation

/// Which files the content is made of, as its `seed` section declares them: the schema
/// file (`--schema`), the include patterns and the markdown collection folders. The
/// ledger's stamp keeps it, so `seedc apply` can find and hash the same files again,
/// and see unchanged content, without parsing any YAML.
public struct InputSet: Codable, Hashable, Sendable {
    public var schema: String?
    public var include: [String]
    public var collections: [String]
    /// Whether some table has `prune: true`: unchanged content then still needs its
    /// ledger compared, since a script may have applied it without pruning.
    public var prunes: Bool

    public init(schema: String?, include: [String], collections: [String], prunes: Bool) {
        self.schema = schema
        self.include = include
        self.collections = collections
        self.prunes = prunes
    }

    /// Whether `path` (relative to the root) is an include file.
    public func isIncluded(_ path: String) -> Bool {
        include.contains { Glob.matches(path, pattern: $0) }
    }

    /// The collection folder `path` is a record of: `*.md` directly in the folder, not
    /// `README.md`.
    public func collection(of path: String) -> String? {
        guard path.hasSuffix(".md") else { return nil }
        let parts = path.split(separator: "/")
        guard let name = parts.last, name.lowercased() != "readme.md" else { return nil }
        let folder = parts.dropLast().joined(separator: "/")
        return collections.contains(folder) ? folder : nil
    }

    /// The stamp a complete apply of this content leaves in the ledger:
    /// `seedc-1:<content sha256> <input set as JSON>`.
    public func stamp(_ contentHash: String) -> String {
        let list = { (items: [String]) in "[" + items.map(DoubleQuoted.json).joined(separator: ",") + "]" }
        let json = "{\"collections\":\(list(collections)),\"include\":\(list(include)),\"prunes\":\(prunes),\"schema\":\(schema.map(DoubleQuoted.json) ?? "null")}"
        return "seedc-1:" + contentHash + " " + json
    }

    /// The input set a stamp was made for; nil for a stamp of another form.
    public init?(stamp: String) {
        guard stamp.hasPrefix("seedc-1:"), let space = stamp.firstIndex(of: " "),
              let decoded = try? JSONDecoder().decode(InputSet.self, from: Data(stamp[stamp.index(after: space)...].utf8))
        else { return nil }
        self = decoded
    }
}
