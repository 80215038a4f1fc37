/// What a table or column name may be. Names reach every output (quoted identifiers,
/// comments, Python literals) and every diagnostic, so a name is never empty and never
/// holds a character that can end a line or steer a terminal: C0 and C1 control
/// characters, DEL, U+2028 and U+2029. Names seedc itself uses in the database and in
/// its statements are reserved.
enum NameRules {
    /// Tables seedc creates or names in its statements: its ledger, and `v`, the rows
    /// of a batch (`WITH "v" (…) AS (VALUES …)`). SQLite compares names without case.
    static let reservedTables: Set<String> = [Ledger.table, BatchStatements.rowsName.name]
    /// Columns of seedc's own row lists: the ledger key and hash of a batch row and the
    /// ordinal `seedc plan` numbers rows by.
    static let reservedColumns: Set<String> = [BatchStatements.keyColumn.name, BatchStatements.hashColumn.name, Reconciler.ordinalColumn.name]

    enum Kind: String {
        case table, column
    }

    /// The problem with `name` as a name of `kind`, or nil when it is fine.
    static func problem(_ name: String, kind: Kind) -> (DiagnosticID, String)? {
        if name.isEmpty { return (.invalidName, "a \(kind.rawValue) name cannot be empty") }
        if let bad = name.unicodeScalars.first(where: isControl) {
            return (.invalidName, "\(kind.rawValue) name \(shown(name)) holds U+\(hex(bad)), a control or line-separator character; names must be printable")
        }
        let reserved = kind == .table ? reservedTables : reservedColumns
        if reserved.contains(name.lowercased()) {
            let owner = kind == .table && name.lowercased() == Ledger.table ? "seedc's ledger table" : "a name seedc uses in its statements"
            return (.reservedName, "\(kind.rawValue) name \(shown(name)) is reserved: it is \(owner); rename the \(kind.rawValue)")
        }
        return nil
    }

    /// C0 and C1 controls (tab included), DEL, and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The name as a JSON string, every control character escaped.
    static func shown(_ name: String) -> String { DoubleQuoted.quote(name, .unicodeOnly) }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
