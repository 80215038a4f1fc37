"""The identity test's machinery: a live database -> seedc init -> capture -> build,
then the content applied back onto the live database (nothing may change) and into
fresh copies of its schema through each of the five paths (`seedc apply` to SQLite
and PostgreSQL, `sqlite3 < seeds/sqlite.sql`, `psql -f seeds/postgres.sql`,
`seed_initial_data.py`), each compared with the live database by an exact dump."""

import re
import sqlite3
import subprocess
import sys

import psycopg2
import yaml

from conftest import seedc

# Every value's text as the database writes it: ISO dates, intervals as PostgreSQL
# writes them, money in the C locale, instants in UTC, doubles with every digit.
PG_SESSION = "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=postgres -c lc_monetary=C -c extra_float_digits=3"


def sqlite_dump(path):
    """Every app table (not seedc's ledger, not sqlite_sequence), rows ordered by their
    primary key (else rowid), each value with its storage class and its exact text
    (doubles with 17 digits, blobs in hexadecimal)."""
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'seedc_ledger' ORDER BY name")]
        dump = {}
        for table in tables:
            columns = [row[1] for row in connection.execute('PRAGMA table_info("%s")' % table.replace('"', '""'))]
            select = ", ".join(
                "typeof(\"{0}\"), CASE typeof(\"{0}\") WHEN 'real' THEN printf('%!.17g', \"{0}\") ELSE quote(\"{0}\") END".format(c.replace('"', '""'))
                for c in columns)
            key = sorted((row[5], row[1]) for row in connection.execute('PRAGMA table_info("%s")' % table.replace('"', '""')) if row[5] > 0)
            order = ", ".join('"%s"' % name.replace('"', '""') for _, name in key) or "rowid"
            dump[table] = connection.execute('SELECT %s FROM "%s" ORDER BY %s' % (select, table.replace('"', '""'), order)).fetchall()
        return dump
    finally:
        connection.close()


def pg_connect(url):
    return psycopg2.connect(url, options=PG_SESSION)


def pg_dump(url):
    """Every app table, rows ordered by their primary key (else the whole row), each
    row as PostgreSQL writes it as text under PG_SESSION."""
    connection = pg_connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                           "WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname != 'seedc_ledger' ORDER BY 1")
            tables = [name for (name,) in cursor.fetchall()]
            dump = {}
            for table in tables:
                quoted = '"%s"' % table.replace('"', '""')
                cursor.execute("SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum)) "
                               "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                               "WHERE i.indrelid = %s::regclass AND i.indisprimary", (quoted,))
                order = cursor.fetchone()[0] or "1"
                cursor.execute("SELECT CAST(t AS text) FROM %s AS t ORDER BY %s" % (quoted, order))
                dump[table] = [row[0] for row in cursor.fetchall()]
            return dump
    finally:
        connection.close()


def content_dump(root, database):
    """The database's rows as the content at `root` sees them: every declared column,
    a reference to an id the content leaves out followed to the target's natural key,
    ids the database assigns left out; rows sorted. What must survive a rebuild."""
    seed = yaml.safe_load((root / "content.yaml").read_text())["seed"]
    tables = seed["tables"]
    postgres = str(database).startswith(("postgres://", "postgresql://"))

    def quote(name):
        return '"%s"' % name.replace('"', '""')

    def exact(expression):
        if postgres:
            return "CAST(%s AS text)" % expression
        return "typeof(%s) || ':' || CASE typeof(%s) WHEN 'real' THEN printf('%%!.17g', %s) ELSE quote(%s) END" % ((expression,) * 4)

    selects = {}
    for table, declared in tables.items():
        items = []
        for column, options in declared["columns"].items():
            reference = options.get("references") if isinstance(options, dict) else None
            target, _, target_column = (reference or "").partition(".")
            if reference and target_column not in tables.get(target, {}).get("columns", {target_column: None}):
                key = tables[target]["key"]
                key = key if isinstance(key, str) else key[0]
                items.append("(SELECT %s FROM %s AS seedc_target WHERE seedc_target.%s = t.%s)"
                             % (exact("seedc_target." + quote(key)), quote(target), quote(target_column), quote(column)))
            else:
                items.append(exact("t." + quote(column)))
        selects[table] = "SELECT %s FROM %s AS t" % (", ".join(items), quote(table))
    if postgres:
        connection = pg_connect(database)
        try:
            with connection.cursor() as cursor:
                def fetch(sql):
                    cursor.execute(sql)
                    return cursor.fetchall()
                return {table: sorted(map(tuple, fetch(sql)), key=repr) for table, sql in selects.items()}
        finally:
            connection.close()
    connection = sqlite3.connect(database)
    try:
        return {table: sorted(map(tuple, connection.execute(sql).fetchall()), key=repr) for table, sql in selects.items()}
    finally:
        connection.close()


def database_with(request, tmp_path, engine, sqlite_schema, postgres_schema):
    """A fresh SQLite file or PostgreSQL database (`engine`) holding a schema: its path
    or URL."""
    if engine == "sqlite":
        path = tmp_path / "app.db"
        connection = sqlite3.connect(path)
        connection.executescript(sqlite_schema)
        connection.close()
        return str(path)
    url = request.getfixturevalue("pg_databases")(tables=False)
    pg_run(url, postgres_schema)
    return url


def query(database, sql):
    """The rows of one statement, committed, on a SQLite path or a PostgreSQL URL."""
    if str(database).startswith(("postgres://", "postgresql://")):
        connection = psycopg2.connect(database)
        with connection, connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
        connection.close()
        return rows
    connection = sqlite3.connect(database, isolation_level=None)
    rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


def pg_run(url, sql):
    connection = pg_connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
    finally:
        connection.close()


def capture_content(root, url, tables=None):
    """`seedc init` (of `tables`, or all), `capture` and `build` from a live database."""
    root.mkdir(exist_ok=True)
    (root / "content.yaml").write_text("title: round trip\n")
    seedc("init", "--root", root, "--database", url, *(["--tables", ",".join(tables)] if tables else []))
    seedc("capture", "--root", root, "--database", url)
    seedc("build", "--root", root)


def counts(output):
    """(inserted, updated) from `seedc apply`'s summary."""
    match = re.search(r"(\d+) inserted, (\d+) updated", output)
    assert match, output
    return int(match.group(1)), int(match.group(2))


def apply_back(root, url):
    """`seedc apply` onto the database the content was captured from: (inserted, updated)."""
    return counts(seedc("apply", "--root", root, "--database", url).stdout)


def assert_identity(root, live, before, dump, paths, make_fresh):
    """Content captured from `live` (whose dump was `before`) applied back onto it
    updates nothing and changes no byte, `plan` then has nothing to do, and each path
    (`sqlite_paths` or `postgres_paths`) into a fresh copy of the schema gives the same
    rows as the content sees them (`content_dump`)."""
    assert apply_back(root, live) == (0, 0)
    assert dump(live) == before
    assert "nothing to do" in seedc("plan", "--root", root, "--database", live).stdout
    expected = content_dump(root, live)
    for path, fresh in paths(root, make_fresh).items():
        assert content_dump(root, fresh) == expected, path


def sqlite_paths(root, make_fresh):
    """The three SQLite paths, each into a fresh copy of the schema: the databases by path."""
    databases = {"seedc apply": make_fresh("apply"), "sqlite3 < seeds/sqlite.sql": make_fresh("script"),
                 "seed_initial_data.py": make_fresh("module")}
    seedc("apply", "--root", root, "--database", databases["seedc apply"])
    with open(root / "seeds" / "sqlite.sql", "rb") as script:
        subprocess.run(["sqlite3", "-bail", str(databases["sqlite3 < seeds/sqlite.sql"])], stdin=script, check=True)
    module(root, databases["seed_initial_data.py"])
    return databases


def postgres_paths(root, make_fresh):
    """The three PostgreSQL paths, each into a fresh copy of the schema: the databases by path."""
    databases = {"seedc apply": make_fresh(), "psql -f seeds/postgres.sql": make_fresh(), "seed_initial_data.py": make_fresh()}
    seedc("apply", "--root", root, "--database", databases["seedc apply"])
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", databases["psql -f seeds/postgres.sql"], "-f", str(root / "seeds" / "postgres.sql")], check=True)
    module(root, databases["seed_initial_data.py"])
    return databases


def module(root, database):
    """`python seeds/seed_initial_data.py DATABASE`, as the app's start-up would run it."""
    result = subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), str(database)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
