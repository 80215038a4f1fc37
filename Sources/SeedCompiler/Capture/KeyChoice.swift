/// Which columns `seedc init` makes a table's natural key, and whether its id is the
/// database's own (a surrogate, left out of the content: the database assigns it, and
/// references to the row go by its natural key instead). A surrogate is a one-column
/// integer primary key the database assigns, whatever its name (a rowid alias,
/// `AUTOINCREMENT`, `SERIAL`, an identity); a plain integer key is the app's to set.
///
/// Only keys that identify one row are proposed: a declared unique constraint first;
/// else a primary key that is not a surrogate (a link table's `(user_id, role)`); else
/// a guessed column (among `keyCandidates`, then the NOT NULL text columns) whose values
/// are unique in the live rows (`Column.uniqueInRows`, checked with a count). When none
/// is, the surrogate stays the key and its values are seeded as they are. A surrogate is
/// also kept when the natural key has several columns and another table's foreign key
/// points at the id: a reference goes by a one-column key.
struct KeyChoice: Equatable {
    enum Reason: Equatable {
        /// A unique constraint, or a primary key that is no surrogate.
        case declared
        /// A guessed column whose values are unique in the rows today.
        case guessed
        /// No column identifies a row: the id is the key.
        case idIsKey
    }

    var key: [String]
    /// The surrogate id left to the database, if any.
    var omitted: String?
    var reason: Reason

    /// Columns a natural key is guessed from first, in this order.
    static let keyCandidates = ["slug", "username", "link", "url", "email", "title", "name"]

    /// The one-column integer primary key the database assigns, if the table has one.
    static func surrogate(of table: TableDescription) -> String? {
        let primaryKey = table.columns.filter(\.primaryKey)
        guard primaryKey.count == 1, primaryKey[0].assignedByDatabase,
              DeclaredType(primaryKey[0], engine: table.engine).type == .integer else { return nil }
        return primaryKey[0].name
    }

    static func choose(for table: TableDescription, among tables: [TableDescription]) -> KeyChoice {
        let surrogate = surrogate(of: table)
        // Left out only when a reference to the row can go by its natural key instead.
        func omitting(_ key: [String]) -> String? {
            guard let surrogate else { return nil }
            let referenced = tables.contains { other in
                other.foreignKeys.contains { $0.targetTable == table.name && $0.targetColumns == [surrogate] }
            }
            return key.count == 1 || !referenced ? surrogate : nil
        }
        if let unique = table.unique.filter({ !$0.contains(surrogate ?? "") }).min(by: { $0.count < $1.count }) {
            return KeyChoice(key: unique, omitted: omitting(unique), reason: .declared)
        }
        let primaryKey = table.columns.filter(\.primaryKey).map(\.name)
        guard let surrogate else {
            if !primaryKey.isEmpty { return KeyChoice(key: primaryKey, omitted: nil, reason: .declared) }
            let guessed = guess(table)
            return KeyChoice(key: [guessed ?? table.columns.first?.name ?? "id"], omitted: nil, reason: .guessed)
        }
        if let guessed = guess(table) {
            return KeyChoice(key: [guessed], omitted: omitting([guessed]), reason: .guessed)
        }
        return KeyChoice(key: [surrogate], omitted: nil, reason: .idIsKey)
    }

    /// The first NOT NULL column among `keyCandidates` (in any case), else the first NOT
    /// NULL text column, whose values are unique in the rows.
    private static func guess(_ table: TableDescription) -> String? {
        let usable = table.columns.filter { $0.notNull && !$0.primaryKey && $0.uniqueInRows }
        // Names compared without case: Chinook's `Email` is an email as much as `email`.
        return keyCandidates.lazy.compactMap { name in usable.first { $0.name.lowercased() == name }?.name }.first
            ?? usable.first { DeclaredType($0, engine: table.engine).type == .text }?.name
    }
}
