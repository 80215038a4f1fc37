"""Idempotent seed data for the app, compiled by seedc from versioned content.

Call seed_initial_data(target) at every start: it inserts the content records that
are missing, restores changed values of `on_conflict: update` tables, and leaves
everything else alone, so running it again changes nothing. target is a
sqlite3.Connection, a SQLAlchemy Engine or Connection (SQLite or PostgreSQL with
psycopg2), or a psycopg2 connection. It all happens in one transaction (SQLite: an
immediate one; PostgreSQL: with a transaction-level advisory lock), so app
instances starting at once cannot insert a record twice.

When the database's ledger shows this content already applied, that one read is all
it does: the records (in seed_initial_data.jsonl beside this file) are read only when
something is to be done, one batch at a time.

Passwords come from environment variables, are stored as bcrypt hashes, and only
when their row is inserted; a record whose variable is unset is skipped with a
warning. Run as a script: python seeds/seed_initial_data.py app.db|postgresql://...
"""

# This is seedc's Python runtime (Sources/SeedCompiler/Rendering/Python/seed_runtime.py).
# `seedc build` writes it into seeds/seed_initial_data.py followed by the generated
# CONTENT; it holds no SQL of its own: every statement comes rendered in CONTENT and in
# the data file.

import contextlib
import datetime
import itertools
import json
import logging
import os
import sqlite3
import sys

_log = logging.getLogger(__name__)

#: Data file format this runtime reads.
FORMAT = 1


class Content:
    """What a generated module seeds.

    sha256: the content hash; stamp: what the ledger holds once it is fully applied;
    sql: per dialect ("sqlite", "postgresql") the statements around the records
    (transaction control, the ledger, SQLite's change count); rows: the data file;
    bcrypt_cost: the cost of new password hashes.
    """

    __slots__ = ("sha256", "stamp", "sql", "rows", "bcrypt_cost")

    def __init__(self, sha256, stamp, sql, rows, bcrypt_cost):
        self.sha256 = sha256
        self.stamp = stamp
        self.sql = sql
        self.rows = rows
        self.bcrypt_cost = bcrypt_cost


#: The content of a generated module; set after this runtime by `seedc build`.
CONTENT = None


def seed_initial_data(target):
    """Bring every content record into the database; return the counts
    {"inserted": n, "updated": n, "skipped": n}."""
    if CONTENT is None:
        raise RuntimeError("this is seedc's runtime without content: import seeds/seed_initial_data.py made by `seedc build`")
    return apply_content(target, CONTENT)


def apply_content(target, content):
    """seed_initial_data for any Content."""
    with _transaction(target, content.sql) as db:
        counts = _apply(db, content)
    _log.info("seed: %(inserted)d inserted, %(updated)d updated, %(skipped)d skipped", counts)
    return counts


def _apply(db, content):
    counts = {"inserted": 0, "updated": 0, "skipped": 0}
    db.run(db.sql["ledger_create"], {})
    stamp = db.fetchone(db.sql["ledger_stamp"], {})
    if stamp is not None and stamp[0] == content.stamp:
        return counts
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    clock = {"now": now, "today": now[:10]}
    # The data file sits beside this module (a relative path is relative to it).
    rows = os.path.join(os.path.dirname(os.path.abspath(__file__)), content.rows)
    for entry in read_rows(rows, content.sha256, db.dialect):
        if entry[0] == "run":
            for sql in entry[1]:
                db.run(sql, {})
        elif entry[0] == "batch":
            _apply_batch(db, entry[2], _with_bytes(entry[3], entry[4]), clock, counts)
        else:
            _apply_group(db, entry[1], entry[2], entry[3], entry[4], entry[5], clock, counts, content.bcrypt_cost)
    if not counts["skipped"]:
        db.run(db.sql["ledger_mark"], {})
    return counts


def read_rows(path, sha256, dialect):
    """The entries of a data file, one line at a time, with statement indexes
    replaced by the statements of `dialect`:

    ("run", [sql, ...]): statements to run as they are (a table's key snapshot).
    ("batch", table, [(kind, sql, count), ...], rows, binary): rows without secrets
        that set the same columns; `binary` lists the positions in a row of values
        written {"hex": "..."}, which are bytes. Parameters are numbered from 1 through the rows, each
        row its values then its natural key and value hash as the ledger keeps them,
        then the time of applying and its date; a statement with a count takes that
        many of them as a sequence (SQLite's ?NNN), else all as a mapping by number.
    ("group", table, params, key, (exists, insert, update or None, claim), rows):
        rows with secrets ({"env": NAME}) applied one by one under `params`.
    """
    statements = []
    with open(path, encoding="utf-8") as lines:
        header = json.loads(next(lines, "null") or "null")
        if not isinstance(header, dict) or header.get("seedc") != FORMAT or header.get("content_sha256") != sha256:
            raise RuntimeError("%s does not belong to this seed_initial_data.py: run `seedc build` and deploy seeds/ whole" % path)
        for line in lines:
            entry = json.loads(line)
            kind = entry[0]
            if kind == "sql":
                if entry[1] == dialect:
                    statements.append(entry[2])
            elif kind == "run":
                yield ("run", [statements[index] for index in entry[1][dialect]])
            elif kind == "batch":
                kinds = [(step[0], statements[step[1]], step[2] if len(step) > 2 else None) for step in entry[2][dialect]]
                yield ("batch", entry[1], kinds, entry[3], entry[4] if len(entry) > 4 else ())
            else:
                sql = tuple(None if index is None else statements[index] for index in entry[4][dialect])
                yield ("group", entry[1], entry[2], entry[3], sql, entry[5])


def _bytes(value):
    """A value of a binary column: {"hex": "..."} as bytes (None stays None)."""
    return None if value is None else bytes.fromhex(value["hex"])


def _with_bytes(rows, binary):
    """The rows with their binary values (at positions `binary`) made bytes."""
    for row in rows if binary else ():
        for position in binary:
            row[position] = _bytes(row[position])
    return rows


_PARAMETER_NAMES = {}


def _parameter_names(count):
    """"1", "2", ...: the names of a batch's numbered parameters, made once per size."""
    names = _PARAMETER_NAMES.get(count)
    if names is None:
        names = _PARAMETER_NAMES[count] = [str(number) for number in range(1, count + 1)]
    return names


def _apply_batch(db, statements, rows, clock, counts):
    values = list(itertools.chain.from_iterable(rows))
    values += (clock["now"], clock["today"])
    named = None
    for kind, sql, count in statements:
        if count is None:
            named = named or dict(zip(_parameter_names(len(values)), values))
        changed = db.run(sql, named if count is None else tuple(values[:count]))
        if kind == "insert":
            counts["inserted"] += changed
        elif kind == "update":
            counts["updated"] += changed


def _apply_group(db, table, names, key, statements, rows, clock, counts, bcrypt_cost):
    exists, insert, update, claim = statements
    for row in rows:
        params = dict(clock)
        secrets = {}
        for name, value in zip(names, row):
            if isinstance(value, dict) and "env" in value:
                secrets[name] = value["env"]
            elif isinstance(value, dict):
                params[name] = _bytes(value)
            else:
                params[name] = value
        params["lt"] = table
        if secrets:
            if db.exists(exists, params):
                if update:
                    counts["updated"] += db.run(update, params)
                    db.run(claim, params)
                continue
            missing = sorted({env for env in secrets.values() if not os.environ.get(env)})
            if missing:
                shown = ", ".join(str(params[name]) for name in key)
                _log.warning("seed: skipped %s %r: set the environment variable %s", table, shown, ", ".join(missing))
                counts["skipped"] += 1
                continue
            for name, env in secrets.items():
                params[name] = _hash_password(os.environ[env], bcrypt_cost)
        db.run(claim, params)
        counts["inserted"] += db.run(insert, params)
        if update:
            counts["updated"] += db.run(update, params)


def _hash_password(password, cost):
    import bcrypt

    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=cost)).decode("ascii")


class _Database:
    """Runs statements on one connection; `sql` holds its dialect's statements."""

    def __init__(self, dialect, sql, execute):
        self.dialect = dialect
        self.sql = sql
        self._execute = execute

    def run(self, sql, params):
        """Runs a statement; returns the rows it changed."""
        count = self._execute(sql, params).rowcount
        if count < 0 and self.dialect == "sqlite":
            # sqlite3 does not count statements that start with WITH.
            count = self._execute(self.sql["changes"], {}).fetchone()[0]
        return max(count, 0)

    def exists(self, sql, params):
        return self.fetchone(sql, params) is not None

    def fetchone(self, sql, params):
        return self._execute(sql, params).fetchone()


@contextlib.contextmanager
def _transaction(target, sql):
    if isinstance(target, sqlite3.Connection):
        with _sqlite3_transaction(target, sql["sqlite"]) as db:
            yield db
    elif hasattr(target, "exec_driver_sql"):
        with _sqlalchemy_transaction(target, sql) as db:
            yield db
    elif hasattr(target, "begin") and hasattr(target, "dialect"):
        with target.connect() as connection:
            with _sqlalchemy_transaction(connection, sql) as db:
                yield db
    elif type(target).__module__.startswith("psycopg2"):
        with _psycopg2_transaction(target, sql["postgresql"]) as db:
            yield db
    else:
        raise TypeError(
            "seed_initial_data takes a sqlite3.Connection, a SQLAlchemy Engine or Connection, "
            "or a psycopg2 connection, not %s" % type(target).__name__
        )


@contextlib.contextmanager
def _sqlite3_transaction(connection, sql):
    nested = connection.in_transaction
    for statement in [sql["savepoint"]] if nested else sql["begin"]:
        connection.execute(statement)
    try:
        yield _Database("sqlite", sql, connection.execute)
    except BaseException:
        if nested:
            connection.execute(sql["rollback_to"])
            connection.execute(sql["release"])
        else:
            connection.rollback()
        raise
    if nested:
        connection.execute(sql["release"])
    else:
        connection.commit()


@contextlib.contextmanager
def _sqlalchemy_transaction(connection, sql):
    dialect = connection.dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise TypeError("seed_initial_data supports SQLite and PostgreSQL, not %s" % dialect)
    if dialect == "postgresql" and connection.dialect.driver != "psycopg2":
        raise TypeError("seed_initial_data needs the psycopg2 driver for PostgreSQL (postgresql+psycopg2://)")
    begin = connection.begin_nested if connection.in_transaction() else connection.begin
    with begin():
        for statement in sql[dialect]["in_transaction"]:
            connection.exec_driver_sql(statement)
        yield _Database(dialect, sql[dialect], connection.exec_driver_sql)


@contextlib.contextmanager
def _psycopg2_transaction(connection, sql):
    import psycopg2.extensions

    nested = connection.get_transaction_status() != psycopg2.extensions.TRANSACTION_STATUS_IDLE
    cursor = connection.cursor()

    def execute(statement, params):
        cursor.execute(statement, params)
        return cursor

    if nested:
        opening = [sql["savepoint"]] + sql["in_transaction"]
    elif connection.autocommit:
        opening = sql["begin"]
    else:
        opening = sql["in_transaction"]
    for statement in opening:
        cursor.execute(statement)
    try:
        yield _Database("postgresql", sql, execute)
    except BaseException:
        if nested:
            cursor.execute(sql["rollback_to"])
        elif connection.autocommit:
            cursor.execute(sql["rollback"])
        else:
            connection.rollback()
        raise
    if nested:
        cursor.execute(sql["release"])
    elif connection.autocommit:
        cursor.execute(sql["commit"])
    else:
        connection.commit()


def main(argv):
    """`python seed_initial_data.py DATABASE`: seeds a SQLite file or a postgresql:// URL."""
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
