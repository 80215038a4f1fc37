/// What a table or column name may be. Names reach every output (quoted identifiers,
/// comments, Python literals) and every diagnostic, so a name is never empty and never
/// holds a control character (`ControlCharacters`). Names seedc itself uses in the
/// database and in its statements are reserved; they are defined here, and the
/// statements take them from here.
enum NameRules {
    /// seedc's own table in the target database.
    static let ledgerTable = "seedc_ledger"
    /// The rows of a batch: `WITH "v" (…) AS (VALUES …)`.
    static let batchRows = "v"
    /// The ledger key and hash a claim adds to a batch's rows.
    static let ledgerKeyColumn = "#key", ledgerHashColumn = "#hash"
    /// The ordinal `seedc plan` numbers compared rows by.
    static let ordinalColumn = "#"
    /// The temporary copy of a table's keys the batches join (`KeySnapshot`), its
    /// index, and its column holding SQLite's rowid.
    static let keySnapshotTable = "seedc_keys", keySnapshotIndex = "seedc_keys_key", keySnapshotRow = "#row"
    /// The alias of the table `seedc capture` reads a referenced row's natural key from.
    static let lookupTarget = "seedc_target"
    /// The prefix of the temporary key→id maps of referenced tables (`LookupMaps`):
    /// `seedc_ids_1`, `seedc_ids_2`, … and their indexes `seedc_ids_1_k`, …
    static let lookupMapPrefix = "seedc_ids_"

    /// Compared without case, as SQLite compares names.
    static let reservedTables: Set<String> = [ledgerTable, batchRows, keySnapshotTable, keySnapshotIndex, lookupTarget]
    static let reservedColumns: Set<String> = [ledgerKeyColumn, ledgerHashColumn, ordinalColumn, keySnapshotRow]

    enum Kind: String {
        case table, column
    }

    /// The problem with `name` as a name of `kind`, or nil when it is fine.
    static func problem(_ name: String, kind: Kind) -> (DiagnosticID, String)? {
        if name.isEmpty { return (.invalidName, "a \(kind.rawValue) name cannot be empty") }
        if let bad = name.unicodeScalars.first(where: ControlCharacters.contains) {
            return (.invalidName, "\(kind.rawValue) name \(shown(name)) holds U+\(ControlCharacters.hex(bad)), a control or line-separator character; names must be printable")
        }
        let reserved = kind == .table ? reservedTables : reservedColumns
        if reserved.contains(name.lowercased()) || kind == .table && name.lowercased().hasPrefix(lookupMapPrefix) {
            let owner = kind == .table && name.lowercased() == ledgerTable ? "seedc's ledger table" : "a name seedc uses in its statements"
            return (.reservedName, "\(kind.rawValue) name \(shown(name)) is reserved: it is \(owner); rename the \(kind.rawValue)")
        }
        return nil
    }

    /// The name as a JSON string, every control character escaped.
    static func shown(_ name: String) -> String { DoubleQuoted.quote(name, .unicodeOnly) }
}
