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

from conftest import seedc

# Every value's text as the database writes it: ISO dates, intervals as PostgreSQL
# writes them, money in the C locale, instants in UTC, doubles with every digit.
PG_SESSION = "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=postgres -c lc_monetary=C -c extra_float_digits=3"


def sqlite_dump(path, surrogate=None):
    """Every app table (not seedc's ledger, not sqlite_sequence), rows ordered by their
    primary key (else rowid), each value with its storage class and its exact text (doubles with 17
    digits, blobs in hexadecimal). A `surrogate` column (an id the database assigns,
    which content leaves out) is left out and the rows sorted instead."""
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'seedc_ledger' ORDER BY name")]
        dump = {}
        for table in tables:
            columns = [row[1] for row in connection.execute('PRAGMA table_info("%s")' % table.replace('"', '""')) if row[1] != surrogate]
            select = ", ".join(
                "typeof(\"{0}\"), CASE typeof(\"{0}\") WHEN 'real' THEN printf('%!.17g', \"{0}\") ELSE quote(\"{0}\") END".format(c.replace('"', '""'))
                for c in columns)
            key = sorted((row[5], row[1]) for row in connection.execute('PRAGMA table_info("%s")' % table.replace('"', '""')) if row[5] > 0)
            order = ", ".join('"%s"' % name.replace('"', '""') for _, name in key) or "rowid"
            rows = connection.execute('SELECT %s FROM "%s" ORDER BY %s' % (select, table.replace('"', '""'), order)).fetchall()
            dump[table] = sorted(rows) if surrogate else rows
        return dump
    finally:
        connection.close()


def pg_connect(url):
    return psycopg2.connect(url, options=PG_SESSION)


def pg_dump(url, surrogate=None):
    """Every app table, rows ordered by their primary key (else the whole row), each
    row as PostgreSQL writes it as text under PG_SESSION; a `surrogate` column is left
    out (`sqlite_dump`)."""
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
                if surrogate:
                    cursor.execute("SELECT CAST(to_jsonb(t) - %s AS text) FROM %s AS t ORDER BY 1", (surrogate, psycopg2.extensions.AsIs(quoted)))
                else:
                    cursor.execute("SELECT CAST(t AS text) FROM %s AS t ORDER BY %s" % (quoted, order))
                dump[table] = [row[0] for row in cursor.fetchall()]
            return dump
    finally:
        connection.close()


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


def assert_identity(root, live, before, dump, paths, make_fresh, surrogate=None):
    """Content captured from `live` (whose dump was `before`) applied back onto it
    updates nothing and changes no byte, `plan` then has nothing to do, and each path
    (`sqlite_paths` or `postgres_paths`) into a fresh copy of the schema gives the same
    dump (without the `surrogate` id the database assigns, when there is one)."""
    assert apply_back(root, live) == (0, 0)
    assert dump(live) == before
    assert "nothing to do" in seedc("plan", "--root", root, "--database", live).stdout
    expected = dump(live, surrogate) if surrogate else before
    for path, fresh in paths(root, make_fresh, surrogate).items():
        assert fresh == expected, path


def sqlite_paths(root, make_fresh, surrogate=None):
    """The three SQLite paths into fresh copies of the schema: their dumps by path."""
    dumps = {}
    fresh = make_fresh("apply")
    seedc("apply", "--root", root, "--database", fresh)
    dumps["seedc apply"] = sqlite_dump(fresh, surrogate)
    fresh = make_fresh("script")
    with open(root / "seeds" / "sqlite.sql", "rb") as script:
        subprocess.run(["sqlite3", "-bail", str(fresh)], stdin=script, check=True)
    dumps["sqlite3 < seeds/sqlite.sql"] = sqlite_dump(fresh, surrogate)
    fresh = make_fresh("module")
    module(root, fresh)
    dumps["seed_initial_data.py"] = sqlite_dump(fresh, surrogate)
    return dumps


def postgres_paths(root, make_fresh, surrogate=None):
    """The three PostgreSQL paths into fresh copies of the schema: their dumps by path."""
    dumps = {}
    fresh = make_fresh()
    seedc("apply", "--root", root, "--database", fresh)
    dumps["seedc apply"] = pg_dump(fresh, surrogate)
    fresh = make_fresh()
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", fresh, "-f", str(root / "seeds" / "postgres.sql")], check=True)
    dumps["psql -f seeds/postgres.sql"] = pg_dump(fresh, surrogate)
    fresh = make_fresh()
    module(root, fresh)
    dumps["seed_initial_data.py"] = pg_dump(fresh, surrogate)
    return dumps


def module(root, database):
    """`python seeds/seed_initial_data.py DATABASE`, as the app's start-up would run it."""
    result = subprocess.run([sys.executable, str(root / "seeds" / "seed_initial_data.py"), str(database)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
