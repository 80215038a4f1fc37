/// The order tables are applied in: a table comes after every table it references,
/// ties broken by name, so the output never depends on declaration order. A table
/// referencing itself (a tree) is no cycle: its rows are put parents first
/// (`ReferenceLevels`). In a cycle between tables, a reference that may be NULL is
/// **deferred**: rows are inserted without it, and it is set in a second pass once
/// every table is written (`BatchStatements.Pass.links`); only a cycle whose every
/// reference is required cannot be ordered.
enum TableOrder {
    /// The references set in the second pass: not required, from a table to another
    /// that reaches back to it through references.
    static func deferred(in schema: Schema) -> Set<ColumnName> {
        var deferred = Set<ColumnName>()
        for table in schema.tables {
            for column in table.columns where !column.required {
                guard let target = column.reference?.table, target != table.name, schema.table(target) != nil,
                      reaches(from: target, to: table.name, in: schema) else { continue }
                deferred.insert(ColumnName(table: table.name, column: column.name))
            }
        }
        return deferred
    }

    /// A column of a table, by name.
    struct ColumnName: Hashable {
        var table: String
        var column: String
    }

    private static func reaches(from start: String, to goal: String, in schema: Schema) -> Bool {
        var seen: Set<String> = [start]
        var pending = [start]
        while let name = pending.popLast() {
            if name == goal { return true }
            for next in schema.table(name)?.columns.compactMap(\.reference?.table) ?? [] where seen.insert(next).inserted {
                pending.append(next)
            }
        }
        return false
    }

    static func sorted(_ schema: Schema) -> [TableSchema] {
        var done: Set<String> = []
        var result: [TableSchema] = []
        var remaining = schema.tables.sorted { $0.name < $1.name }
        let dependencies = dependencies(in: schema)
        while !remaining.isEmpty {
            let index = remaining.firstIndex { table in
                dependencies[table.name, default: []].allSatisfy { done.contains($0) }
            } ?? 0
            let table = remaining.remove(at: index)
            done.insert(table.name)
            result.append(table)
        }
        return result
    }

    /// The tables of one reference cycle, in order, or nil when there is none.
    static func cycle(in schema: Schema) -> [TableSchema]? {
        var state: [String: Bool] = [:]  // false: on the current path, true: finished
        var path: [String] = []
        let dependencies = dependencies(in: schema)

        func visit(_ name: String) -> [String]? {
            if state[name] == true { return nil }
            if state[name] == false { return Array(path[path.firstIndex(of: name)!...]) }
            guard let table = schema.table(name) else { return nil }
            state[name] = false
            path.append(name)
            for dependency in dependencies[table.name, default: []].sorted() {
                if let found = visit(dependency) { return found }
            }
            path.removeLast()
            state[name] = true
            return nil
        }

        for table in schema.tables.sorted(by: { $0.name < $1.name }) {
            if let names = visit(table.name) { return names.compactMap { schema.table($0) } }
        }
        return nil
    }

    /// Per table, the other declared tables it must come after: those its references
    /// name, but for itself and the deferred references (found once for the schema).
    private static func dependencies(in schema: Schema) -> [String: [String]] {
        let deferred = deferred(in: schema)
        return Dictionary(schema.tables.map { table in
            (table.name, table.columns.filter { !deferred.contains(ColumnName(table: table.name, column: $0.name)) }
                .compactMap(\.reference?.table).filter { $0 != table.name && schema.table($0) != nil })
        }) { first, _ in first }
    }
}
