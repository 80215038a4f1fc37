// The fixed part of `seed_initial_data.py`. It builds no SQL: every statement comes
// from the generated data above it, rendered by `SQLDialect`.
enum PythonRuntime {
    static let header = #"""
    """Idempotent seed data for the app, compiled by seedc from versioned content.

    Call seed_initial_data(target) at every start: it inserts the content records that
    are missing, restores changed values of `on_conflict: update` tables, and leaves
    everything else alone, so running it again changes nothing. target is a
    sqlite3.Connection, a SQLAlchemy Engine or Connection (SQLite or PostgreSQL with
    psycopg2), or a psycopg2 connection. It all happens in one transaction (SQLite:
    BEGIN IMMEDIATE; PostgreSQL: with a transaction-level advisory lock), so app
    instances starting at once cannot insert a record twice.

    Passwords come from environment variables, are stored as bcrypt hashes, and only
    when their row is inserted; a record whose variable is unset is skipped with a
    warning. Run as a script: python seeds/seed_initial_data.py app.db|postgresql://...
    """

    import contextlib
    import datetime
    import logging
    import os
    import sqlite3
    import sys

    _log = logging.getLogger(__name__)

    POSTGRES_LOCK_KEY = \#(SQLDialect.postgresLockKey)


    class _Env:
        """A secret read from the environment variable `name` when its row is inserted."""

        __slots__ = ("name",)

        def __init__(self, name):
            self.name = name


    class _Batch:
        """Rows that set the same columns, with the set-based statements that bring the
        whole batch into the database for each dialect, as (kind, index in STATEMENTS)
        in run order.
        Row i's values bind to the parameters r<i>_0, r<i>_1, ...; each row ends with
        its natural key and value hash as the ledger keeps them."""

        __slots__ = ("sql", "rows")

        def __init__(self, sqlite, postgresql, rows):
            self.sql = {"sqlite": sqlite, "postgresql": postgresql}
            self.rows = rows


    class _Group:
        """Rows that set the same columns, with their statements for each dialect:
        (exists, insert-if-missing, update-if-different or None, ledger claim). Each
        row ends with its natural key and value hash as the ledger keeps them."""

        __slots__ = ("params", "key", "sql", "rows")

        def __init__(self, params, key, sqlite, postgresql, rows):
            self.params = params
            self.key = key
            self.sql = {"sqlite": sqlite, "postgresql": postgresql}
            self.rows = rows

    """#

    static let functions = #"""


    def seed_initial_data(target):
        """Bring every content record into the database; return the counts
        {"inserted": n, "updated": n, "skipped": n}."""
        with _transaction(target) as db:
            counts = _apply(db)
        _log.info("seed: %(inserted)d inserted, %(updated)d updated, %(skipped)d skipped", counts)
        return counts


    def _apply(db):
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
        counts = {"inserted": 0, "updated": 0, "skipped": 0}
        ledger = LEDGER[db.dialect]
        db.run(ledger["create"], {})
        stamp = db.fetchone(ledger["stamp"], {})
        if stamp is not None and stamp[0] == STAMP:
            return counts
        for table, groups in TABLES:
            for group in groups:
                if isinstance(group, _Batch):
                    params = {"now": now, "today": now[:10]}
                    for i, row in enumerate(group.rows):
                        for j, value in enumerate(row):
                            params["r%d_%d" % (i, j)] = value
                    for kind, statement in group.sql[db.dialect]:
                        changed = db.run(STATEMENTS[statement], params)
                        if kind == "insert":
                            counts["inserted"] += changed
                        elif kind == "update":
                            counts["updated"] += changed
                    continue
                exists, insert, update, claim = group.sql[db.dialect]
                for row in group.rows:
                    params = dict(zip(group.params, row))
                    secrets = {name: value for name, value in params.items() if isinstance(value, _Env)}
                    for name in secrets:
                        del params[name]
                    params["now"] = now
                    params["today"] = now[:10]
                    params["lt"] = table
                    if secrets:
                        if db.exists(exists, params):
                            if update:
                                counts["updated"] += db.run(update, params)
                                db.run(claim, params)
                            continue
                        missing = sorted({env.name for env in secrets.values() if not os.environ.get(env.name)})
                        if missing:
                            key = ", ".join(str(params[name]) for name in group.key)
                            _log.warning("seed: skipped %s %r: set the environment variable %s", table, key, ", ".join(missing))
                            counts["skipped"] += 1
                            continue
                        for name, env in secrets.items():
                            params[name] = _hash_password(os.environ[env.name])
                    db.run(claim, params)
                    counts["inserted"] += db.run(insert, params)
                    if update:
                        counts["updated"] += db.run(update, params)
        if not counts["skipped"]:
            db.run(ledger["mark"], {})
        return counts


    def _hash_password(password):
        import bcrypt

        return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=12)).decode("ascii")


    class _Database:
        """Runs statements on one connection; `dialect` picks the statements."""

        def __init__(self, dialect, execute):
            self.dialect = dialect
            self._execute = execute

        def run(self, sql, params):
            """Runs a statement; returns the rows it changed."""
            count = self._execute(sql, params).rowcount
            if count < 0 and self.dialect == "sqlite":
                # sqlite3 does not count statements that start with WITH.
                count = self._execute(SQLITE_CHANGES, {}).fetchone()[0]
            return max(count, 0)

        def exists(self, sql, params):
            return self.fetchone(sql, params) is not None

        def fetchone(self, sql, params):
            return self._execute(sql, params).fetchone()


    @contextlib.contextmanager
    def _transaction(target):
        if isinstance(target, sqlite3.Connection):
            with _sqlite3_transaction(target) as db:
                yield db
        elif hasattr(target, "exec_driver_sql"):
            with _sqlalchemy_transaction(target) as db:
                yield db
        elif hasattr(target, "begin") and hasattr(target, "dialect"):
            with target.connect() as connection:
                with _sqlalchemy_transaction(connection) as db:
                    yield db
        elif type(target).__module__.startswith("psycopg2"):
            with _psycopg2_transaction(target) as db:
                yield db
        else:
            raise TypeError(
                "seed_initial_data takes a sqlite3.Connection, a SQLAlchemy Engine or Connection, "
                "or a psycopg2 connection, not %s" % type(target).__name__
            )


    @contextlib.contextmanager
    def _sqlite3_transaction(connection):
        nested = connection.in_transaction
        connection.execute("SAVEPOINT seedc" if nested else "BEGIN IMMEDIATE")
        try:
            yield _Database("sqlite", connection.execute)
        except BaseException:
            if nested:
                connection.execute("ROLLBACK TO seedc")
                connection.execute("RELEASE seedc")
            else:
                connection.rollback()
            raise
        if nested:
            connection.execute("RELEASE seedc")
        else:
            connection.commit()


    @contextlib.contextmanager
    def _sqlalchemy_transaction(connection):
        dialect = connection.dialect.name
        if dialect not in ("sqlite", "postgresql"):
            raise TypeError("seed_initial_data supports SQLite and PostgreSQL, not %s" % dialect)
        if dialect == "postgresql" and connection.dialect.driver != "psycopg2":
            raise TypeError("seed_initial_data needs the psycopg2 driver for PostgreSQL (postgresql+psycopg2://)")
        begin = connection.begin_nested if connection.in_transaction() else connection.begin
        with begin():
            if dialect == "postgresql":
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(%d)" % POSTGRES_LOCK_KEY)
            yield _Database(dialect, connection.exec_driver_sql)


    @contextlib.contextmanager
    def _psycopg2_transaction(connection):
        import psycopg2.extensions

        nested = connection.get_transaction_status() != psycopg2.extensions.TRANSACTION_STATUS_IDLE
        cursor = connection.cursor()

        def execute(sql, params):
            cursor.execute(sql, params)
            return cursor

        if nested:
            cursor.execute("SAVEPOINT seedc")
        elif connection.autocommit:
            cursor.execute("BEGIN")
        cursor.execute("SELECT pg_advisory_xact_lock(%d)" % POSTGRES_LOCK_KEY)
        try:
            yield _Database("postgresql", execute)
        except BaseException:
            if nested:
                cursor.execute("ROLLBACK TO SAVEPOINT seedc")
            elif connection.autocommit:
                cursor.execute("ROLLBACK")
            else:
                connection.rollback()
            raise
        if nested:
            cursor.execute("RELEASE SAVEPOINT seedc")
        elif connection.autocommit:
            cursor.execute("COMMIT")
        else:
            connection.commit()


    def _main(argv):
        if len(argv) != 2:
            sys.stderr.write("usage: python seed_initial_data.py DATABASE (a SQLite file or a postgresql:// URL)\n")
            return 2
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        if argv[1].startswith(("postgres://", "postgresql://")):
            import psycopg2

            connection = psycopg2.connect(argv[1])
        else:
            connection = sqlite3.connect(argv[1])
        try:
            seed_initial_data(connection)
        finally:
            connection.close()
        return 0


    if __name__ == "__main__":
        sys.exit(_main(sys.argv))

    """#
}
