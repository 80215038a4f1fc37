/// The statements around an apply's transaction, the same the generated scripts and
/// `seed_initial_data.py` run: SQLite `BEGIN IMMEDIATE`; PostgreSQL `BEGIN` with seedc's
/// advisory lock. Rendered by `SQLDialect`, like every other statement.
public enum TransactionStatements {
    public static func begin(_ engine: DatabaseEngine) -> [RenderedStatement] {
        SQLDialect(engine: engine).begin.map { RenderedStatement(sql: $0) }
    }

    public static let commit = RenderedStatement(sql: SQLDialect.commit)
    public static let rollback = RenderedStatement(sql: SQLDialect.rollback)
}
