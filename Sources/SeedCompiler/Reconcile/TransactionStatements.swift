/// The statements around an apply's transaction on engines whose driver does not
/// manage transactions itself (PostgreSQL through libpq): the same opening the
/// generated `postgres.sql` has, with seedc's advisory lock.
public enum TransactionStatements {
    public static func begin(_ engine: DatabaseEngine) -> [RenderedStatement] {
        SQLDialect(engine: engine).begin.map { RenderedStatement(sql: $0) }
    }

    public static let commit = RenderedStatement(sql: SQLDialect.commit)
    public static let rollback = RenderedStatement(sql: SQLDialect.rollback)
}
