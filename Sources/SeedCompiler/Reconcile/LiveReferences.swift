/// The database's own foreign keys, read by `seedc plan` and `apply`: honoured even
/// where the content declares no `references:`. Tables are written in an order that
/// follows them too, and a declared column holding raw ids of rows the content leaves
/// to the database (a foreign key into an id the content does not declare) is an
/// `unstable-reference` error, since those ids change at every rebuild.
public struct LiveReferences {
    /// Foreign keys by table name, as the database describes them.
    public var foreignKeys: [String: [ForeignKey]]

    public init(foreignKeys: [String: [ForeignKey]]) {
        self.foreignKeys = foreignKeys
    }

    /// The plan's tables (their positions) in its order, moved only as far as the
    /// database's foreign keys between them require: a table after those it references
    /// (itself aside). Tables in a cycle of foreign keys keep the plan's order.
    public func order(_ plan: SeedPlan) -> [Int] {
        let position = Dictionary(plan.tables.enumerated().map { ($1.name, $0) }) { first, _ in first }
        var after = [Set<Int>](repeating: [], count: plan.tables.count)
        for (index, table) in plan.tables.enumerated() {
            for key in foreignKeys[table.name] ?? [] {
                if let target = position[key.targetTable], target != index { after[index].insert(target) }
            }
        }
        var order: [Int] = []
        var placed = Set<Int>()
        while order.count < plan.tables.count {
            // The first table (in the plan's order) whose targets are all placed; in a
            // cycle, the first not yet placed.
            let remaining = plan.tables.indices.filter { !placed.contains($0) }
            let next = remaining.first { after[$0].isSubset(of: placed) } ?? remaining[0]
            order.append(next)
            placed.insert(next)
        }
        return order
    }

    /// Declared integer columns that hold raw ids of rows the content leaves to the
    /// database: each an `unstable-reference` error at the column, naming the
    /// `references:` to declare.
    public func problems(_ plan: SeedPlan) -> [Diagnostic] {
        let tables = Dictionary(plan.tables.map { ($0.name, $0) }) { first, _ in first }
        var problems: [Diagnostic] = []
        for table in plan.tables {
            for key in foreignKeys[table.name] ?? [] where key.columns.count == 1 && key.targetColumns.count == 1 {
                guard let column = table.columns.first(where: { $0.name == key.columns[0] }), column.lookup == nil,
                      column.storage == .integer, let target = tables[key.targetTable],
                      !target.columns.contains(where: { $0.name == key.targetColumns[0] }) else { continue }
                let naturalKey = target.key.joined(separator: ", ")
                problems.append(.error(.unstableReference, """
                    \(table.name).\(column.name) holds ids of \(target.name) rows, which the database assigns anew at every \
                    rebuild (its foreign key references \(target.name).\(key.targetColumns[0]), which the content leaves out): \
                    declare `references: \(target.name).\(key.targetColumns[0])` on it and give each record \(target.name)'s \
                    natural key (\(naturalKey)) instead of the id
                    """, at: column.location))
            }
        }
        return problems
    }
}
