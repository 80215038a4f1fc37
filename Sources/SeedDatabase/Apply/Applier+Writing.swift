import SeedCompiler

/// `seedc apply`: every table written by the set-based batches of `sqlite.sql`,
/// `postgres.sql` and `seed_initial_data.py` (`TableWriter`), with values bound. Rows
/// with passwords go through the same statements, their bcrypt hashes bound like any
/// value; only the rows whose password must be written are compared first (to hash no
/// more than is inserted), and the counts come from the statements themselves.
extension Applier {
    /// Applies the plan in one transaction: all of it, or nothing.
    public func apply() throws -> Applied {
        try connection.transaction { try write() }
    }

    private func write() throws -> Applied {
        let plan = reconciler.plan
        _ = try checkTables(create: true)
        let ledger = try readLedger(create: true)
        if isApplied(ledger) {
            return Applied(tables: plan.tables.map { AppliedTable(table: $0.name) }, upToDate: true)
        }
        // Which rows with secrets are missing, and which of those cannot be inserted,
        // is settled for every table before anything is written or hashed.
        let pending = try orderedTables().map { table in
            var changes = try compare(table, rows: table.rows.indices.filter { table.rows.shape(at: $0).shape.needsSecret }, empty: false,
                                      owned: ledger.owned[table.name] ?? [])
            skipUnset(&changes)
            return changes
        }
        let unset = pending.flatMap { changes in
            changes.skipped.map { (table: changes.table.name, key: changes.table.rows[$0.row].keyText, variables: $0.variables) }
        }
        if options.strict, !unset.isEmpty { throw Failure.missingSecrets(unset) }
        var tables = try pending.map(write)
        try link(pending)
        try prune(pending, into: &tables)
        // A row that could not be read back was written as nothing: undo it all.
        if let problem = plan.spillProblem { throw problem }
        if unset.isEmpty { try execute(reconciler.stampContent, table: Ledger.table) }
        return Applied(tables: tables, upToDate: false)
    }

    /// Writes one table: its batches between its key snapshot. `changes` holds the rows
    /// whose secrets are to be written (`inserts`) or cannot be (`skipped`); its prunes
    /// come after every table is written (`prune`).
    private func write(_ changes: TableChanges) throws -> AppliedTable {
        let table = changes.table
        var applied = AppliedTable(table: table.name)
        applied.skipped = changes.skipped.map { (table.rows[$0.row].keyText, $0.variables) }
        var secrets: [Int: [Int: String]] = [:]
        for index in changes.inserts {
            for (column, variable) in Self.secrets(of: table.rows[index]) {
                secrets[index, default: [:]][column] = try options.hashPassword(options.environment[variable]!)
            }
        }
        let skipped = Set(changes.skipped.map(\.row))
        // Whether the table is empty is read just before its key snapshot is taken,
        // as the snapshot decides which rows the batches treat as present.
        let fresh = try fetch(reconciler.anyRow(table), table: table.name).isEmpty
        var writer = reconciler.writer(for: table, fresh: fresh)
        let batches = writer.batches(table.rows.indices.filter { !skipped.contains($0) })
        let total = table.rows.count - skipped.count + changes.prunes.count
        var done = 0
        if !batches.isEmpty {
            for statement in writer.createSnapshot { try execute(statement, table: table.name) }
            for batch in batches {
                try write(batch, with: &writer, secrets: secrets, counts: &applied)
                done += batch.count
                options.progress?(table.name, done, total)
            }
            for statement in writer.finish { try execute(statement, table: table.name) }
        }
        options.progress?(table.name, done, total)
        return applied
    }

    /// The second pass: references deferred in a cycle between tables, set once every
    /// table's rows are in (`TableOrder.deferred`), through the same statements as the
    /// scripts' second pass.
    private func link(_ pending: [TableChanges]) throws {
        for changes in pending {
            var writer = reconciler.writer(for: changes.table, fresh: false, links: true)
            guard writer.hasLinks else { continue }
            let skipped = Set(changes.skipped.map(\.row))
            let batches = writer.batches(changes.table.rows.indices.filter { !skipped.contains($0) })
            guard !batches.isEmpty else { continue }
            for statement in writer.createSnapshot { try execute(statement, table: changes.table.name) }
            var ignored = AppliedTable(table: changes.table.name)
            for batch in batches { try write(batch, with: &writer, secrets: [:], counts: &ignored) }
            for statement in writer.dropSnapshot { try execute(statement, table: changes.table.name) }
        }
    }

    /// Deletes the rows whose records left the content, children first (tables in the
    /// reverse of their writing order), so parents and children removed together go in
    /// an order every foreign key accepts. A row that other rows still reference (the
    /// app's, or content's that stay) is not deleted: the database might cascade the
    /// delete or set their references NULL, changing rows seedc does not own. Every
    /// such row is named with its counts, and nothing is applied.
    private func prune(_ pending: [TableChanges], into applied: inout [AppliedTable]) throws {
        guard pending.contains(where: { !$0.prunes.isEmpty }) else { return }
        var referencing: [String: [(table: String, key: ForeignKey)]] = [:]
        for name in try connection.tableNames() {
            for key in try connection.foreignKeys(of: name) where key.columns.count == key.targetColumns.count {
                referencing[key.targetTable, default: []].append((name, key))
            }
        }
        var refused: [String] = []
        for (position, changes) in pending.enumerated().reversed() {
            let table = changes.table
            for key in changes.prunes {
                let holders = try (referencing[table.name] ?? []).compactMap { holder -> String? in
                    let count = try fetch(reconciler.countReferences(to: table, keyText: key, from: holder.table, key: holder.key), table: table.name)
                        .first?.first.flatMap { $0 }.flatMap(Int.init) ?? 0
                    return count > 0 ? "\(count) \(holder.table) row\(count == 1 ? "" : "s") (\(holder.key.columns.joined(separator: ", ")))" : nil
                }
                guard holders.isEmpty else {
                    refused.append("\(table.name) \(ChangeReport.show(key)) is still referenced by \(holders.joined(separator: ", "))")
                    continue
                }
                for statement in reconciler.prune(table, keyText: key) { try execute(statement, table: table.name, key: key) }
                applied[position].pruned += 1
            }
        }
        if !refused.isEmpty { throw Failure.referencedPrunes(refused) }
    }

    /// Runs a batch's statements, counting what they insert and update; when the
    /// database refuses one, finds the row at fault by retrying the batch's rows one by
    /// one inside a savepoint, and names it.
    private func write(_ batch: [Int], with writer: inout TableWriter, secrets: [Int: [Int: String]], counts: inout AppliedTable) throws {
        let table = writer.table
        let savepoint = reconciler.savepoint
        try connection.execute(savepoint.begin)
        do {
            try writer.withStatements(for: batch, secrets: secrets) { writes in
                for write in writes {
                    let changed = try connection.execute(write.sql, arguments: write.arguments)
                    switch write.effect {
                    case .insert: counts.inserted += changed
                    case .update: counts.updated += changed
                    case .claim, .link: break
                    }
                }
            }
            try connection.execute(savepoint.release)
        } catch let failure as DatabaseFailure {
            try connection.execute(savepoint.rollback)
            for row in batch {
                try writer.withStatements(for: [row], secrets: secrets) { writes in
                    for write in writes {
                        try execute(write.sql, arguments: write.arguments, table: table.name, key: table.rows[row].keyText)
                    }
                }
            }
            throw Failure.rejected(table: table.name, key: nil, failure: failure)
        }
    }
}
