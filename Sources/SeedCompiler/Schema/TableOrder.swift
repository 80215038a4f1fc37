/// The order tables are applied in: a table comes after every table it references,
/// ties broken by name, so the output never depends on declaration order. A table
/// referencing itself (a tree) is no cycle: its rows are put parents first
/// (`ReferenceLevels`).
enum TableOrder {
    static func sorted(_ schema: Schema) -> [TableSchema] {
        var done: Set<String> = []
        var result: [TableSchema] = []
        var remaining = schema.tables.sorted { $0.name < $1.name }
        while !remaining.isEmpty {
            let index = remaining.firstIndex { table in
                dependencies(of: table, in: schema).allSatisfy { done.contains($0) || $0 == table.name }
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

        func visit(_ name: String) -> [String]? {
            if state[name] == true { return nil }
            if state[name] == false { return Array(path[path.firstIndex(of: name)!...]) }
            guard let table = schema.table(name) else { return nil }
            state[name] = false
            path.append(name)
            for dependency in dependencies(of: table, in: schema).sorted() {
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

    private static func dependencies(of table: TableSchema, in schema: Schema) -> [String] {
        table.columns.compactMap(\.reference?.table).filter { $0 != table.name && schema.table($0) != nil }
    }
}
